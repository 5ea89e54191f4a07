using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphIntel.Api.Tests.Support;
using GraphIntel.GraphQL.AspNetCore;

namespace GraphIntel.Api.Tests;

/// <summary>
/// The whole-response cache on the embedded store: a repeated query is answered from memory until a write through the
/// API changes the data, and is off when the store cache is off.
/// </summary>
public sealed class ResponseCacheTests(ApiHost api) : IClassFixture<ApiHost>
{
    private const string PersonQuery = """query($id: ID!) { node(id: $id) { id ... on Person { name aliases } } }""";
    private const string NewPerson = "person/test-cache-newcomer";

    internal static async Task<(string? Cache, JsonElement Body, string Raw)> PostAsync(HttpClient http, string query, object? variables = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        var cache = response.Headers.TryGetValues(GraphQLResponseCache.Header, out var values) ? values.Single() : null;
        return (cache, JsonDocument.Parse(raw).RootElement.Clone(), raw);
    }

    [Fact]
    public async Task A_repeated_query_is_a_hit_until_a_write_changes_the_data()
    {
        var absent = await PostAsync(api.Http, PersonQuery, new { id = NewPerson });
        var absentAgain = await PostAsync(api.Http, PersonQuery, new { id = NewPerson });
        var write = await PostAsync(api.Http, """
            mutation($input: EntityInput!) { upsertPerson(input: $input, reason: "test: response cache") { id } }
            """, new
        {
            input = new
            {
                id = NewPerson,
                name = "D. Dekhanov",
                citations = new[] { new { sourceId = "source/shay-2024-afghanistan-terror-threat", quote = "The KIB group is led by Dilshod Dekhanov" } },
            },
        }, ApiHost.EditorKey);
        var present = await PostAsync(api.Http, PersonQuery, new { id = NewPerson });
        var presentAgain = await PostAsync(api.Http, PersonQuery, new { id = NewPerson });

        Assert.Equal(JsonValueKind.Null, absent.Body.GetProperty("data").GetProperty("node").ValueKind);
        Assert.Equal(("miss", "hit"), (absent.Cache, absentAgain.Cache));
        Assert.Equal(absent.Raw, absentAgain.Raw);
        Assert.False(write.Body.TryGetProperty("errors", out _), write.Raw);
        Assert.NotEqual("hit", write.Cache);
        Assert.Equal(("miss", "hit"), (present.Cache, presentAgain.Cache));
        Assert.Equal(NewPerson, present.Body.GetProperty("data").GetProperty("node").GetProperty("id").GetString());
        Assert.Equal(present.Raw, presentAgain.Raw);
    }

    [Fact]
    public async Task A_refused_write_leaves_cached_answers_in_place_and_correct()
    {
        const string query = """{ organization(id: "org/kib") { name umbrella { to { id } citations { source { id } } } } }""";
        var first = await PostAsync(api.Http, query);
        var refused = await PostAsync(api.Http, "mutation { retractRelationship(id: \"no-such-fact\", reason: \"test\") { id } }", key: ApiHost.ReaderKey);
        var second = await PostAsync(api.Http, query);

        Assert.True(refused.Body.TryGetProperty("errors", out _), refused.Raw);
        Assert.Equal(first.Raw, second.Raw);
        Assert.Equal("hit", second.Cache);
    }
}

/// <summary>The API with its store cache off (as for Neo4j): no response cache either.</summary>
public sealed class UncachedStoreHost : ApiHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["GraphIntel:Cache:Enabled"] = "false" };
}

/// <summary>The API with the response cache turned off on its own.</summary>
public sealed class NoResponseCacheHost : ApiHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["GraphIntel:Cache:MaxResponseBytes"] = "0" };
}

public sealed class ResponseCacheOffTests(UncachedStoreHost uncachedStore, NoResponseCacheHost noResponseCache)
    : IClassFixture<UncachedStoreHost>, IClassFixture<NoResponseCacheHost>
{
    [Fact]
    public async Task Without_the_store_cache_or_with_no_bytes_for_it_every_query_executes()
    {
        foreach (var host in new ApiHost[] { uncachedStore, noResponseCache })
        {
            var first = await ResponseCacheTests.PostAsync(host.Http, """{ organization(id: "org/isis-k") { name } }""");
            var second = await ResponseCacheTests.PostAsync(host.Http, """{ organization(id: "org/isis-k") { name } }""");

            Assert.Null(first.Cache);
            Assert.Null(second.Cache);
            Assert.Equal(first.Raw, second.Raw);
            Assert.Contains("Islamic State", first.Raw, StringComparison.Ordinal);
        }
    }
}
