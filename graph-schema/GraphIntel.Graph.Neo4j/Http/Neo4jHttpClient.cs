using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphIntel.Graph.Store;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GraphIntel.Graph.Neo4j.Http;

/// <summary>The server's version, read at discovery; it chooses schema-statement syntax.</summary>
public readonly record struct Neo4jVersion(int Major, int Minor)
{
    public static Neo4jVersion Parse(string? text)
    {
        var parts = (text ?? "").Split('.', '-');
        return parts.Length >= 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor)
            ? new Neo4jVersion(major, minor)
            : throw new GraphStoreException($"Neo4j reported an unreadable version '{text}'", isTransient: false);
    }

    public override string ToString() => $"{Major}.{Minor}";
}

/// <summary>
/// Speaks Neo4j's transactional HTTP endpoint: <c>{"statements":[…]}</c> in, <c>{"results":[…],"errors":[…]}</c>
/// out — the one shape served by every Neo4j from 3.x to 5.x and 2025.x. All statements of one call run in one
/// transaction (commit endpoint), so a call either commits whole or not at all. Every call goes through the
/// resilience pipeline given at construction.
/// </summary>
public sealed class Neo4jHttpClient
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Neo4jOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly SemaphoreSlim _discoveryLock = new(1, 1);
    private Uri? _commitUri;

    public Neo4jHttpClient(HttpClient http, Neo4jOptions options, ResiliencePipeline pipeline)
    {
        _http = http;
        _options = options;
        _pipeline = pipeline;
    }

    /// <summary>Known after the first successful call.</summary>
    public Neo4jVersion? ServerVersion { get; private set; }

    /// <summary>Runs the statements in one transaction and returns one result per statement.</summary>
    public async Task<IReadOnlyList<StatementResult>> RunAsync(IReadOnlyList<Statement> statements, CancellationToken ct)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    var uri = await GetCommitUriAsync(token).ConfigureAwait(false);
                    return await PostAsync(uri, statements, token).ConfigureAwait(false);
                },
                ct).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            throw new GraphStoreUnavailableException(
                $"Neo4j at {_options.Url} is unavailable (circuit open after repeated failures; retrying by itself in {_options.BreakDuration.TotalSeconds:0.#} s)", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new GraphStoreUnavailableException($"Neo4j at {_options.Url} did not answer in time", e);
        }
    }

    public async Task<StatementResult> RunAsync(Statement statement, CancellationToken ct) =>
        (await RunAsync([statement], ct).ConfigureAwait(false))[0];

    /// <summary>Finds the transaction endpoint from <c>GET /</c> (4+: a <c>transaction</c> URL template; 3.x: a <c>data</c> URL).</summary>
    public async Task<Uri> GetCommitUriAsync(CancellationToken ct)
    {
        if (_commitUri is not null) return _commitUri;
        await _discoveryLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_commitUri is not null) return _commitUri;
            using var root = await GetJsonAsync(_options.Url, ct).ConfigureAwait(false);
            if (root.RootElement.TryGetProperty("transaction", out var tx) && tx.GetString() is { } template)
            {
                ServerVersion = Neo4jVersion.Parse(root.RootElement.TryGetProperty("neo4j_version", out var v) ? v.GetString() : null);
                _commitUri = new Uri(template.Replace("{databaseName}", Uri.EscapeDataString(_options.Database), StringComparison.Ordinal) + "/commit");
            }
            else if (root.RootElement.TryGetProperty("data", out var data) && data.GetString() is { } dataUrl)
            {
                var dataUri = new Uri(dataUrl.EndsWith('/') ? dataUrl : dataUrl + "/");
                using var service = await GetJsonAsync(dataUri, ct).ConfigureAwait(false);
                ServerVersion = Neo4jVersion.Parse(service.RootElement.TryGetProperty("neo4j_version", out var v) ? v.GetString() : null);
                _commitUri = new Uri(dataUri, "transaction/commit");
            }
            else
            {
                throw new GraphStoreException(
                    $"{_options.Url} does not look like Neo4j: GET / has neither a 'transaction' nor a 'data' URL", isTransient: false);
            }
            return _commitUri;
        }
        finally
        {
            _discoveryLock.Release();
        }
    }

    private async Task<JsonDocument> GetJsonAsync(Uri uri, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(Json);
        Authorize(request);
        using var response = await SendAsync(request, ct).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(body, cancellationToken: ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<StatementResult>> PostAsync(Uri uri, IReadOnlyList<Statement> statements, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Accept.Add(Json);
        Authorize(request);
        request.Content = new ByteArrayContent(SerializeStatements(statements));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await SendAsync(request, ct).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: ct).ConfigureAwait(false);
        if (doc.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            throw Neo4jErrors.ToException(first.GetProperty("code").GetString() ?? "Neo.DatabaseError.General.UnknownError",
                first.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
        }
        var results = new List<StatementResult>(statements.Count);
        foreach (var result in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            var columns = result.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
            var rows = new List<JsonElement[]>();
            foreach (var data in result.GetProperty("data").EnumerateArray())
            {
                var row = data.GetProperty("row");
                var values = new JsonElement[row.GetArrayLength()];
                var i = 0;
                foreach (var value in row.EnumerateArray()) values[i++] = value.Clone();
                rows.Add(values);
            }
            results.Add(new StatementResult(columns, rows));
        }
        return results;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new GraphStoreException($"cannot reach Neo4j at {_options.Url}: {e.Message}", isTransient: true, e);
        }
        if (response.IsSuccessStatusCode) return response;
        var status = response.StatusCode;
        response.Dispose();
        throw status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new GraphStoreException($"Neo4j at {_options.Url} refused the credentials ({(int)status})", isTransient: false),
            >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout =>
                new GraphStoreException($"Neo4j at {_options.Url} answered {(int)status}", isTransient: true),
            _ => new GraphStoreException($"Neo4j at {_options.Url} answered {(int)status} to {request.Method} {request.RequestUri}", isTransient: false),
        };
    }

    private void Authorize(HttpRequestMessage request)
    {
        if (_options.User is null) return;
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.User}:{_options.Password}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
    }

    private static byte[] SerializeStatements(IReadOnlyList<Statement> statements)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("statements");
            foreach (var s in statements)
            {
                w.WriteStartObject();
                w.WriteString("statement", s.Text);
                w.WritePropertyName("parameters");
                CypherValues.Write(w, s.Parameters);
                w.WriteStartArray("resultDataContents");
                w.WriteStringValue("row");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
