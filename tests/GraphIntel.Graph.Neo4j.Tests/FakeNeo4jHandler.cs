using System.Net;
using System.Text;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// Stands in for a Neo4j 3.x server in process: answers discovery (<c>GET /</c>, <c>GET /db/data/</c>) like Neo4j,
/// and each transaction request with the next scripted answer — a result, an error code in the body, or a dropped
/// connection. It replaces the server, not the code under test (the real client, pipeline and store run against it).
/// </summary>
internal sealed class FakeNeo4jHandler(string version = "3.1.1") : HttpMessageHandler
{
    public static readonly Uri Url = new("http://neo4j.test:7474/");
    private readonly Queue<Func<HttpResponseMessage>> _script = new();
    private Func<HttpResponseMessage> _otherwise = Ok;
    private int _transactionRequests;
    private readonly List<string> _bodies = [];

    /// <summary>The bodies of the transaction requests so far, in order.</summary>
    public IReadOnlyList<string> Bodies { get { lock (_bodies) return [.. _bodies]; } }

    /// <summary>Requests to the transaction endpoint so far (discovery not counted).</summary>
    public int TransactionRequests => Volatile.Read(ref _transactionRequests);

    public FakeNeo4jHandler Then(Func<HttpResponseMessage> answer) { lock (_script) _script.Enqueue(answer); return this; }

    /// <summary>What every request gets once the script is used up.</summary>
    public FakeNeo4jHandler Otherwise(Func<HttpResponseMessage> answer) { lock (_script) _otherwise = answer; return this; }

    /// <summary>Once the script is used up, every request gets an empty result per statement it sent.</summary>
    public FakeNeo4jHandler OtherwiseEmptyResults() { lock (_script) _emptyPerStatement = true; return this; }

    private bool _emptyPerStatement;

    public static HttpResponseMessage Ok() => Json("""{"results":[{"columns":["ok"],"data":[{"row":[1]}]}],"errors":[]}""");

    public static HttpResponseMessage Error(string code, string message = "scripted failure") =>
        Json($$"""{"results":[],"errors":[{"code":"{{code}}","message":"{{message}}"}]}""");

    /// <summary>An empty result (no columns, no rows) for each of <paramref name="statements"/> statements.</summary>
    public static HttpResponseMessage EmptyResults(int statements) =>
        Json($$"""{"results":[{{string.Join(",", Enumerable.Repeat("""{"columns":[],"data":[]}""", statements))}}],"errors":[]}""");

    public static HttpResponseMessage ConnectionRefused() => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (neo4j.test:7474)");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Get && path == "/")
            return Task.FromResult(Json("""{"management":"http://neo4j.test:7474/db/manage/","data":"http://neo4j.test:7474/db/data/"}"""));
        if (request.Method == HttpMethod.Get && path == "/db/data/")
            return Task.FromResult(Json($$"""{"transaction":"http://neo4j.test:7474/db/data/transaction","neo4j_version":"{{version}}","neo4j_edition":"community"}"""));
        Interlocked.Increment(ref _transactionRequests);
        var body = request.Content?.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult() ?? "";
        lock (_bodies) _bodies.Add(body);
        Func<HttpResponseMessage> answer;
        lock (_script)
        {
            answer = _script.Count > 0 ? _script.Dequeue()
                : _emptyPerStatement ? () => EmptyResults(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("statements").GetArrayLength())
                : _otherwise;
        }
        return Task.FromResult(answer());
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
