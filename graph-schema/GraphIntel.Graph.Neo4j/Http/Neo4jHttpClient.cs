using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphIntel.Graph.Store;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GraphIntel.Graph.Neo4j.Http;

/// <summary>
/// Speaks one of Neo4j's two HTTP protocols, chosen at discovery (<see cref="Neo4jProtocol"/>):
/// <list type="bullet">
/// <item>the transactional endpoint: <c>{"statements":[…]}</c> in, <c>{"results":[…],"errors":[…]}</c> out — served by
/// every Neo4j from 3.x to 5.x and 2025.x. All statements of one call run in one transaction: through the commit
/// endpoint when they fit one request, else through an open transaction (begin, continue, commit);</item>
/// <item>the Query API (<see cref="QueryApi"/>; Neo4j 5.26+ for explicit transactions): one statement per request, typed
/// JSON both ways; one statement runs in an implicit transaction, several in an explicit one (open with the first,
/// one request per statement, commit with the last), every request after the first carrying the
/// <c>neo4j-cluster-affinity</c> header the server sent.</item>
/// </list>
/// Either way an open transaction is rolled back when any request fails, so a call commits whole or not at all.
/// Every call goes through the resilience pipeline given at construction; a retry re-runs the whole transaction, and a
/// write (<see cref="WriteAsync"/>) is retried only after a failure that proves it did not commit.
/// </summary>
internal sealed class Neo4jHttpClient
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Neo4jOptions _options;
    internal Neo4jOptions Options => _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _discoveryLock = new(1, 1);
    private Uri? _commitUri;
    private Uri? _beginUri;
    private QueryApi? _queryApi;
    private volatile string? _lastFailure;

    public Neo4jHttpClient(HttpClient http, Neo4jOptions options, ResiliencePipeline pipeline, TimeProvider? timeProvider = null)
    {
        _http = http;
        _options = options;
        _pipeline = pipeline;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Known after the first successful call.</summary>
    public Neo4jVersion? ServerVersion { get; private set; }

    /// <summary>The protocol discovery chose; known after the first successful call.</summary>
    public Neo4jProtocol? Protocol { get; private set; }

    /// <summary>Runs the statements in one transaction and returns one result per statement.</summary>
    public Task<IReadOnlyList<StatementResult>> RunAsync(IReadOnlyList<Statement> statements, CancellationToken ct) =>
        RunAsync(statements, writes: false, ct);

    private Task<IReadOnlyList<StatementResult>> RunAsync(IReadOnlyList<Statement> statements, bool writes, CancellationToken ct) =>
        ExecuteAsync(Math.Max(1, Protocol == Neo4jProtocol.Query ? statements.Count : 1), writes, async token =>
        {
            await DiscoverAsync(token).ConfigureAwait(false);
            if (_queryApi is { } api) return await api.RunAsync(statements, token).ConfigureAwait(false);
            return await PostAsync(_commitUri!, statements, token).ConfigureAwait(false);
        }, ct);

    public async Task<StatementResult> RunAsync(Statement statement, CancellationToken ct) =>
        (await RunAsync([statement], ct).ConfigureAwait(false))[0];

    /// <summary>
    /// Runs the statements in one transaction spread over requests of at most <paramref name="statementsPerRequest"/>
    /// statements each; returns one result per statement. Nothing is committed unless every statement succeeds.
    /// </summary>
    public Task<IReadOnlyList<StatementResult>> RunInTransactionAsync(
        IReadOnlyList<Statement> statements, int statementsPerRequest, CancellationToken ct) =>
        RunInTransactionAsync(statements, statementsPerRequest, writes: false, ct);

    /// <summary>
    /// <see cref="RunInTransactionAsync(IReadOnlyList{Statement}, int, CancellationToken)"/> for a transaction that is
    /// not idempotent: it is retried only after failures that prove it did not commit
    /// (<see cref="Neo4jResilience.ProvesNothingCommitted"/>); after a timeout or a connection lost once it may have
    /// been sent, it fails with <see cref="Neo4jWriteOutcomeUnknownException"/>.
    /// </summary>
    public Task<IReadOnlyList<StatementResult>> WriteAsync(
        IReadOnlyList<Statement> statements, int statementsPerRequest, CancellationToken ct) =>
        RunInTransactionAsync(statements, statementsPerRequest, writes: true, ct);

    private Task<IReadOnlyList<StatementResult>> RunInTransactionAsync(
        IReadOnlyList<Statement> statements, int statementsPerRequest, bool writes, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statementsPerRequest, 1);
        // The Query API takes one statement per request whatever the batching: RunAsync opens the transaction it needs.
        if (statements.Count <= statementsPerRequest || Protocol == Neo4jProtocol.Query) return RunAsync(statements, writes, ct);
        var requests = statements.Chunk(statementsPerRequest).ToArray();
        return ExecuteAsync(requests.Length, writes, token => RunOpenTransactionAsync(requests, token), ct);
    }

    private async Task<IReadOnlyList<StatementResult>> RunOpenTransactionAsync(Statement[][] requests, CancellationToken ct)
    {
        await DiscoverAsync(ct).ConfigureAwait(false);
        // Before the first discovery the protocol was not known to the caller: the Query API runs its own transaction.
        if (_queryApi is { } api) return await api.RunAsync(requests.SelectMany(r => r).ToArray(), ct).ConfigureAwait(false);
        var results = new List<StatementResult>();
        var (transaction, first) = await BeginAsync(requests[0], ct).ConfigureAwait(false);
        var committed = false;
        try
        {
            results.AddRange(first);
            for (var i = 1; i < requests.Length - 1; i++)
                results.AddRange(await PostAsync(transaction, requests[i], ct).ConfigureAwait(false));
            results.AddRange(await PostAsync(new Uri(transaction + "/commit"), requests[^1], ct).ConfigureAwait(false));
            committed = true;
            return results;
        }
        finally
        {
            if (!committed) await RollBackAsync(transaction).ConfigureAwait(false);
        }
    }

    /// <summary>Opens a transaction with the first request's statements; Neo4j names it in the Location header.</summary>
    private async Task<(Uri Transaction, IReadOnlyList<StatementResult> Results)> BeginAsync(Statement[] statements, CancellationToken ct)
    {
        using var request = NewPost(_beginUri!, statements);
        using var response = await SendAsync(request, ct).ConfigureAwait(false);
        var location = response.Headers.Location
            ?? throw new GraphStoreException($"Neo4j at {_options.Url} opened a transaction without naming it (no Location header)", isTransient: false);
        var transaction = location.IsAbsoluteUri ? location : new Uri(_beginUri!, location);
        try
        {
            return (transaction, await ReadResultsAsync(response, statements.Length, ct).ConfigureAwait(false));
        }
        catch
        {
            await RollBackAsync(transaction).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Best effort: Neo4j rolls a failed transaction back by itself and expires abandoned ones.</summary>
    internal async Task RollBackAsync(Uri transaction, Action<HttpRequestMessage>? prepare = null)
    {
        try
        {
            using var cts = new CancellationTokenSource(_options.AttemptTimeout, _time);
            using var request = new HttpRequestMessage(HttpMethod.Delete, transaction);
            request.Headers.Accept.Add(Json);
            Authorize(request);
            prepare?.Invoke(request);
            using var response = await _http.SendAsync(request, cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The server is unreachable or slow: the transaction dies with it or expires.
        }
    }

    private async Task<IReadOnlyList<StatementResult>> ExecuteAsync(
        int requests, bool writes, Func<CancellationToken, Task<IReadOnlyList<StatementResult>>> call, CancellationToken ct)
    {
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(Neo4jResilience.Requests, requests);
        context.Properties.Set(Neo4jResilience.Writes, writes);
        try
        {
            return await _pipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    try
                    {
                        return await state(ctx.CancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        // Read by the retry strategy (a write that may have committed is not retried) and below.
                        ctx.Properties.Set(Neo4jResilience.MayHaveCommitted, !Neo4jResilience.ProvesNothingCommitted(e));
                        if (Neo4jResilience.IsTransient(e)) _lastFailure = e.Message;
                        throw;
                    }
                },
                context, call).ConfigureAwait(false);
        }
        catch (Exception e) when (writes && context.Properties.GetValue(Neo4jResilience.MayHaveCommitted, false)
                                  && (Neo4jResilience.IsTransient(e) || e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var cause = e is TimeoutRejectedException t ? $"no answer within {t.Timeout.TotalSeconds:0.#} s" : e.Message;
            throw new Neo4jWriteOutcomeUnknownException(
                $"the outcome of a write to Neo4j at {_options.Url} is unknown: its transaction may have committed ({cause}). " +
                "It was not retried, since repeating a committed write would apply it twice. Check whether it landed before " +
                "writing it again: a committed write advanced the write generation and added its entries to the audit log", e);
        }
        catch (BrokenCircuitException e)
        {
            var cause = e.InnerException?.Message ?? _lastFailure ?? "repeated failures";
            throw new GraphStoreUnavailableException(
                $"Neo4j at {_options.Url} is unavailable: the circuit is open after repeated failures (last: {cause}); " +
                $"calls fail fast until a trial call after {_options.BreakDuration.TotalSeconds:0.#} s succeeds", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new GraphStoreUnavailableException(
                $"Neo4j at {_options.Url} did not answer in time (after {e.Timeout.TotalSeconds:0.#} s; last failure: {_lastFailure ?? "none"})", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The transactional endpoint's commit URL (after discovery); only when that protocol is in use.</summary>
    public async Task<Uri> GetCommitUriAsync(CancellationToken ct)
    {
        await DiscoverAsync(ct).ConfigureAwait(false);
        return _commitUri ?? throw new InvalidOperationException($"the store speaks the {Protocol} protocol, not the transactional endpoint");
    }

    /// <summary>
    /// Reads the discovery document (<c>GET /</c>) once: the server's version and the endpoint of the protocol
    /// <see cref="Neo4jDiscovery.Choose"/> picks (4+: URL templates <c>transaction</c> and <c>query</c>; 3.x: a
    /// <c>data</c> URL whose document names the transaction endpoint).
    /// </summary>
    public async Task DiscoverAsync(CancellationToken ct)
    {
        if (Protocol is not null) return;
        await _discoveryLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Protocol is not null) return;
            JsonDocument discovered;
            try
            {
                discovered = await GetJsonAsync(_options.Url, ct).ConfigureAwait(false);
            }
            catch (GraphStoreException e) when (_options.Protocol == Neo4jProtocol.Query && !e.IsTransient)
            {
                // Aura serves no discovery document (the Query API manual, endpoints): the documented path, and the
                // version from the server itself.
                var api = new QueryApi(Neo4jDiscovery.QueryEndpoint(_options, template: null), this);
                var answer = (await api.RunAsync([new Statement(Cypher.Statements.ServerVersion)], ct).ConfigureAwait(false))[0];
                ServerVersion = Neo4jVersion.Parse(answer.Rows.Count == 1 ? answer.Rows[0][0].GetString() : null);
                _queryApi = api;
                Protocol = Neo4jProtocol.Query;
                return;
            }
            using var root = discovered;
            string? versionText = root.RootElement.TryGetProperty("neo4j_version", out var v) ? v.GetString() : null;
            string? transaction = root.RootElement.TryGetProperty("transaction", out var tx) ? tx.GetString() : null;
            if (transaction is null && root.RootElement.TryGetProperty("data", out var data) && data.GetString() is { } dataUrl)
            {
                var dataUri = new Uri(dataUrl.EndsWith('/') ? dataUrl : dataUrl + "/");
                using var service = await GetJsonAsync(dataUri, ct).ConfigureAwait(false);
                versionText = service.RootElement.TryGetProperty("neo4j_version", out var sv) ? sv.GetString() : versionText;
                transaction = new Uri(dataUri, "transaction").ToString();
            }
            if (versionText is null && transaction is null)
                throw new GraphStoreException(
                    $"{_options.Url} does not look like Neo4j: GET / names no version and neither a 'transaction', 'query' nor 'data' URL", isTransient: false);
            var version = Neo4jVersion.Parse(versionText);
            var choice = Neo4jDiscovery.Choose(_options, root.RootElement, transaction, version);
            if (choice.Protocol == Neo4jProtocol.Query)
            {
                _queryApi = new QueryApi(choice.Endpoint, this);
            }
            else
            {
                _beginUri = choice.Endpoint;
                _commitUri = new Uri(choice.Endpoint + "/commit");
            }
            ServerVersion = version;
            Protocol = choice.Protocol;
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
        return await ReadJsonAsync(response, ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<StatementResult>> PostAsync(Uri uri, IReadOnlyList<Statement> statements, CancellationToken ct)
    {
        using var request = NewPost(uri, statements);
        using var response = await SendAsync(request, ct).ConfigureAwait(false);
        return await ReadResultsAsync(response, statements.Count, ct).ConfigureAwait(false);
    }

    private HttpRequestMessage NewPost(Uri uri, IReadOnlyList<Statement> statements)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Accept.Add(Json);
        Authorize(request);
        request.Content = new ByteArrayContent(SerializeStatements(statements));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return request;
    }

    /// <summary>The results of a response body, or the first error it reports as an exception.</summary>
    private async Task<IReadOnlyList<StatementResult>> ReadResultsAsync(HttpResponseMessage response, int expected, CancellationToken ct)
    {
        using var doc = await ReadJsonAsync(response, ct).ConfigureAwait(false);
        if (FirstError(doc.RootElement) is { } error) throw error;
        var results = new List<StatementResult>(expected);
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
        if (results.Count != expected)
            throw new GraphStoreException($"Neo4j at {_options.Url} returned {results.Count} results for {expected} statements", isTransient: false);
        return results;
    }

    /// <summary>The first error a response body reports, as the exception its code maps to; null when it reports none.</summary>
    internal static GraphStoreException? FirstError(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0) return null;
        var first = errors[0];
        return Neo4jErrors.ToException(
            first.TryGetProperty("code", out var c) ? c.GetString() ?? Neo4jErrors.UnknownCode : Neo4jErrors.UnknownCode,
            first.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
    }

    private async Task<GraphStoreException?> FirstErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var doc = await ReadJsonAsync(response, ct).ConfigureAwait(false);
            return FirstError(doc.RootElement);
        }
        catch (GraphStoreException)
        {
            return null; // no readable body: the status decides
        }
    }

    /// <summary>Reads a JSON body; a connection lost mid-body is transient, a body that is not JSON is not.</summary>
    internal async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            return await JsonDocument.ParseAsync(body, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new Neo4jTransportException($"lost the connection to Neo4j at {_options.Url} while reading its answer: {e.Message}", mayHaveCommitted: true, e);
        }
        catch (JsonException e)
        {
            throw new GraphStoreException($"Neo4j at {_options.Url} answered {response.RequestMessage?.RequestUri} with a body that is not JSON: {e.Message}", isTransient: false, e);
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/>; a status other than 2xx is an exception — transient for 5xx, 408 and 429. With
    /// <paramref name="errorsInBody"/> (the Query API, whose status may follow the error), the first error of a JSON
    /// <c>errors</c> body decides instead, by its Neo4j code.
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct, bool errorsInBody = false)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            // Only a connection never made proves the request was not sent; one lost later may have carried it.
            var neverConnected = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError;
            throw new Neo4jTransportException($"cannot reach Neo4j at {_options.Url}: {e.Message}", mayHaveCommitted: !neverConnected, e);
        }
        if (response.IsSuccessStatusCode) return response;
        var status = response.StatusCode;
        using var failed = response;
        if (errorsInBody && status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            && await FirstErrorAsync(failed, ct).ConfigureAwait(false) is { } error)
            throw error;
        throw status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new GraphStoreException($"Neo4j at {_options.Url} refused the credentials ({(int)status}); check GRAPHINTEL_NEO4J_USER and GRAPHINTEL_NEO4J_PASSWORD", isTransient: false),
            >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout =>
                new Neo4jTransportException($"Neo4j at {_options.Url} answered {(int)status} to {request.Method} {request.RequestUri}",
                    mayHaveCommitted: status is not (HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or HttpStatusCode.ServiceUnavailable)),
            _ => new GraphStoreException($"Neo4j at {_options.Url} answered {(int)status} to {request.Method} {request.RequestUri}", isTransient: false),
        };
    }

    internal void Authorize(HttpRequestMessage request)
    {
        if (_options.Password is null) return;
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
