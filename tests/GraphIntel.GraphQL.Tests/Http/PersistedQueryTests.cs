using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphIntel.GraphQL.AspNetCore;
using static GraphIntel.GraphQL.Tests.Http.GraphQLHttpExchange;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>Automatic persisted queries (Apollo's protocol) on a real server (starwars schema), and the store's bounds.</summary>
public sealed class PersistedQueryTests
{
    private const string HeroQuery = "{ hero { name } }";

    /// <summary>
    /// SHA-256 of <see cref="HeroQuery"/>'s UTF-8 text, computed outside .NET:
    /// <c>node -e "console.log(require('crypto').createHash('sha256').update(process.argv[1]).digest('hex'))" '{ hero { name } }'</c>.
    /// </summary>
    private const string HeroHashFromNode = "aae585680c3470e4947255eafbd1eafe87d1c3f129259cf15e404d1bb7f1e8f4";

    /// <summary>The hash computed here independently of the code under test.</summary>
    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static object Extension(string hash, object? version = null) =>
        new { persistedQuery = new { version = version ?? 1, sha256Hash = hash } };

    private static HttpRequestMessage PostPersisted(string? query, string hash, object? version = null) =>
        Post(JsonSerializer.Serialize(query is null
            ? (object)new { extensions = Extension(hash, version) }
            : new { query, extensions = Extension(hash, version) }));

    private static HttpRequestMessage GetPersisted(string? query, string hash, object? version = null)
    {
        var extensions = Uri.EscapeDataString(JsonSerializer.Serialize(Extension(hash, version)));
        return Get(query is null ? $"?extensions={extensions}" : $"?query={Uri.EscapeDataString(query)}&extensions={extensions}");
    }

    private static Task<StarWarsHttpServer> StartAsync(PersistedQueryStore? store = null) =>
        StarWarsHttpServer.StartAsync(options => options.PersistedQueries = store ?? new PersistedQueryStore());

    private static string? SingleErrorCode(GraphQLHttpExchange exchange) =>
        exchange.Body.GetProperty("errors")[0].TryGetProperty("extensions", out var extensions) ? extensions.GetProperty("code").GetString() : null;

    private static void AssertHero(GraphQLHttpExchange exchange)
    {
        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.False(exchange.Body.TryGetProperty("errors", out _), exchange.Body.ToString());
        Assert.Equal("R2-D2", exchange.Body.GetProperty("data").GetProperty("hero").GetProperty("name").GetString());
    }

    private static void AssertNotFound(GraphQLHttpExchange exchange)
    {
        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("PersistedQueryNotFound", exchange.SingleErrorMessage());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", SingleErrorCode(exchange));
        Assert.False(exchange.HasData);
    }

    [Fact]
    public void The_hash_the_endpoint_computes_is_the_one_node_and_dotnet_compute()
    {
        Assert.Equal(HeroHashFromNode, Sha256(HeroQuery));
        Assert.Equal(HeroHashFromNode, PersistedQueries.Sha256Hex(HeroQuery));
        Assert.Equal(Sha256("{ hero { name } } # é ✓"), PersistedQueries.Sha256Hex("{ hero { name } } # é ✓"));
    }

    public static TheoryData<string> Methods => new() { "POST", "GET" };

    private static HttpRequestMessage Persisted(string method, string? query, string hash, object? version = null) =>
        method == "GET" ? GetPersisted(query, hash, version) : PostPersisted(query, hash, version);

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Miss_then_register_then_hit_the_Apollo_flow(string method)
    {
        var store = new PersistedQueryStore();
        await using var server = await StartAsync(store);

        AssertNotFound(await SendAsync(server.Client, Persisted(method, null, HeroHashFromNode)));
        Assert.Equal(0, store.Count);

        AssertHero(await SendAsync(server.Client, Persisted(method, HeroQuery, HeroHashFromNode)));
        Assert.Equal(1, store.Count);

        AssertHero(await SendAsync(server.Client, Persisted(method, null, HeroHashFromNode)));
    }

    [Fact]
    public async Task A_query_registered_over_POST_is_found_over_GET()
    {
        await using var server = await StartAsync();
        AssertHero(await SendAsync(server.Client, PostPersisted(HeroQuery, Sha256(HeroQuery))));
        AssertHero(await SendAsync(server.Client, GetPersisted(null, Sha256(HeroQuery))));
    }

    [Fact]
    public async Task The_miss_is_the_same_with_the_graphql_response_media_type()
    {
        await using var server = await StartAsync();
        var request = PostPersisted(null, HeroHashFromNode);
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        AssertNotFound(await SendAsync(server.Client, request));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_hash_that_is_not_the_query_s_is_refused_and_nothing_is_stored(string method)
    {
        var store = new PersistedQueryStore();
        await using var server = await StartAsync(store);
        var other = Sha256("{ hero { id } }");

        var exchange = await SendAsync(server.Client, Persisted(method, HeroQuery, other));

        Assert.Equal(HttpStatusCode.BadRequest, exchange.Status);
        Assert.Contains(HeroHashFromNode, exchange.SingleErrorMessage(), StringComparison.Ordinal);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", SingleErrorCode(exchange));
        Assert.False(exchange.HasData);
        Assert.Equal(0, store.Count);
        AssertNotFound(await SendAsync(server.Client, Persisted(method, null, other)));
    }

    [Theory]
    [InlineData("POST", 2, "aae585680c3470e4947255eafbd1eafe87d1c3f129259cf15e404d1bb7f1e8f4", "version")]
    [InlineData("GET", 2, "aae585680c3470e4947255eafbd1eafe87d1c3f129259cf15e404d1bb7f1e8f4", "version")]
    [InlineData("POST", "1", "aae585680c3470e4947255eafbd1eafe87d1c3f129259cf15e404d1bb7f1e8f4", "version")]
    [InlineData("POST", 1, "AAE585680C3470E4947255EAFBD1EAFE87D1C3F129259CF15E404D1BB7F1E8F4", "sha256Hash")]
    [InlineData("GET", 1, "aae585", "sha256Hash")]
    [InlineData("POST", 1, "zae585680c3470e4947255eafbd1eafe87d1c3f129259cf15e404d1bb7f1e8f4", "sha256Hash")]
    public async Task A_bad_version_or_a_malformed_hash_is_a_clear_error(string method, object version, string hash, string named)
    {
        await using var server = await StartAsync();
        foreach (var query in new[] { null, HeroQuery })
        {
            var exchange = await SendAsync(server.Client, Persisted(method, query, hash, version));
            Assert.Equal(HttpStatusCode.BadRequest, exchange.Status);
            Assert.Contains(named, exchange.SingleErrorMessage(), StringComparison.Ordinal);
            Assert.Equal("PERSISTED_QUERY_INVALID", SingleErrorCode(exchange));
        }
    }

    [Fact]
    public async Task A_persisted_query_that_is_not_an_object_is_refused()
    {
        await using var server = await StartAsync();
        var exchange = await SendAsync(server.Client, Post("""{"extensions":{"persistedQuery":"aae5"}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, exchange.Status);
        Assert.Equal("PERSISTED_QUERY_INVALID", SingleErrorCode(exchange));
    }

    [Fact]
    public async Task A_persisted_mutation_is_still_refused_over_GET()
    {
        const string mutation = "mutation { renameCharacter(id: \"1000\", name: \"X\") { name } }";
        var store = new PersistedQueryStore();
        await using var server = await StartAsync(store);

        var get = await SendAsync(server.Client, GetPersisted(mutation, Sha256(mutation)));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.Status);

        // Registered over POST (and executed there), a hash-only GET of it is still refused.
        var post = await SendAsync(server.Client, PostPersisted(mutation, Sha256(mutation)));
        Assert.Equal(HttpStatusCode.OK, post.Status);
        var getByHash = await SendAsync(server.Client, GetPersisted(null, Sha256(mutation)));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, getByHash.Status);
    }

    [Fact]
    public async Task An_invalid_document_is_answered_with_its_errors_and_not_stored()
    {
        const string invalid = "{ hero { nope } }";
        var store = new PersistedQueryStore();
        await using var server = await StartAsync(store);

        var exchange = await SendAsync(server.Client, PostPersisted(invalid, Sha256(invalid)));

        Assert.Contains("nope", exchange.SingleErrorMessage(), StringComparison.Ordinal);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Without_a_store_a_hash_alone_is_not_supported_and_a_hash_with_its_query_runs()
    {
        await using var server = await StarWarsHttpServer.StartAsync();

        var alone = await SendAsync(server.Client, PostPersisted(null, HeroHashFromNode));
        Assert.Equal(HttpStatusCode.BadRequest, alone.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", SingleErrorCode(alone));

        AssertHero(await SendAsync(server.Client, PostPersisted(HeroQuery, HeroHashFromNode)));
    }

    [Fact]
    public async Task Reaching_the_count_cap_evicts_the_least_recently_used()
    {
        var store = new PersistedQueryStore(maxEntries: 2);
        await using var server = await StartAsync(store);
        string[] queries = ["{ hero { name } }", "{ hero { id } }", "{ hero { id name } }"];

        AssertHero(await SendAsync(server.Client, PostPersisted(queries[0], Sha256(queries[0]))));
        await SendAsync(server.Client, PostPersisted(queries[1], Sha256(queries[1])));
        AssertHero(await SendAsync(server.Client, PostPersisted(null, Sha256(queries[0])))); // 0 is now the most recent
        await SendAsync(server.Client, PostPersisted(queries[2], Sha256(queries[2])));     // evicts 1

        Assert.Equal(2, store.Count);
        AssertHero(await SendAsync(server.Client, PostPersisted(null, Sha256(queries[0]))));
        AssertNotFound(await SendAsync(server.Client, PostPersisted(null, Sha256(queries[1]))));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(server.Client, PostPersisted(null, Sha256(queries[2])))).Status);
    }

    [Fact]
    public void Reaching_the_byte_cap_evicts_the_least_recently_used_and_never_exceeds_it()
    {
        var a = new string('a', 100);
        var b = new string('b', 100);
        var c = new string('c', 100);
        var store = new PersistedQueryStore(maxEntries: 100, maxBytes: 2 * PersistedQueryStore.SizeOf(a));

        store.Add(Sha256(a), a);
        store.Add(Sha256(b), b);
        store.Add(Sha256(c), c);

        Assert.Equal(2, store.Count);
        Assert.True(store.Bytes <= store.MaxBytes);
        Assert.False(store.TryGet(Sha256(a), out _));
        Assert.True(store.TryGet(Sha256(b), out var stored) && stored == b);
        Assert.True(store.TryGet(Sha256(c), out _));
    }

    [Fact]
    public void A_document_larger_than_the_store_is_not_kept_and_evicts_nothing()
    {
        var store = new PersistedQueryStore(maxEntries: 10, maxBytes: 1024);
        store.Add(Sha256("{ a }"), "{ a }");
        var huge = new string('x', 2048);

        store.Add(Sha256(huge), huge);

        Assert.Equal(1, store.Count);
        Assert.False(store.TryGet(Sha256(huge), out _));
    }

    [Fact]
    public async Task Many_registrations_stay_within_the_caps()
    {
        var store = new PersistedQueryStore(maxEntries: 5, maxBytes: 4096);
        await using var server = await StartAsync(store);
        for (var i = 0; i < 20; i++)
        {
            var query = $"{{ hero {{ name }} }} # {i}";
            AssertHero(await SendAsync(server.Client, PostPersisted(query, Sha256(query))));
            Assert.True(store.Count <= 5 && store.Bytes <= 4096);
        }
        Assert.Equal(5, store.Count);
    }
}
