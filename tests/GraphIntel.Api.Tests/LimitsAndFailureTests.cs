using System.Net;
using System.Text;
using GraphIntel.Api.Tests.Support;
using GraphIntel.Graph.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphIntel.Api.Tests;

/// <summary>Every bound on a request has a clear error naming the limit and the value that broke it.</summary>
public sealed class LimitsTests(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Query_depth_beyond_the_limit_is_refused_before_execution()
    {
        var deep = "{ entity(id: \"org/isis-k\") { " + string.Concat(Enumerable.Repeat("relationships { from { ", 8)) + "id"
                   + string.Concat(Enumerable.Repeat(" } }", 8)) + " } }";
        var response = await api.QueryAsync(deep);
        var error = Assert.Single(response.Errors, e => e.GetProperty("extensions").GetProperty("code").GetString() == "QUERY_TOO_DEEP");
        Assert.Equal("Query depth 18 exceeds the maximum allowed depth of 15.", error.GetProperty("message").GetString());
        Assert.Equal(15, error.GetProperty("extensions").GetProperty("limit").GetInt32());
        Assert.False(response.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Query_cost_beyond_the_limit_is_refused()
    {
        var response = await api.QueryAsync("""
            { organizations(first: 200) { edges { node { relationships { from { relationships { to { relationships { id } } } } } } } } }
            """);
        var error = Assert.Single(response.Errors);
        Assert.Equal("QUERY_TOO_COMPLEX", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.StartsWith("Query cost ", error.GetProperty("message").GetString());
        Assert.EndsWith("exceeds the maximum allowed cost of 100000.", error.GetProperty("message").GetString());
        Assert.False(response.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_page_larger_than_the_limit_is_a_bad_argument()
    {
        var response = await api.QueryAsync("{ organizations(first: 5000) { totalCount } }");
        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Contains("between 0 and 200; got 5000", response.Errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Path_search_bounds_are_enforced()
    {
        var response = await api.QueryAsync("""{ paths(from: "org/ttt", to: "org/uto", maxHops: 40) { length } }""");
        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
        Assert.Contains("maxHops", response.Errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_request_body_over_the_size_limit_is_refused_with_413()
    {
        var huge = "{ statistics { sources } }" + new string(' ', 300 * 1024);
        using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query = huge }), Encoding.UTF8, "application/json");
        using var response = await api.Http.PostAsync("/graphql", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("bytes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_syntax_error_says_where_and_what_was_expected()
    {
        var response = await api.QueryAsync("{ organization(id: \"org/isis-k\") { name ");
        var error = Assert.Single(response.Errors);
        Assert.StartsWith("Syntax Error", error.GetProperty("message").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
        Assert.Equal(400, response.Status);
    }
}

/// <summary>A store that never answers: only the execution timeout can end a request.</summary>
public sealed class HangingStoreHost : ApiHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Limits:ExecutionTimeout"] = "00:00:00.300",
        ["GraphIntel:Startup:SeedWhenEmpty"] = "false",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IGraphStore>(sp => new HangingStore(Graph.Stores.GraphStoreFactory.Create(sp.GetRequiredService<Graph.Stores.GraphStoreOptions>())));
}

public sealed class ExecutionTimeoutTests(HangingStoreHost api) : IClassFixture<HangingStoreHost>
{
    [Fact]
    public async Task A_request_that_runs_too_long_is_cancelled_with_an_error_naming_the_limit()
    {
        var response = await api.QueryAsync("""{ search(text: "ISIS-K") { matched } }""");
        var error = Assert.Single(response.Errors);
        Assert.Equal("Execution exceeded the time limit of 300 ms and was cancelled.", error.GetProperty("message").GetString());
        Assert.Equal("EXECUTION_TIMEOUT", error.GetProperty("extensions").GetProperty("code").GetString());
    }
}

/// <summary>Neo4j configured at a port where nothing listens: the store is down from the start.</summary>
public sealed class UnavailableStoreHost : ApiHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphStore:Backend"] = "neo4j",
        ["GraphStore:Neo4j:Url"] = "http://127.0.0.1:9",
        ["GraphIntel:Startup:RetryDelay"] = "00:10:00",
    };
}

public sealed class StoreUnavailableTests(UnavailableStoreHost api) : IClassFixture<UnavailableStoreHost>
{
    [Fact]
    public async Task Queries_answer_with_a_GraphQL_error_that_says_the_store_is_unavailable_never_a_stack_trace()
    {
        var response = await api.QueryAsync("""{ organization(id: "org/isis-k") { name } }""");
        var error = Assert.Single(response.Errors);
        Assert.Equal("STORE_UNAVAILABLE", response.ErrorCode());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("unavailable", message);
        Assert.DoesNotContain(" at GraphIntel.", response.Raw);
        Assert.DoesNotContain("   at ", response.Raw);
    }

    [Fact]
    public async Task Health_is_live_but_not_ready()
    {
        using var live = await api.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await api.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}

public sealed class HealthAndIdeTests(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_seeded_store_is_ready()
    {
        using var ready = await api.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task A_browser_opening_the_endpoint_gets_GraphiQL_served_from_the_bundle()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await api.Http.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/graphiql/graphiql.min.js", html);
        foreach (var asset in new[] { "graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js" })
        {
            using var response = await api.Http.GetAsync("/graphiql/" + asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, asset);
        }
    }
}
