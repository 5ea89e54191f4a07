using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>
/// The <c>changes</c> subscription on the real host (Kestrel on a real port, a real SQLite file) through the reference
/// npm clients: graphql-sse and graphql-ws (tests/clients) subscribe, a mutation with an API key goes through HTTP, and
/// the clients must print the change. The protocol refusals are driven with a raw WebSocket.
/// </summary>
public sealed class SubscriptionTransportTests(StreamHost api) : IClassFixture<StreamHost>
{
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string ChangesOf = """
        subscription ($ids: [ID!]) { changes(entityIds: $ids) { sequence actor action targetId targetKind entityIds entity { id description } } }
        """;

    [Theory]
    [InlineData("sse-subscribe.mjs")]
    [InlineData("ws-subscribe.mjs")]
    public async Task The_reference_client_receives_a_write_made_over_http(string script)
    {
        var place = await PlaceIdAsync(api, script == "sse-subscribe.mjs" ? 0 : 1);
        var query = SubscriptionFor(place);
        await using var client = NodeClient.Start(script, Url(api, script), query, "", "1");
        Assert.Equal("connected", (await client.NextAsync()).GetProperty("kind").GetString());

        // The server may register the subscription a moment after the client saw the connection: write until a change
        // arrives (each write is distinct), then check it is one of ours, as the audit trail recorded it.
        var written = new List<string>();
        JsonElement received;
        while (true)
        {
            var description = $"seen live {script} {written.Count}";
            var write = await api.QueryAsync(
                "mutation ($id: ID!, $d: String) { upsertPlace(input: {id: $id, description: $d}, reason: \"subscription test\") { id } }",
                new { id = place, d = description }, ApiHost.EditorKey);
            write.Ok();
            written.Add(description);
            var next = await client.TryNextAsync(TimeSpan.FromSeconds(2));
            if (next is { } line)
            {
                received = line;
                break;
            }
            Assert.True(written.Count < 30, "no change arrived after 30 writes: " + client.Output);
        }

        Assert.Equal("next", received.GetProperty("kind").GetString());
        var change = received.GetProperty("payload").GetProperty("data").GetProperty("changes");
        Assert.Equal("alice", change.GetProperty("actor").GetString());
        Assert.Equal("update", change.GetProperty("action").GetString());
        Assert.Equal(place, change.GetProperty("targetId").GetString());
        Assert.Equal("ENTITY", change.GetProperty("targetKind").GetString());
        Assert.Equal([place], change.GetProperty("entityIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(place, change.GetProperty("entity").GetProperty("id").GetString());
        Assert.Contains(change.GetProperty("entity").GetProperty("description").GetString(), written);
        var audit = (await api.QueryAsync("query ($id: ID) { auditLog(targetId: $id, first: 50) { sequence actor } }", new { id = place })).Ok();
        Assert.Contains(audit.GetProperty("auditLog").EnumerateArray(), e => e.GetProperty("sequence").GetInt32() == change.GetProperty("sequence").GetInt32());
    }

    [Fact]
    public async Task Queries_run_over_both_transports_and_invalid_documents_are_refused()
    {
        await using (var sse = NodeClient.Start("sse-subscribe.mjs", Url(api, "sse-subscribe.mjs"), "{ places(first: 1) { edges { node { id } } } }"))
        {
            await sse.NextAsync(); // connected
            Assert.Equal("next", (await sse.NextAsync()).GetProperty("kind").GetString());
            Assert.Equal("complete", (await sse.NextAsync()).GetProperty("kind").GetString());
        }
        await using (var ws = NodeClient.Start("ws-subscribe.mjs", Url(api, "ws-subscribe.mjs"), "subscription { changes { nope } }"))
        {
            await ws.NextAsync(); // connected
            var error = await ws.NextAsync();
            Assert.Equal("error", error.GetProperty("kind").GetString());
            Assert.Equal("Cannot query field \"nope\" on type \"Change\".", error.GetProperty("error")[0].GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task WebSocket_protocol_errors_close_with_the_protocol_codes()
    {
        Assert.Equal((4400, "Invalid message: unexpected type \"hello\""), await CloseOfAsync(api, """{"type":"hello"}"""));
        Assert.Equal(4400, (await CloseOfAsync(api, "not json")).Code);
        Assert.Equal((4401, "Unauthorized"), await CloseOfAsync(api, """{"id":"1","type":"subscribe","payload":{"query":"{ __typename }"}}"""));
        Assert.Equal((4429, "Too many initialisation requests"), await CloseOfAsync(api, """{"type":"connection_init"}""", """{"type":"connection_init"}"""));
        var subscribe = """{"id":"a","type":"subscribe","payload":{"query":"subscription { changes { sequence } }"}}""";
        Assert.Equal((4409, "Subscriber for a already exists"), await CloseOfAsync(api, """{"type":"connection_init"}""", subscribe, subscribe));
    }

    internal static string SubscriptionFor(string place) => ChangesOf.Replace("($ids: [ID!])", "", StringComparison.Ordinal).Replace("(entityIds: $ids)", $"(entityIds: [\"{place}\"])", StringComparison.Ordinal);

    internal static string Url(ApiHost host, string script) => script.StartsWith("ws", StringComparison.Ordinal)
        ? new Uri(host.Http.BaseAddress!, "/graphql/ws").ToString().Replace("http://", "ws://", StringComparison.Ordinal)
        : new Uri(host.Http.BaseAddress!, "/graphql/stream").ToString();

    internal static async Task<string> PlaceIdAsync(ApiHost host, int index, string? key = null)
    {
        var data = (await host.QueryAsync("{ places(first: 5) { edges { node { id } } } }", key: key)).Ok();
        return data.GetProperty("places").GetProperty("edges")[index].GetProperty("node").GetProperty("id").GetString()!;
    }

    /// <summary>Sends <paramref name="messages"/> on a raw graphql-transport-ws socket and returns how the server closed it.</summary>
    internal static async Task<(int Code, string? Reason)> CloseOfAsync(ApiHost host, params string[] messages)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new Uri(Url(host, "ws")), timeout.Token);
        foreach (var message in messages)
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, timeout.Token);
        }
        var buffer = new byte[8192];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return ((int)socket.CloseStatus!.Value, socket.CloseStatusDescription);
            }
        }
    }
}

