using System.Net;
using System.Text.Json;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Tests.QueryApi;

/// <summary>
/// The client's Query API protocol against <see cref="QueryApiShim"/> (the manual's wire format over the real Neo4j
/// 3.1.1): discovery's choice, explicit transactions that commit whole or leave nothing, the affinity header, error
/// mapping and value encoding. What the database holds is read back over the transactional endpoint of the real server.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jQueryApiTests : IAsyncLifetime
{
    private const string CreateProbe = "CREATE (:QueryApiProbe {n: $n})";
    private Neo4jGraphStore _direct = null!;

    public async Task InitializeAsync()
    {
        _direct = new Neo4jGraphStore(Neo4jTestDatabase.Options());
        await Neo4jTestDatabase.WipeAsync(_direct);
    }

    public async Task DisposeAsync() => await _direct.DisposeAsync();

    private static Neo4jGraphStore QueryStore(QueryApiShim shim, Neo4jProtocol protocol = Neo4jProtocol.Query)
    {
        var options = Neo4jTestDatabase.Options(shim.Url);
        options.Protocol = protocol;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        options.BreakerMinimumThroughput = 100; // scripted transient errors retry; they must not open the circuit
        return new Neo4jGraphStore(options);
    }

    private static Statement Probe(int n) => new(CreateProbe, new Dictionary<string, object?> { ["n"] = n });

    /// <summary>The probes the database holds, read over the real server's transactional endpoint.</summary>
    private async Task<long[]> ProbesAsync() =>
        (await _direct.Client.RunAsync(new Statement("MATCH (p:QueryApiProbe) RETURN p.n AS n ORDER BY n"), CancellationToken.None))
        .Rows.Select(r => r[0].GetInt64()).ToArray();

    private static string[] Paths(QueryApiShim shim) => shim.Requests.Select(r => $"{r.Method} {r.Path}").ToArray();

    [StoreFact]
    public async Task Auto_discovery_speaks_the_transactional_endpoint_to_Neo4j_3_and_the_Query_API_to_a_Neo4j_5_26_that_lists_it()
    {
        await _direct.CheckHealthAsync();
        Assert.Equal(Neo4jProtocol.Transactional, _direct.Client.Protocol);

        // endpoints.adoc: a 5.x discovery document lists both templates; explicit transactions came with 5.26 (changelog.adoc).
        await using var shim = await QueryApiShim.StartAsync(Neo4jTestServer.Url!, advertisedVersion: "5.26.0", advertiseTransactional: true);
        await using var store = QueryStore(shim, Neo4jProtocol.Auto);
        var ping = await store.Client.RunAsync(new Statement("RETURN 1 AS ok"), CancellationToken.None);
        Assert.Equal(Neo4jProtocol.Query, store.Client.Protocol);
        Assert.Equal(1, ping.Rows.Single()[0].GetInt32());
        Assert.Equal(["GET /", "POST /db/neo4j/query/v2"], Paths(shim));
        Assert.All(shim.Requests.Skip(1), r => Assert.StartsWith(QueryApiShim.TypedMediaType, r.ContentType));
    }

    [StoreFact]
    public async Task Without_a_discovery_document_as_on_Aura_a_store_forced_to_the_Query_API_asks_the_server_its_version()
    {
        await using var shim = await QueryApiShim.StartAsync(Neo4jTestServer.Url!);
        shim.ServeDiscovery = false;
        await using var store = QueryStore(shim);
        await store.InitializeAsync();
        Assert.Equal(Neo4jProtocol.Query, store.Client.Protocol);
        await _direct.CheckHealthAsync();
        Assert.Equal(_direct.Client.ServerVersion, store.Client.ServerVersion); // as the real server's discovery says
        Assert.Equal("POST /db/neo4j/query/v2", Paths(shim)[1]);

        // Left to choose, a store without discovery cannot know what the server speaks: it says so.
        await using var auto = QueryStore(shim, Neo4jProtocol.Auto);
        var error = await Assert.ThrowsAnyAsync<GraphStoreException>(() => auto.InitializeAsync());
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_change_set_of_several_statements_commits_in_one_explicit_transaction_sending_the_affinity_header_back()
    {
        await using var shim = await QueryApiShim.StartAsync(Neo4jTestServer.Url!);
        await using var store = QueryStore(shim);
        await store.Client.RunInTransactionAsync([Probe(1), Probe(2), Probe(3)], 10, CancellationToken.None);

        Assert.Equal(new[] { 1L, 2L, 3L }, await ProbesAsync());
        var requests = shim.Requests.Where(r => r.Path.Contains("/query/v2/tx", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/tx1", "POST /db/neo4j/query/v2/tx/tx1/commit"],
            requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Null(requests[0].Affinity);
        Assert.All(requests.Skip(1), r => Assert.Equal(shim.Affinity, r.Affinity));
        Assert.Equal(0, shim.OpenTransactions);
    }

    [StoreFact]
    public async Task A_transaction_spread_over_several_requests_as_the_first_call_of_a_store_still_runs_on_the_Query_API()
    {
        // Before discovery the client cannot know it speaks the Query API: the many-request path must find out itself.
        await using var shim = await QueryApiShim.StartAsync(Neo4jTestServer.Url!);
        await using var store = QueryStore(shim);
        Assert.Null(store.Client.Protocol);
        await store.Client.RunInTransactionAsync([Probe(1), Probe(2), Probe(3)], 1, CancellationToken.None);

        Assert.Equal(Neo4jProtocol.Query, store.Client.Protocol);
        Assert.Equal(new[] { 1L, 2L, 3L }, await ProbesAsync());
        Assert.Equal(1, shim.Requests.Count(r => r.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal)));
        Assert.Equal(0, shim.OpenTransactions);
    }

    [StoreFact]
    public async Task A_change_set_whose_last_statement_fails_leaves_nothing_and_is_not_retried()
    {
        await using var shim = await QueryApiShim.StartAsync(Neo4jTestServer.Url!);
        await using var store = QueryStore(shim);
        var error = await Assert.ThrowsAnyAsync<GraphStoreException>(() => store.Client.RunInTransactionAsync(
            [Probe(1), Probe(2), new Statement("CREATE (:QueryApiProbe {n: $n) oops", new Dictionary<string, object?> { ["n"] = 3 })],
            10, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("Neo.ClientError.Statement.SyntaxError", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ProbesAsync());
        Assert.Equal(1, shim.Requests.Count(r => r.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal)));
        Assert.Equal(0, shim.OpenTransactions);
    }

    [StoreFact]
    public async Task A_transient_error_mid_transaction_rolls_it_back_with_the_affinity_header_and_the_retry_commits_once()
    {
        await using var shim = await QueryApiShim.StartAsync(Neo4jTestServer.Url!);
        var failures = 0;
        shim.Inject = statement => statement == CreateProbe && Interlocked.Increment(ref failures) == 2
            ? ("Neo.TransientError.Transaction.DeadlockDetected", "scripted deadlock")
            : null;
        await using var store = QueryStore(shim);
        await store.Client.RunInTransactionAsync([Probe(1), Probe(2), Probe(3)], 10, CancellationToken.None);

        // The first attempt's first statement ran in a transaction the client rolled back: only the retry's three remain.
        Assert.Equal(new[] { 1L, 2L, 3L }, await ProbesAsync());
        var rollback = Assert.Single(shim.Requests, r => r.Method == "DELETE");
        Assert.Equal("/db/neo4j/query/v2/tx/tx1", rollback.Path);
        Assert.Equal(shim.Affinity, rollback.Affinity);
        Assert.Equal(2, shim.Requests.Count(r => r.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal)));
        Assert.Equal(0, shim.OpenTransactions);
    }

    [StoreFact]
    public async Task Errors_are_read_from_the_body_by_their_code_whatever_the_status_and_only_transient_ones_are_retried()
    {
        await using var shim = await QueryApiShim.StartAsync(Neo4jTestServer.Url!);
        await using var store = QueryStore(shim);

        shim.ErrorStatus = HttpStatusCode.BadRequest;
        var syntax = await Assert.ThrowsAnyAsync<GraphStoreException>(() => store.Client.RunAsync(new Statement("RETURN oops("), CancellationToken.None));
        Assert.False(syntax.IsTransient);
        Assert.Contains("Neo.ClientError.Statement.SyntaxError", syntax.Message, StringComparison.Ordinal);
        Assert.Equal(1, shim.Requests.Count(r => r.Method == "POST"));

        // A 503 whose body names a client error is that client error: not retried.
        shim.ErrorStatus = HttpStatusCode.ServiceUnavailable;
        shim.Inject = s => s == "RETURN 2 AS two" ? ("Neo.ClientError.Schema.ConstraintValidationFailed", "scripted") : null;
        var client = await Assert.ThrowsAnyAsync<GraphStoreException>(() => store.Client.RunAsync(new Statement("RETURN 2 AS two"), CancellationToken.None));
        Assert.False(client.IsTransient);
        Assert.Contains("Neo.ClientError.Schema.ConstraintValidationFailed: scripted", client.Message, StringComparison.Ordinal);
        Assert.Equal(2, shim.Requests.Count(r => r.Method == "POST"));

        // A transient one is retried, here until it succeeds.
        var attempts = 0;
        shim.ErrorStatus = HttpStatusCode.Accepted;
        shim.Inject = s => s == "RETURN 3 AS three" && Interlocked.Increment(ref attempts) <= 2 ? ("Neo.TransientError.General.DatabaseUnavailable", "scripted") : null;
        var three = await store.Client.RunAsync(new Statement("RETURN 3 AS three"), CancellationToken.None);
        Assert.Equal(3, three.Rows.Single()[0].GetInt32());
        Assert.Equal(3, attempts);
    }

    public static TheoryData<string, object?> Values => new()
    {
        { "string", "Khatiba Imam al-Buhari" },
        { "astral", "𝔘𝔗𝔒 \u00e9\u0301 — \"quoted\" \\ / \n" },
        { "empty", "" },
        { "null", null },
        { "true", true },
        { "int", -42 },
        { "long beyond 2^53", 9_007_199_254_740_993L },
        { "fraction", 0.1 },
        { "tiny", 2.5e-9 },
        { "huge", 3.2e21 },
        { "date", new DateOnly(2014, 6, 1) },
        { "list", new object?[] { 1, "two", null, new object?[] { 3.5, false } } },
        { "empty list", Array.Empty<string>() },
        { "map", new Dictionary<string, object?> { ["a"] = 1L, ["b"] = new Dictionary<string, object?> { ["c"] = "d", ["e"] = new[] { "x" } } } },
    };

    [StoreTheory]
    [MemberData(nameof(Values))]
    public async Task A_parameter_comes_back_through_the_Query_API_as_it_does_through_the_transactional_endpoint(string name, object? value)
    {
        await using var shim = await QueryApiShim.StartAsync(Neo4jTestServer.Url!);
        await using var store = QueryStore(shim);
        var statement = new Statement("RETURN $x AS x, [$x] AS inList, {inMap: $x} AS inMap", new Dictionary<string, object?> { ["x"] = value });
        var expected = (await _direct.Client.RunAsync(statement, CancellationToken.None)).Rows.Single();
        var actual = (await store.Client.RunAsync(statement, CancellationToken.None)).Rows.Single();
        Assert.Equal(expected.Select(Canonical), actual.Select(Canonical));
        Assert.NotNull(name);
    }

    /// <summary>A JSON value with its strings decoded and its numbers as written (so 1 and 1.0 differ).</summary>
    private static string Canonical(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "s:" + e.GetString(),
        JsonValueKind.Number => "n:" + e.GetRawText(),
        JsonValueKind.Array => "[" + string.Join(",", e.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.Object => "{" + string.Join(",", e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + "=" + Canonical(p.Value))) + "}",
        _ => e.GetRawText(),
    };

    [StoreFact]
    public async Task Typed_parameters_keep_a_whole_float_a_float_and_a_large_integer_exact()
    {
        await using var shim = await QueryApiShim.StartAsync(Neo4jTestServer.Url!);
        await using var store = QueryStore(shim);
        var row = (await store.Client.RunAsync(new Statement("RETURN $f / 2 AS half, $big - 1 AS less",
            new Dictionary<string, object?> { ["f"] = 1.0, ["big"] = long.MaxValue }), CancellationToken.None)).Rows.Single();
        Assert.Equal(0.5, row[0].GetDouble()); // an INTEGER 1 would divide to 0
        Assert.Equal(long.MaxValue - 1, row[1].GetInt64());
    }
}

/// <summary>The discovery rule on the discovery documents of the Query API manual (endpoints.adoc) and of Neo4j 3.x.</summary>
public sealed class Neo4jDiscoveryTests
{
    private static readonly Uri Url = new("http://neo4j.test:7474/");

    // endpoints.adoc, "Discovery API" (its example server is a 5.19).
    private static JsonElement Document(string version, bool transaction = true, bool query = true) => JsonDocument.Parse(
        "{" + (query ? "\"query\": \"http://localhost:7474/db/{databaseName}/query/v2\", " : "")
        + (transaction ? "\"transaction\": \"http://localhost:7474/db/{databaseName}/tx\", " : "")
        + $"\"neo4j_version\": \"{version}\", \"neo4j_edition\": \"enterprise\"}}").RootElement;

    private static (Neo4jProtocol, string) Choose(Neo4jProtocol protocol, JsonElement root, string? database = null)
    {
        var options = new Neo4jOptions { Url = Url, Protocol = protocol, Database = database ?? "neo4j" };
        var transaction = root.TryGetProperty("transaction", out var t) ? t.GetString() : null;
        var version = Neo4jVersion.Parse(root.GetProperty("neo4j_version").GetString());
        var (chosen, endpoint) = Neo4jDiscovery.Choose(options, root, transaction, version);
        return (chosen, endpoint.AbsoluteUri);
    }

    [Theory]
    [InlineData("5.19.0", Neo4jProtocol.Transactional)] // Query API listed, explicit transactions not there yet
    [InlineData("5.25.1", Neo4jProtocol.Transactional)]
    [InlineData("5.26.0", Neo4jProtocol.Query)]
    [InlineData("2025.10.1", Neo4jProtocol.Query)]
    public void Auto_takes_the_Query_API_from_5_26_on(string version, Neo4jProtocol expected) =>
        Assert.Equal(expected, Choose(Neo4jProtocol.Auto, Document(version)).Item1);

    [Fact]
    public void Endpoints_come_from_the_templates_with_the_database_escaped()
    {
        Assert.Equal((Neo4jProtocol.Query, "http://localhost:7474/db/graph%20one/query/v2"), Choose(Neo4jProtocol.Auto, Document("5.26.0"), "graph one"));
        Assert.Equal((Neo4jProtocol.Transactional, "http://localhost:7474/db/neo4j/tx"), Choose(Neo4jProtocol.Transactional, Document("2025.10.1")));
        Assert.Equal((Neo4jProtocol.Query, "http://localhost:7474/db/neo4j/query/v2"), Choose(Neo4jProtocol.Query, Document("5.19.0")));
    }

    [Fact]
    public void Auto_takes_the_Query_API_when_it_is_the_only_one_listed_and_forcing_it_without_a_listing_uses_the_documented_path()
    {
        Assert.Equal(Neo4jProtocol.Query, Choose(Neo4jProtocol.Auto, Document("5.23.0", transaction: false)).Item1);
        Assert.Equal((Neo4jProtocol.Query, "http://neo4j.test:7474/db/neo4j/query/v2"), Choose(Neo4jProtocol.Query, Document("5.26.0", query: false)));
    }

    [Fact]
    public void Forcing_the_transactional_endpoint_on_a_server_without_one_says_which_setting_asked_for_it()
    {
        var error = Assert.Throws<GraphStoreException>(() => Choose(Neo4jProtocol.Transactional, Document("2026.01.0", transaction: false)));
        Assert.Contains("GraphStore:Neo4j:Protocol is Transactional", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void Versions_compare_by_major_then_minor()
    {
        Assert.True(Neo4jVersion.Parse("5.26.0").CompareTo(Neo4jVersion.Parse("5.9.9")) > 0);
        Assert.True(Neo4jVersion.Parse("2025.1.0").CompareTo(new Neo4jVersion(5, 26)) > 0);
        Assert.True(Neo4jVersion.Parse("3.1.1").CompareTo(new Neo4jVersion(5, 26)) < 0);
    }
}
