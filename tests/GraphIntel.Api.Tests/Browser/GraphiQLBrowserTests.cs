using System.Text.Json;
using GraphIntel.Api.Hosting;

namespace GraphIntel.Api.Tests.Browser;

/// <summary>
/// GraphiQL as an analyst uses it: a real headless Chromium opens GET /graphql on the real host, runs the default
/// query with the run button and a broken one with Ctrl-Enter (see tests/browser/graphiql.mjs).
/// </summary>
public sealed class GraphiQLBrowserTests(GraphiQLSession session) : IClassFixture<GraphiQLSession>
{
    [BrowserFact]
    public async Task The_page_loads_GraphiQL_with_the_default_query_in_the_editor()
    {
        Assert.True(GraphiQL.IsBundled, "the API was built without the GraphiQL assets (npm was missing when api/GraphIntel.Api was built)");
        var report = await session.ReportAsync();
        var load = report.Passed(report.Load, "load");

        Assert.Equal(200, load.Status);
        Assert.Contains("GraphiQL", report.Title);
        Assert.Contains("organization(name: \"ISIS-K\")", load.Query);
        Assert.True(report.PageErrors.Length == 0, "the page threw: " + string.Join("\n", report.PageErrors));
    }

    [BrowserFact]
    public async Task Running_the_default_query_shows_ISIS_K_in_the_result_pane()
    {
        var report = await session.ReportAsync();
        var shown = report.Passed(report.DefaultQuery, "run the default query");
        var expected = (await session.Api.QueryAsync("""{ organization(name: "ISIS-K") { id name } }""")).Ok().GetProperty("organization");
        var id = expected.GetProperty("id").GetString()!;

        var result = ParseResult(shown, report);
        Assert.False(result.TryGetProperty("errors", out var errors), "the default query failed in the browser: " + errors);
        Assert.Equal(id, result.GetProperty("data").GetProperty("organization").GetProperty("id").GetString());
        Assert.True(shown.VisibleText!.Contains("Islamic State", StringComparison.Ordinal) || shown.VisibleText.Contains(id, StringComparison.Ordinal),
            $"the result pane does not show \"Islamic State\" nor the id {id} on screen:\n{shown.VisibleText}");
    }

    [BrowserFact]
    public async Task A_query_with_a_syntax_error_shows_the_error_in_the_result_pane()
    {
        var report = await session.ReportAsync();
        var shown = report.Passed(report.SyntaxError, "run a query with a syntax error");
        var expected = await session.Api.QueryAsync(shown.Query!);
        Assert.True(expected.Errors.Length > 0, "the query the browser ran is valid, so it cannot show a syntax error: " + shown.Query);

        var result = ParseResult(shown, report);
        Assert.False(result.TryGetProperty("data", out _), "a document that does not parse has no data: " + shown.Text);
        var message = result.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.Equal(expected.Errors[0].GetProperty("message").GetString(), message);
        Assert.Contains(message, shown.VisibleText);
    }

    [BrowserFact]
    public async Task The_screenshot_is_a_png_of_the_rendered_page()
    {
        var report = await session.ReportAsync();
        var screenshot = report.Passed(report.Screenshot, "screenshot");

        var png = Png.Read(screenshot.Path!);
        Assert.Equal((1280, 800), (png.Width, png.Height));
        // Measured with this Chromium at 1280×800: a "Loading GraphiQL…" page is 7 kB, the "not bundled" page 14 kB,
        // the IDE with the default query and its result 81 kB.
        Assert.True(png.Length > 30_000, $"the screenshot {screenshot.Path} is only {png.Length} bytes: the IDE did not render");
    }

    [BrowserFact]
    public async Task The_page_works_under_its_content_security_policy_with_no_violation()
    {
        var report = await session.ReportAsync();
        report.Passed(report.DefaultQuery, "run the default query");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await session.Api.Http.SendAsync(request);
        Assert.Contains("script-src 'self' 'sha256-", page.Headers.GetValues("Content-Security-Policy").Single());

        // Chromium reports every blocked script, style, font or request as a console error naming the policy.
        var violations = report.ConsoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(violations.Count == 0, "the page broke its Content-Security-Policy:\n" + string.Join("\n", violations));
    }

    private static JsonElement ParseResult(BrowserStep shown, GraphiQLReport report)
    {
        try
        {
            return JsonDocument.Parse(shown.Text!).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"the result pane does not hold a JSON response ({e.Message}):\n{shown.Text}\n{report.Raw}");
        }
    }
}