/// <summary>
/// A host whose change feed polls the audit trail only hourly: what subscribers get within a test came from the store
/// decorator that every write through the API goes through.
/// </summary>
public sealed class StreamHost : ApiHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Limits:ChangeFeedPollInterval"] = "01:00:00",
    };
}

/// <summary>A host whose change feed polls every 200 ms, for writes that bypass this process's store decorator.</summary>
public sealed class FastPollHost : ApiHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Limits:ChangeFeedPollInterval"] = "00:00:00.2",
    };
}

/// <summary>Writes made elsewhere (another replica, the seed tool: here, the store under the decorator) arrive through the poll.</summary>
public sealed class SubscriptionCatchUpTests(FastPollHost api) : IClassFixture<FastPollHost>
{
    [Fact]
    public async Task A_write_that_bypasses_the_api_reaches_subscribers_from_the_audit_trail()
    {
        var place = await SubscriptionTransportTests.PlaceIdAsync(api, 2);
        var raw = ((GraphIntel.Api.Subscriptions.PublishingGraphStore)((GraphIntel.Graph.Store.CachingGraphStore)api.Store).Inner).Inner;
        await using var client = NodeClient.Start("ws-subscribe.mjs", SubscriptionTransportTests.Url(api, "ws-subscribe.mjs"), SubscriptionTransportTests.SubscriptionFor(place), "", "1");
        Assert.Equal("connected", (await client.NextAsync()).GetProperty("kind").GetString());
        JsonElement? received = null;
        for (var i = 0; received is null; i++)
        {
            Assert.True(i < 30, "no change arrived after 30 writes: " + client.Output);
            await raw.ApplyAsync(
                new GraphIntel.Graph.Store.ChangeSet { EntityPatches = [new GraphIntel.Graph.Store.Patches.EntityPatch(place, GraphIntel.Graph.Ontology.EntityKind.Place) { Description = $"written elsewhere {i}" }] },
                new GraphIntel.Graph.Store.WriteContext("seed tool", "catch-up test", DateTimeOffset.UtcNow));
            received = await client.TryNextAsync(TimeSpan.FromSeconds(2));
        }
        var change = received.Value.GetProperty("payload").GetProperty("data").GetProperty("changes");
        Assert.Equal("seed tool", change.GetProperty("actor").GetString());
        Assert.Equal(place, change.GetProperty("targetId").GetString());
        Assert.StartsWith("written elsewhere", change.GetProperty("entity").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>A host that wants a key for reads and allows one WebSocket connection and one subscription.</summary>
public sealed class KeyedTinyStreamHost : ApiHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Auth:RequireKeyForReads"] = "true",
        ["GraphIntel:Limits:MaxWebSocketConnections"] = "1",
        ["GraphIntel:Limits:MaxSubscriptions"] = "1",
    };
}

/// <summary>Keys and limits on the streaming transports: the same read policy as queries, and the connection bounds.</summary>
public sealed class SubscriptionPolicyTests(KeyedTinyStreamHost api) : IClassFixture<KeyedTinyStreamHost>
{
    [Fact]
    public async Task Where_reads_need_a_key_streams_do_too_and_the_limits_hold()
    {
        // SSE without a key: refused by the key check, as a query is.
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/stream?query=subscription%7Bchanges%7Bsequence%7D%7D"))
        {
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await api.Http.SendAsync(request);
            Assert.Equal(401, (int)response.StatusCode);
        }
        // A WebSocket without a key anywhere: connection_init is refused with 4403.
        Assert.Equal((4403, "Forbidden"), await SubscriptionTransportTests.CloseOfAsync(api, """{"type":"connection_init"}"""));

        // With the key in connection_init (as a browser would send it), the graphql-ws client subscribes; while it holds
        // the one connection and the one subscription, a second WebSocket is refused (503) and an SSE stream too (503).
        var place = await SubscriptionTransportTests.PlaceIdAsync(api, 0, ApiHost.ReaderKey);
        await using var client = NodeClient.Start("ws-subscribe.mjs", SubscriptionTransportTests.Url(api, "ws-subscribe.mjs"),
            SubscriptionTransportTests.SubscriptionFor(place), ApiHost.ReaderKey);
        Assert.Equal("connected", (await client.NextAsync()).GetProperty("kind").GetString());
        using var second = new ClientWebSocket();
        second.Options.AddSubProtocol("graphql-transport-ws");
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => second.ConnectAsync(new Uri(SubscriptionTransportTests.Url(api, "ws")), CancellationToken.None));
        Assert.Contains("503", refused.Message, StringComparison.Ordinal);

