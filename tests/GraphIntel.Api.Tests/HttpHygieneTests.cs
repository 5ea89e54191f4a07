using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>Security headers on every response, and a Content-Security-Policy on the GraphiQL page that allows exactly its own script.</summary>
public sealed class SecurityHeaderTests(ApiHost api) : IClassFixture<ApiHost>
{
    public static TheoryData<string, string, string?> Requests => new()
    {
        { "POST", "/graphql", "{\"query\":\"{ statistics { sources } }\"}" },
        { "POST", "/graphql", "{\"query\":\"{ nope }\"}" },
        { "POST", "/graphql", "not json" },
        { "GET", "/graphql?query=%7B%20statistics%20%7B%20sources%20%7D%20%7D", null },
        { "GET", "/health/live", null },
        { "GET", "/health/ready", null },
        { "GET", "/no-such-page", null },
        { "GET", "/graphiql/graphiql.min.js", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_response_says_nosniff_and_refuses_framing(string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await api.Http.SendAsync(request);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_graphiql_page_has_a_csp_that_allows_its_inline_script_and_nothing_from_elsewhere()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await api.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        Assert.Equal(["'none'"], directives["default-src"]);
        Assert.Equal(["'self'"], directives["connect-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        // The one inline script of the page, hashed here as a browser does (CSP level 2: SHA-256 of its UTF-8 text).
        var inline = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline).Single().Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
        Assert.Equal(["'self'", $"'sha256-{hash}'"], directives["script-src"]);
        Assert.DoesNotContain("unsafe-eval", policy);
    }
}

/// <summary>CORS is off by default: no Access-Control headers, and a preflight is not answered.</summary>
public sealed class CorsOffTests(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Without_configured_origins_no_origin_is_allowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ statistics { sources } }\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://dashboard.example.org");
        using var response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

public sealed class CorsHost : ApiHost
{
    public const string Dashboard = "https://dashboard.example.org";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Http:CorsOrigins:0"] = Dashboard,
        ["GraphIntel:Http:CorsOrigins:1"] = "http://localhost:3000",
        ["GraphIntel:Auth:RequireKeyForReads"] = "true",
    };
}

/// <summary>With an origin allowlist: preflights answered for listed origins (before any key check), others get no grant.</summary>
public sealed class CorsTests(CorsHost api) : IClassFixture<CorsHost>
{
    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type, authorization");
        return await api.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_preflight_from_a_listed_origin_is_answered_without_a_key()
    {
        using var response = await PreflightAsync(CorsHost.Dashboard);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(CorsHost.Dashboard, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        var allowed = response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant();
        Assert.Contains("authorization", allowed);
        Assert.Contains("content-type", allowed);
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_grant()
    {
        using var response = await PreflightAsync("https://evil.example.com");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_request_from_a_listed_origin_is_granted_and_still_needs_its_key()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ statistics { sources } }\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "http://localhost:3000");
        using var response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("http://localhost:3000", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}

public sealed class ClosedIntrospectionHost : ApiHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Auth:AnonymousIntrospection"] = "false",
    };
}

/// <summary>With anonymous introspection off, __schema and __type need a key (any role); __typename and ordinary reads do not.</summary>
public sealed class IntrospectionOptionTests(ClosedIntrospectionHost api) : IClassFixture<ClosedIntrospectionHost>
{
    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"Organization\") { name } }")]
    [InlineData("query { ...Hidden } fragment Hidden on Query { statistics { sources } ... on Query { __type(name: \"Person\") { name } } }")]
    public async Task Anonymous_introspection_is_refused(string query)
    {
        var response = await api.QueryAsync(query);
        Assert.Equal(401, response.Status);
        Assert.StartsWith("Introspection (__schema, __type) is not open to anonymous callers", response.Errors.Single().GetProperty("message").GetString());
        Assert.False(response.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_reader_key_may_introspect_and_anonymous_reads_still_work()
    {
        var withKey = (await api.QueryAsync("{ __schema { queryType { name } } }", key: ApiHost.ReaderKey)).Ok();
        Assert.Equal("Query", withKey.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());

        var anonymous = (await api.QueryAsync("{ __typename statistics { sources } }")).Ok();
        Assert.Equal("Query", anonymous.GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task A_keyed_introspection_answer_is_never_replayed_to_an_anonymous_caller()
    {
        const string query = "{ __type(name: \"Source\") { name } }";
        Assert.Equal(200, (await api.QueryAsync(query, key: ApiHost.EditorKey)).Status);
        Assert.Equal(401, (await api.QueryAsync(query)).Status);
    }
}

public sealed class RateLimitedHost : ApiHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Http:RateLimitPermits"] = "3",
        ["GraphIntel:Http:RateLimitWindow"] = "01:00:00",
    };
}

/// <summary>
/// The rate limiter counts per API key, else per client address, answers 429 with Retry-After once a caller's permits
/// are spent, and leaves other callers and the health checks alone. (Each test spends its own caller's permits.)
/// </summary>
public sealed class RateLimitTests(RateLimitedHost api) : IClassFixture<RateLimitedHost>
{
    [Fact]
    public async Task A_caller_past_its_permits_gets_429_with_retry_after_and_other_callers_do_not()
    {
        for (var i = 0; i < 3; i++) Assert.Equal(200, (await api.QueryAsync("{ statistics { sources } }", key: ApiHost.EditorKey)).Status);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ statistics { sources } }\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.EditorKey);
        using var refused = await api.Http.SendAsync(request);
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal("RATE_LIMITED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        Assert.Equal(200, (await api.QueryAsync("{ statistics { sources } }", key: ApiHost.ReaderKey)).Status);
        using var health = await api.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
