using GraphIntel.Api.Tests.Browser;
using GraphIntel.Api.Tests.Support;
using Microsoft.Playwright;

namespace GraphIntel.Api.Tests.Explorer;

/// <summary>
/// The real API host (Kestrel on a real socket, the embedded store seeded from the curated data) and one headless
/// Debian Chromium driven by Microsoft.Playwright, shared by the explorer's browser tests. Each test opens its own
/// <see cref="ExplorerPage"/> (a fresh browser context). On a machine without Chromium the tests report skipped
/// (<see cref="BrowserFactAttribute"/>) and nothing starts.
/// </summary>
public sealed class ExplorerBrowser : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ApiHost Api { get; } = new();

    /// <summary>The API's origin, the only one the explorer may talk to.</summary>
    public Uri Origin => Api.Http.BaseAddress!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser did not start: " + GraphiQLBrowser.MissingReason);

    public async Task InitializeAsync()
    {
        if (GraphiQLBrowser.MissingReason is not null) return;
        await Api.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = GraphiQLBrowser.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_playwright is not null) await Api.DisposeAsync();
    }
}