        HttpResponseMessage? busy = null;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/stream?query=subscription%7Bchanges%7Bsequence%7D%7D");
            request.Headers.Accept.ParseAdd("text/event-stream");
            request.Headers.Authorization = new("Bearer", ApiHost.ReaderKey);
            var response = await api.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if ((int)response.StatusCode == 503) { busy = response; break; }
            response.Dispose(); // the WebSocket's subscription was not registered yet: this stream took the slot
            await Task.Delay(100);
        }
        Assert.NotNull(busy);
        using (busy)
        {
            var body = JsonDocument.Parse(await busy!.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("TOO_MANY_SUBSCRIPTIONS", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
            Assert.NotNull(busy.Headers.RetryAfter);
        }
    }
}

/// <summary>A host of its own, to be stopped while clients listen.</summary>
public sealed class SubscriptionShutdownTests
{
    [Fact]
    public async Task Stopping_the_host_completes_sse_streams_and_closes_websockets_with_1001()
    {
        var host = new ApiHost();
        await host.InitializeAsync();
        try
        {
            var place = await SubscriptionTransportTests.PlaceIdAsync(host, 0);
            await using var sse = NodeClient.Start("sse-subscribe.mjs", SubscriptionTransportTests.Url(host, "sse-subscribe.mjs"), SubscriptionTransportTests.SubscriptionFor(place));
            await using var ws = NodeClient.Start("ws-subscribe.mjs", SubscriptionTransportTests.Url(host, "ws-subscribe.mjs"), SubscriptionTransportTests.SubscriptionFor(place));
            Assert.Equal("connected", (await sse.NextAsync()).GetProperty("kind").GetString());
            Assert.Equal("connected", (await ws.NextAsync()).GetProperty("kind").GetString());
            await Task.Delay(500); // let the WebSocket's subscribe message arrive (the assertion does not depend on it)

            var stopping = host.DisposeAsync();
            Assert.Equal("complete", (await sse.NextAsync()).GetProperty("kind").GetString());
            var closed = await ws.NextAsync();
            Assert.Equal("closed", closed.GetProperty("kind").GetString());
            Assert.Equal(1001, closed.GetProperty("code").GetInt32());
            await stopping;
        }
        finally
        {
            try { await host.DisposeAsync(); } catch (ObjectDisposedException) { }
        }
    }
}

/// <summary>A reference client script of tests/clients run by node; its output lines (JSON) are read as they come.</summary>
internal sealed class NodeClient : IAsyncDisposable
{
    private static readonly string Directory = RepoPaths.In("tests/clients");
    private readonly Process _process;
    private readonly Channel<JsonElement> _lines = Channel.CreateUnbounded<JsonElement>();
    private readonly StringBuilder _output = new();

    private NodeClient(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static NodeClient Start(string script, params string[] arguments)
    {
        Assert.True(System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "graphql-ws")),
            $"the reference clients are not installed in {Directory}: run `npm ci` there (tests/run does)");
        var start = new ProcessStartInfo("node", [script, .. arguments])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var client = new NodeClient(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 } line) return;
            lock (client._output) client._output.AppendLine(line);
            client._lines.Writer.TryWrite(JsonDocument.Parse(line).RootElement.Clone());
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (client._output) client._output.AppendLine("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return client;
    }

    public async Task<JsonElement> NextAsync()
    {
        using var timeout = new CancellationTokenSource(SubscriptionTransportTests.Patience);
        try
        {
            return await _lines.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("the client printed nothing more within the patience: " + Output);
        }
    }

    public async Task<JsonElement?> TryNextAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await _lines.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
