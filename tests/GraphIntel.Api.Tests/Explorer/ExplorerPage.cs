using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace GraphIntel.Api.Tests.Explorer;

/// <summary>
/// One test's browser page on the explorer, in a fresh context. Every request not to the API's origin is aborted and
/// recorded; page errors and console errors are recorded; <see cref="RunAsync"/> saves a screenshot to
/// artifacts/explorer/&lt;test&gt;.png and then fails the test if anything was recorded — the explorer must work
/// offline, under its Content-Security-Policy (Chromium reports a violation as a console error), without throwing.
/// </summary>
public sealed class ExplorerPage
{
    public static readonly string ArtifactDirectory = Path.Combine(RepoPaths.Root, "artifacts", "explorer");

    private readonly IBrowserContext _context;
    private readonly string _test;
    private readonly List<string> _foreignRequests = [];
    private readonly List<string> _errors = [];

    private ExplorerPage(IBrowserContext context, IPage page, string test, Uri origin)
    {
        _context = context;
        Page = page;
        _test = test;
        Origin = origin;
    }

    public IPage Page { get; }
    public Uri Origin { get; }

    private static async Task<ExplorerPage> OpenAsync(ExplorerBrowser browser, string test)
    {
        var origin = browser.Origin;
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = origin.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var explorer = new ExplorerPage(context, page, test, origin);
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Authority == origin.Authority) await route.ContinueAsync();
            else
            {
                lock (explorer._foreignRequests) explorer._foreignRequests.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        page.PageError += (_, error) => { lock (explorer._errors) explorer._errors.Add("page error: " + error); };
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (explorer._errors) explorer._errors.Add("console error: " + message.Text);
        };
        return explorer;
    }

    /// <summary>
    /// Runs <paramref name="test"/> on a fresh page, then saves the screenshot and fails with whatever went wrong: the
    /// test's own failure and the page's problems together, so neither hides the other.
    /// </summary>
    public static async Task RunAsync(ExplorerBrowser browser, Func<ExplorerPage, Task> test, [CallerMemberName] string name = "")
    {
        var explorer = await OpenAsync(browser, name);
        Exception? failure = null;
        try
        {
            await test(explorer);
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            await explorer.CloseAsync();
        }
        var problems = explorer.Problems;
        if (failure is not null && problems.Count > 0)
            throw new Xunit.Sdk.XunitException($"{failure.Message}\nand the explorer misbehaved:\n{string.Join("\n", problems)}\n{failure}");
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        Assert.True(problems.Count == 0, $"the explorer misbehaved in {name}:\n" + string.Join("\n", problems));
    }

    /// <summary>Opens /explore with <paramref name="query"/> (e.g. "entity=org/ttt&amp;mode=lineage").</summary>
    public async Task GotoAsync(string query = "")
    {
        var response = await Page.GotoAsync("/explore" + (query.Length > 0 ? "?" + query : ""));
        Assert.Equal(200, response!.Status);
    }

    public ILocator Search => Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" });
    public ILocator Entity => Page.Locator("#entity");
    public ILocator EntityName => Page.Locator("#entity h2").First;
    public ILocator Evidence => Page.Locator("#evidence");
    public ILocator Cy => Page.Locator("#cy");
    public ILocator Relationships => Page.GetByRole(AriaRole.Table, new() { Name = "Relationships shown" });
    public ILocator Year => Page.GetByRole(AriaRole.Slider, new() { Name = "Year" });

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
    public ILocator Tab(string name) => Page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });

    /// <summary>Waits until the entity panel shows <paramref name="name"/> as its heading.</summary>
    public Task ExpectEntityAsync(string name) =>
        Assertions.Expect(EntityName).ToHaveTextAsync(name, new() { Timeout = 15_000 });

    /// <summary>Waits until the canvas finished a render (data-ready="true").</summary>
    public Task ExpectCanvasReadyAsync() =>
        Assertions.Expect(Cy).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 15_000 });

    /// <summary>The relationship ids in the "Relationships shown" table.</summary>
    public async Task<string[]> ShownRelationshipIdsAsync()
    {
        await ExpectCanvasReadyAsync();
        var ids = await Relationships.Locator("tr[data-id]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        return [.. ids.Order(StringComparer.Ordinal)];
    }

    /// <summary>What went wrong so far (foreign requests, errors); the test fails with it on dispose too.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_foreignRequests) lock (_errors) return [.. _foreignRequests.Select(u => "request off the origin: " + u), .. _errors];
        }
    }

    private async Task CloseAsync()
    {
        Directory.CreateDirectory(ArtifactDirectory);
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, _test + ".png"), FullPage = true });
        }
        finally
        {
            await _context.CloseAsync();
        }
    }
}
