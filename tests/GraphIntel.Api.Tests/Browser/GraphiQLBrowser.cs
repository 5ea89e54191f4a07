using System.Diagnostics;
using System.Text.Json;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests.Browser;

/// <summary>
/// Runs tests/browser/graphiql.mjs: a real headless Chromium (Debian's <c>chromium</c>, driven by npm playwright-core)
/// opens the GraphiQL IDE of a running API, runs queries in it and reports what the page showed.
/// </summary>
public static class GraphiQLBrowser
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string ScriptDirectory { get; } = Path.Combine(RepoPaths.Root, "tests", "browser");

    /// <summary>Why the browser tests cannot run on this machine, or null when they can.</summary>
    public static string? MissingReason =>
        !File.Exists(ChromiumPath)
            ? $"no Chromium at {ChromiumPath}: install it with `apt-get install -y chromium` (tests/run does so when root)"
            : !Directory.Exists(Path.Combine(ScriptDirectory, "node_modules", "playwright-core"))
                ? $"playwright-core is not installed in {ScriptDirectory}: run `npm ci` there (tests/run does)"
                : null;

    /// <summary>Runs the script against the API at <paramref name="baseAddress"/>, saving a screenshot to <paramref name="screenshotPath"/>.</summary>
    public static async Task<GraphiQLReport> RunAsync(Uri baseAddress, string screenshotPath)
    {
        var start = new ProcessStartInfo("node", ["graphiql.mjs", "--url", baseAddress.ToString(), "--chromium", ChromiumPath, "--screenshot", screenshotPath])
        {
            WorkingDirectory = ScriptDirectory,
        };
        var result = await ChildProcess.RunAsync(start, Timeout);
        var output = result.Stdout;
        var run = $"node graphiql.mjs in {ScriptDirectory}: {result}";
        if (result.ExitCode != 0) throw new InvalidOperationException(run);
        try
        {
            return JsonSerializer.Deserialize<GraphiQLReport>(output, JsonSerializerOptions.Web)! with { Raw = run };
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"the browser script's output is not its JSON report ({e.Message}): {run}", e);
        }
    }
}

/// <summary>What the browser saw (the JSON report of tests/browser/graphiql.mjs); <see cref="Raw"/> is the whole run, for messages.</summary>
public sealed record GraphiQLReport(
    string? BrowserVersion,
    string? Title,
    BrowserStep? Load,
    BrowserStep? DefaultQuery,
    BrowserStep? Screenshot,
    BrowserStep? SyntaxError,
    string[] PageErrors,
    string[] ConsoleErrors)
{
    public string Raw { get; init; } = "";

    /// <summary>The step, after asserting it ran and succeeded.</summary>
    public BrowserStep Passed(BrowserStep? step, string name)
    {
        Assert.True(step is { Ok: true }, $"the browser step \"{name}\" failed: {step?.Error ?? "it did not run"}\n{Raw}");
        return step!;
    }
}

/// <summary>One step of the browser run: an editor's text (whole document and the lines on screen), a status or a file.</summary>
public sealed record BrowserStep(bool Ok, string? Error, int? Status, string? Query, string? Text, string? VisibleText, string? Path);
