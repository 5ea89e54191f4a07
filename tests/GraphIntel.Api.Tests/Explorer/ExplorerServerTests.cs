using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ExplorerHost = GraphIntel.Api.Hosting.Explorer;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests.Explorer;

/// <summary>How the API serves the explorer (no browser): the page, its files, its policy, and where / leads.</summary>
public sealed partial class ExplorerServerTests(ApiHost api) : IClassFixture<ApiHost>
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    [Fact]
    public void The_build_embedded_the_explorer() =>
        Assert.True(ExplorerHost.IsBuilt, "the API was built without the explorer: " + ExplorerHost.NotBuiltReason);

    [Theory]
    [InlineData("/explore")]
    [InlineData("/explore/")]
    [InlineData("/explore?entity=org/ttt&mode=lineage&asOf=2015")]
    public async Task The_page_is_served_under_the_strict_policy(string path)
    {
        using var response = await GetAsync(path, html: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Policy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style()
    {
        using var response = await GetAsync("/explore", html: true);
        var html = await response.Content.ReadAsStringAsync();
        foreach (Match script in ScriptTag().Matches(html))
            Assert.True(script.Groups["attributes"].Value.Contains("src=", StringComparison.Ordinal), "an inline script: " + script.Value);
        Assert.DoesNotMatch(@"<style[\s>]", html);
        Assert.DoesNotMatch(@"\sstyle\s*=", html);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        Assert.Contains("/explore/explorer.js", html);
        Assert.Contains("/explore/explorer.css", html);
    }

    [Theory]
    [InlineData("/explore/explorer.js", "text/javascript; charset=utf-8")]
    [InlineData("/explore/explorer.css", "text/css; charset=utf-8")]
    public async Task The_files_have_their_content_types_and_revalidate_by_etag(string path, string contentType)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await api.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Head_answers_the_headers_without_a_body()
    {
        using var get = await GetAsync("/explore/explorer.js");
        using var head = await api.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/explore/explorer.js"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/explore/nope.js")]
    [InlineData("/explore/src/main.ts")]
    [InlineData("/explore/explorer.js/x")]
    [InlineData("/explore/node_modules/cytoscape/package.json")]
    public async Task Anything_else_under_explore_is_not_found(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Other_methods_are_refused()
    {
        using var response = await api.Http.PostAsync("/explore", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task A_browser_opening_the_root_lands_on_the_explorer()
    {
        using var response = await NoRedirects().SendAsync(Get("/", html: true));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/explore", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Any_other_client_opening_the_root_is_sent_to_the_GraphQL_endpoint_as_before()
    {
        using var response = await NoRedirects().SendAsync(Get("/", html: false));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/graphql", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void Without_npm_the_page_says_what_was_missing_and_what_to_do()
    {
        const string Reason = "npm was not found when GraphIntel.Api was built. Install Node.js 20+ with npm and rebuild.";
        var page = ExplorerHost.NotBuiltPage(Reason);
        Assert.Contains("The explorer was not built: " + Reason, page);
        Assert.Contains("href=\"/graphql\"", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("style", page);
        Assert.Contains("&lt;b&gt;", ExplorerHost.NotBuiltPage("<b>"));
    }

    private HttpClient NoRedirects() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = api.Http.BaseAddress };

    private static HttpRequestMessage Get(string path, bool html)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(html ? "text/html,application/xhtml+xml,*/*;q=0.8" : "*/*");
        return request;
    }

    private Task<HttpResponseMessage> GetAsync(string path, bool html = false) => api.Http.SendAsync(Get(path, html));

    [GeneratedRegex(@"<script(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
