using System.Net;
using GraphIntel.GraphQL.AspNetCore;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>
/// ETag and If-None-Match on a real server (starwars schema) with a data version the test controls: the tag follows the
/// version, a 304 runs nothing, and answers from the response cache are tagged alike.
/// </summary>
public sealed class ConditionalGetTests
{
    private const string HeroQuery = "?query=%7B%20hero%20%7B%20name%20%7D%20%7D";

    private sealed class Counting
    {
        public string? Version = "v1";
        public int Resolutions;
        public long Generation;
    }

    /// <summary>The starwars user context, counting the resolvers' reads of it: only execution reads it.</summary>
    private sealed class CountingContext : Dictionary<string, object?>, IDictionary<string, object?>
    {
        private readonly Counting _state;

        public CountingContext(Counting state)
        {
            _state = state;
            foreach (var (key, value) in Conformance.StarWars.StarWarsSchema.NewUserContext()) Add(key, value);
        }

        bool IDictionary<string, object?>.TryGetValue(string key, out object? value)
        {
            Interlocked.Increment(ref _state.Resolutions);
            return TryGetValue(key, out value);
        }
    }

    private static Task<StarWarsHttpServer> StartAsync(Counting state, bool responseCache = false) =>
        StarWarsHttpServer.StartAsync(options =>
        {
            options.DataVersion = () => state.Version;
            options.ResponseCache = responseCache ? new GraphQLResponseCache(() => state.Generation) : null;
            options.UserContextFactory = _ => new CountingContext(state);
        });

    private static async Task<HttpResponseMessage> GetAsync(StarWarsHttpServer server, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, HeroQuery);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await server.Client.SendAsync(request);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_matching_tag_is_a_304_that_executes_nothing_until_the_version_changes(bool responseCache)
    {
        var state = new Counting();
        await using var server = await StartAsync(state, responseCache);

        using var first = await GetAsync(server);
        var etag = first.Headers.ETag!.ToString();
        var executed = state.Resolutions;
        using var revalidated = await GetAsync(server, etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.ETag!.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, revalidated.Headers.ETag!.ToString());
        Assert.True(executed > 0);
        Assert.Equal(executed, state.Resolutions);

        state.Version = "v2";
        state.Generation++;
        using var changed = await GetAsync(server, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.ToString());
        Assert.Contains("R2-D2", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_version_there_are_no_tags_and_If_None_Match_is_ignored()
    {
        var state = new Counting { Version = null };
        await using var server = await StartAsync(state);

        using var answer = await GetAsync(server, "*");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Null(answer.Headers.ETag);
        Assert.Null(answer.Headers.CacheControl);
    }
}
