using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using GraphIntel.Graph.Neo4j.Cypher;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// Forwards every request to the real Neo4j, except that the next write commits (the requests that commit a write: a
/// POST to a <c>…/commit</c> URL whose statements advance the write generation) meet the faults scripted for them, in
/// order. Faults that reach the server go through the real server; only the network around it is simulated.
/// </summary>
public sealed class FaultingNeo4jHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public enum Fault
    {
        /// <summary>Forwarded untouched.</summary>
        None,
        /// <summary>Forwarded and answered in full (so committed); then the connection "breaks" before the client sees it.</summary>
        LoseAnswer,
        /// <summary>Forwarded and answered in full; the answer is then held until the client gives up on it.</summary>
        HoldAnswer,
        /// <summary>Never forwarded: the connection "breaks" while the request is being sent.</summary>
        DropRequest,
        /// <summary>Never forwarded: no connection could be made.</summary>
        RefuseConnection,
        /// <summary>Never forwarded: answered with Neo4j's deadlock error (a transient error; the server rolled back).</summary>
        TransientError,
        /// <summary>Held (not forwarded) until the client gives up; <see cref="ForwardLateAsync"/> delivers it afterwards.</summary>
        DelayRequest,
    }

    private readonly Queue<Fault> _faults = new();
    private readonly List<(Uri Uri, byte[] Body, string? Authorization)> _delayed = [];
    private int _writeCommits;

    /// <summary>Write commit requests the client sent so far.</summary>
    public int WriteCommits => Volatile.Read(ref _writeCommits);

    public FaultingNeo4jHandler Then(Fault fault) { lock (_faults) _faults.Enqueue(fault); return this; }

    /// <summary>Sends the requests <see cref="Fault.DelayRequest"/> held back to Neo4j now; their answer bodies.</summary>
    public async Task<IReadOnlyList<string>> ForwardLateAsync()
    {
        var answers = new List<string>();
        foreach (var (uri, body, authorization) in _delayed)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await base.SendAsync(request, CancellationToken.None);
            answers.Add(await response.Content.ReadAsStringAsync());
        }
        _delayed.Clear();
        return answers;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(ct);
        if (body is null || !IsWriteCommit(request, body)) return await base.SendAsync(request, ct);
        Interlocked.Increment(ref _writeCommits);
        Fault fault;
        lock (_faults) fault = _faults.Count > 0 ? _faults.Dequeue() : Fault.None;
        switch (fault)
        {
            case Fault.LoseAnswer:
                using (var answered = await base.SendAsync(request, ct)) await answered.Content.LoadIntoBufferAsync(ct);
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "the connection closed before the answer (scripted)");
            case Fault.HoldAnswer:
                var held = await base.SendAsync(request, ct);
                await held.Content.LoadIntoBufferAsync(ct);
                using (held) await Task.Delay(Timeout.Infinite, ct);
                throw new UnreachableException();
            case Fault.DropRequest:
                throw new HttpRequestException(HttpRequestError.Unknown, "the connection broke while sending the request (scripted)");
            case Fault.RefuseConnection:
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (scripted)");
            case Fault.TransientError:
                return new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(
                        """{"results":[],"errors":[{"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"scripted deadlock"}]}""",
                        Encoding.UTF8, "application/json"),
                };
            case Fault.DelayRequest:
                _delayed.Add((request.RequestUri!, body, request.Headers.Authorization?.ToString()));
                await Task.Delay(Timeout.Infinite, ct);
                throw new UnreachableException();
            default:
                return await base.SendAsync(request, ct);
        }
    }

    private static bool IsWriteCommit(HttpRequestMessage request, byte[] body)
    {
        if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith("/commit", StringComparison.Ordinal)) return false;
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("statements", out var statements)
            && statements.EnumerateArray().Any(s => s.GetProperty("statement").GetString() == Statements.AdvanceWriteGeneration);
    }
}
