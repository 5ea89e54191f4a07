using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>Automatic persisted queries on the real host: the Apollo flow, and the API's limits on persisted documents.</summary>
public sealed class PersistedQueryTests(ApiHost api) : IClassFixture<ApiHost>
{
    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<GraphQLResponse> PostAsync(string? query, string hash)
    {
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };
        var json = JsonSerializer.Serialize(query is null ? (object)new { extensions } : new { query, extensions });
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await api.Http.PostAsync("/graphql", content);
        var raw = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonDocument.Parse(raw).RootElement.Clone(), raw);
    }

    private async Task<GraphQLResponse> GetAsync(string hash)
    {
        var extensions = Uri.EscapeDataString(JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = hash } }));
        using var response = await api.Http.GetAsync($"/graphql?extensions={extensions}");
        var raw = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonDocument.Parse(raw).RootElement.Clone(), raw);
    }

    [Fact]
    public async Task Miss_then_register_then_hit_over_POST_and_GET()
    {
        const string query = "{ statistics { organizations } } # apq flow";
        var hash = Sha256(query);

        var miss = await PostAsync(null, hash);
        Assert.Equal(200, miss.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", miss.ErrorCode());
        Assert.Equal("PersistedQueryNotFound", miss.Errors[0].GetProperty("message").GetString());

        var registered = (await PostAsync(query, hash)).Ok();
        Assert.True(registered.GetProperty("statistics").GetProperty("organizations").GetInt32() > 0);

        Assert.Equal(registered.ToString(), (await PostAsync(null, hash)).Ok().ToString());
        Assert.Equal(registered.ToString(), (await GetAsync(hash)).Ok().ToString());
    }

    [Fact]
    public async Task A_mismatched_hash_is_refused_with_400()
    {
        var response = await PostAsync("{ statistics { sources } }", Sha256("{ statistics { organizations } }"));
        Assert.Equal(400, response.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", response.ErrorCode());
    }

    [Fact]
    public async Task A_persisted_document_meets_the_depth_limit_and_a_refused_one_is_not_stored()
    {
        var deep = "{ entity(id: \"org/isis-k\") { " + string.Concat(Enumerable.Repeat("relationships { from { ", 8)) + "id"
                   + string.Concat(Enumerable.Repeat(" } }", 8)) + " } } # apq deep";
        var hash = Sha256(deep);

        var registered = await PostAsync(deep, hash);
        Assert.Equal("QUERY_TOO_DEEP", registered.ErrorCode());
        Assert.False(registered.Body.TryGetProperty("data", out _));

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await PostAsync(null, hash)).ErrorCode());
    }
}
