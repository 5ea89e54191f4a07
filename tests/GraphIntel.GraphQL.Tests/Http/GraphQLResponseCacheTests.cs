using System.Net;
using System.Text;
using GraphIntel.GraphQL.AspNetCore;
using static GraphIntel.GraphQL.Tests.Http.GraphQLHttpExchange;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>The whole-response cache: on a real server (starwars schema) and the cache's own bookkeeping.</summary>
public sealed class GraphQLResponseCacheTests
{
    private const string HeroQuery = "query Hero($episode: Episode) { hero(episode: $episode) { id name friends { name } } }";

    private long _generation = 1;

    private GraphQLResponseCache? _cache;

    private Task<StarWarsHttpServer> StartCachedAsync(long maxBytes = GraphQLResponseCache.DefaultMaxBytes)
    {
        _cache = new GraphQLResponseCache(() => Interlocked.Read(ref _generation), maxBytes);
        return StarWarsHttpServer.StartAsync(options => options.ResponseCache = _cache);
    }

    private static async Task<(string? Cache, string Body, HttpStatusCode Status, string? MediaType)> SendRawAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var cache = response.Headers.TryGetValues(GraphQLResponseCache.Header, out var values) ? values.Single() : null;
        return (cache, await response.Content.ReadAsStringAsync(), response.StatusCode, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_repeated_query_is_a_hit_with_the_same_bytes_as_an_uncached_server()
    {
        await using var cached = await StartCachedAsync();
        await using var plain = await StarWarsHttpServer.StartAsync();

        var first = await SendRawAsync(cached.Client, PostQuery(HeroQuery, new { episode = "EMPIRE" }));
        var second = await SendRawAsync(cached.Client, PostQuery(HeroQuery, new { episode = "EMPIRE" }));
        var reference = await SendRawAsync(plain.Client, PostQuery(HeroQuery, new { episode = "EMPIRE" }));

        Assert.Equal("miss", first.Cache);
        Assert.Equal("hit", second.Cache);
        Assert.Null(reference.Cache);
        Assert.Contains("Luke Skywalker", first.Body, StringComparison.Ordinal);
        Assert.Equal(reference.Body, first.Body);
        Assert.Equal(reference.Body, second.Body);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("application/json", second.MediaType);
    }

    [Fact]
    public async Task A_new_generation_makes_every_stored_response_a_miss()
    {
        await using var server = await StartCachedAsync();

        var before = await SendRawAsync(server.Client, PostQuery(HeroQuery));
        var hit = await SendRawAsync(server.Client, PostQuery(HeroQuery));
        Interlocked.Increment(ref _generation);
        var after = await SendRawAsync(server.Client, PostQuery(HeroQuery));
        var hitAgain = await SendRawAsync(server.Client, PostQuery(HeroQuery));

        Assert.Equal(new[] { "miss", "hit", "miss", "hit" }, new[] { before.Cache!, hit.Cache!, after.Cache!, hitAgain.Cache! });
    }

    [Fact]
    public async Task Variables_operation_name_method_and_media_type_each_make_a_different_entry()
    {
        await using var server = await StartCachedAsync();
        var getQuery = "?query=" + Uri.EscapeDataString(HeroQuery);
        HttpRequestMessage[] Requests() =>
        [
            PostQuery(HeroQuery),
            PostQuery(HeroQuery, new { episode = "JEDI" }),
            PostQuery(HeroQuery, new { episode = "EMPIRE" }),
            PostQuery(HeroQuery, operationName: "Hero"),
            PostQuery(HeroQuery, accept: "application/graphql-response+json"),
            Get(getQuery),
            Get(getQuery, accept: "application/graphql-response+json"),
        ];

        var first = new List<(string? Cache, string Body)>();
        foreach (var request in Requests()) { var r = await SendRawAsync(server.Client, request); first.Add((r.Cache, r.Body)); }
        var second = new List<(string? Cache, string Body)>();
        foreach (var request in Requests()) { var r = await SendRawAsync(server.Client, request); second.Add((r.Cache, r.Body)); }

        Assert.All(first, r => Assert.Equal("miss", r.Cache));
        Assert.All(second, r => Assert.Equal("hit", r.Cache));
        Assert.Equal(first.Select(r => r.Body), second.Select(r => r.Body));
        Assert.Contains("Luke Skywalker", first[2].Body, StringComparison.Ordinal);
        Assert.Contains("R2-D2", first[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_with_errors_mutations_and_bad_requests_are_never_stored()
    {
        await using var server = await StartCachedAsync();
        var cache = _cache!;
        HttpRequestMessage[] Requests() =>
        [
            PostQuery("{ hero { name secretBackstory } }"),                              // a field error: data and errors
            PostQuery("{ hero { nope } }"),                                               // a validation error
            PostQuery("""mutation { createReview(episode: JEDI, review: { stars: 5 }) { stars } }"""),
            Post("{\"query\": 1}"),                                                       // not a request
            PostQuery("query A { hero { name } } query B { hero { id } }"),              // no operation selected
        ];

        foreach (var round in new[] { 1, 2 })
        {
            foreach (var request in Requests())
            {
                var response = await SendRawAsync(server.Client, request);
                Assert.NotEqual("hit", response.Cache);
            }
        }

        Assert.Equal(0, cache.Statistics.Stored);
        Assert.Equal(0, cache.Statistics.Hits);
    }

    [Fact]
    public async Task The_cache_stays_within_its_byte_bound()
    {
        await using var server = await StartCachedAsync(maxBytes: 2_400);
        var cache = _cache!;

        foreach (var id in Enumerable.Range(1000, 20))
        {
            var response = await SendRawAsync(server.Client, PostQuery("query($id: ID!) { human(id: $id) { name } }", new { id = id.ToString() }));
            Assert.Equal("miss", response.Cache);
            Assert.InRange(cache.Statistics.Bytes, 0, 2_400);
        }
        Assert.Equal(20, cache.Statistics.Stored);
        Assert.True(cache.Statistics.Clears >= 1, $"cleared {cache.Statistics.Clears}");
    }

    // ---- the cache itself --------------------------------------------------------------------------------------

    private static RequestKey Key(string text) => new("POST", "application/json", Encoding.UTF8.GetBytes(text));

    private static CachedResponse Response(int size) => new(200, new byte[size]);

    [Fact]
    public void A_response_computed_before_a_write_is_not_stored()
    {
        var generation = 7L;
        var cache = new GraphQLResponseCache(() => generation);

        var observed = cache.CurrentGeneration;
        generation++; // a write lands while the response is being computed
        cache.Add(Key("{ a }"), observed, Response(10));

        Assert.False(cache.TryGet(Key("{ a }"), out _));
        Assert.Equal(0, cache.Statistics.Stored);
    }

    [Fact]
    public void Keys_are_equal_only_for_the_same_bytes_method_and_media_type()
    {
        Assert.Equal(Key("{ a }"), Key("{ a }"));
        Assert.Equal(Key("{ a }").GetHashCode(), Key("{ a }").GetHashCode());
        Assert.NotEqual(Key("{ a }"), Key("{ a } "));
        Assert.NotEqual(Key("{ a }"), new RequestKey("GET", "application/json", Encoding.UTF8.GetBytes("{ a }")));
        Assert.NotEqual(Key("{ a }"), new RequestKey("POST", "application/graphql-response+json", Encoding.UTF8.GetBytes("{ a }")));
    }

    [Fact]
    public void Responses_larger_than_an_eighth_of_the_bound_are_not_stored_and_a_full_cache_starts_over()
    {
        var cache = new GraphQLResponseCache(() => 1, maxBytes: 8_000);

        cache.Add(Key("big"), 1, Response(1_000));
        Assert.False(cache.TryGet(Key("big"), out _));

        foreach (var i in Enumerable.Range(0, 40)) cache.Add(Key("q" + i), 1, Response(500));

        Assert.InRange(cache.Statistics.Bytes, 1, 8_000);
        Assert.True(cache.Statistics.Clears >= 2);
        Assert.True(cache.TryGet(Key("q39"), out var last));
        Assert.Equal(500, last.Body.Length);
    }

    [Fact]
    public void A_stale_entry_is_replaced_by_the_response_of_the_new_generation()
    {
        var generation = 1L;
        var cache = new GraphQLResponseCache(() => generation);
        cache.Add(Key("{ a }"), 1, Response(3));

        generation = 2;
        Assert.False(cache.TryGet(Key("{ a }"), out _));
        cache.Add(Key("{ a }"), 2, Response(5));

        Assert.True(cache.TryGet(Key("{ a }"), out var current));
        Assert.Equal(5, current.Body.Length);
        Assert.Equal(1, cache.Statistics.Entries);
    }
}
