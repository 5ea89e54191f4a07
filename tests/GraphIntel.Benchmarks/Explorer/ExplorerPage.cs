using Microsoft.Playwright;

namespace GraphIntel.Benchmarks.Explorer;

/// <summary>
/// The explorer in headless Chromium, timed from inside the page against the selector contract of issue #9: the entity
/// panel's <c>#entity h2</c> naming the entity, and the canvas <c>#cy</c> with <c>data-ready="true"</c> (it goes
/// <c>"false"</c> when a render starts); neither showing an error (<c>#cy[data-error]</c>, <c>#entity .error</c>). Times are the page's own clock
/// (<c>performance.now()</c>, whose origin is the start of the navigation), so they hold no driver round trips. Every
/// GraphQL request the page makes is recorded, to replay it alone from the same page as the reference.
/// </summary>
internal sealed class ExplorerPage : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// Installed before the page's own scripts: records the moment the view is usable (<c>window.__benchReady</c>, ms
    /// since the navigation began): the entity panel's heading reads the entity's name (which the benchmark passes in
    /// the URL's fragment, ignored by the page) and the canvas is ready.
    /// </summary>
    private const string ReadyProbe = """
        (() => {
          const name = decodeURIComponent(location.hash.replace(/^#bench-name=/, ''));
          window.__benchReady = null;
          window.__benchMilestones = {};
          const named = () => document.querySelector('#entity h2')?.textContent.trim() === name;
          const drawn = () => document.querySelector('#cy')?.dataset.ready === 'true';
          const observer = new MutationObserver(() => {
            const at = performance.now();
            const m = window.__benchMilestones;
            if (m['entity panel names the entity'] === undefined && named()) m['entity panel names the entity'] = at;
            if (m['canvas ready'] === undefined && drawn()) m['canvas ready'] = at;
            if (named() && drawn()) {
              window.__benchReady = at;
              observer.disconnect();
            }
          });
          observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        })();
        """;

    /// <summary>
    /// Where a navigation's time went, in ms since its start: the bundle received, the document's scripts run
    /// (DOMContentLoaded ends after the deferred bundle has run), the panel named, the canvas first ready.
    /// </summary>
    private const string Milestones = """
        () => {
          const m = { ...window.__benchMilestones };
          const bundle = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/explorer.js'));
          if (bundle) m['explorer.js received'] = bundle.responseEnd;
          const nav = performance.getEntriesByType('navigation')[0];
          if (nav) m['bundle run (DOMContentLoaded end)'] = nav.domContentLoadedEventEnd;
          return m;
        }
        """;

    /// <summary>Moves the slider to a year and resolves with the ms until the canvas has re-rendered (ready false, then true).</summary>
    private const string SliderMove = """
        (year) => new Promise((resolve, reject) => {
          const cy = document.querySelector('#cy');
          const slider = document.querySelector('input[aria-label="Year"]');
          if (!cy || !slider) { reject(new Error('no #cy or no Year slider')); return; }
          let started = false;
          let done = false;
          const t0 = performance.now();
          const observer = new MutationObserver((records) => {
            // Each record holds the value before it; the value after is the next record's old value, or the current one.
            records.forEach((r, i) => {
              const after = i + 1 < records.length ? records[i + 1].oldValue : cy.dataset.ready;
              if (after === 'false') started = true;
              else if (started && after === 'true' && !done) {
                done = true;
                observer.disconnect();
                clearTimeout(timer);
                resolve(performance.now() - t0);
              }
            });
          });
          const timer = setTimeout(() => { observer.disconnect(); reject(new Error('the canvas did not re-render within 10 s')); }, 10000);
          observer.observe(cy, { attributes: true, attributeOldValue: true, attributeFilter: ['data-ready'] });
          slider.value = String(year);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          slider.dispatchEvent(new Event('change', { bubbles: true }));
        })
        """;

    /// <summary>Sends the given GraphQL bodies at once, as the page does, and resolves with the ms until all have answered.</summary>
    private const string Replay = """
        async (bodies) => {
          const t0 = performance.now();
          await Promise.all(bodies.map(async (body) => {
            const response = await fetch('/graphql', {
              method: 'POST',
              headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
              body,
            });
            await response.text();
          }));
          return performance.now() - t0;
        }
        """;

    private readonly IBrowserContext _context;
    private readonly List<string> _requests = [];

    private ExplorerPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/graphql", StringComparison.Ordinal) && request.PostData is { } body)
                lock (_requests) _requests.Add(body);
        };
    }

    public IPage Page { get; }

    /// <summary>A new browser context (no cache, no storage: as a shared link opens) with one page.</summary>
    public static async Task<ExplorerPage> OpenAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1600, Height = 1000 } });
        await context.AddInitScriptAsync(ReadyProbe);
        return new ExplorerPage(context, await context.NewPageAsync());
    }

    /// <summary>The GraphQL bodies sent since <paramref name="from"/> (a count from <see cref="RequestCount"/>).</summary>
    public IReadOnlyList<string> RequestsSince(int from)
    {
        lock (_requests) return _requests.Skip(from).ToList();
    }

    public int RequestCount
    {
        get { lock (_requests) return _requests.Count; }
    }

    /// <summary>
    /// Navigates to <c>/explore?entity=</c><paramref name="entityId"/> and returns the ms from the navigation's start until
    /// the entity panel names <paramref name="name"/> and the canvas is ready, with the nodes and edges drawn.
    /// </summary>
    public async Task<(double Milliseconds, int Nodes, int Edges)> NavigateAsync(string entityId, string name, TimeSpan timeout)
    {
        await Page.GotoAsync($"/explore?entity={Uri.EscapeDataString(entityId)}#bench-name={Uri.EscapeDataString(name)}");
        try
        {
            await Page.WaitForFunctionAsync("() => window.__benchReady !== null || document.querySelector('#cy[data-error], #entity .error') !== null",
                null, new() { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 20 });
        }
        catch (TimeoutException)
        {
            var screenshot = Path.Combine(Path.GetTempPath(), $"graphintel-explorer-timeout-{Guid.NewGuid():N}.png");
            await Page.ScreenshotAsync(new() { Path = screenshot });
            var state = await Page.EvaluateAsync<string>("""
                () => `h2 "${document.querySelector('#entity h2')?.textContent ?? ''}", #cy data-ready=${document.querySelector('#cy')?.dataset.ready}, ` +
                      `status "${document.querySelector('#status')?.textContent ?? ''}"`
                """);
            throw new TimeoutException($"{entityId} not usable within {timeout.TotalSeconds:0} s: {state} (screenshot {screenshot})");
        }
        await ThrowOnViewErrorAsync();
        var ready = await Page.EvaluateAsync<double>("window.__benchReady");
        return (ready, await CountAsync("data-nodes"), await CountAsync("data-edges"));
    }

    /// <summary>Moves the time slider to <paramref name="year"/>; the ms until the canvas has rendered that year.</summary>
    public async Task<double> MoveSliderAsync(int year)
    {
        var ms = await Page.EvaluateAsync<double>(SliderMove, year);
        await ThrowOnViewErrorAsync();
        return ms;
    }

    /// <summary>The slider's range (the years the data spans, from <c>statistics { firstDate lastDate }</c>).</summary>
    public async Task<(int Min, int Max)> SliderRangeAsync()
    {
        var slider = Page.Locator("input[aria-label=\"Year\"]");
        return (int.Parse(await slider.GetAttributeAsync("min") ?? "0"), int.Parse(await slider.GetAttributeAsync("max") ?? "0"));
    }

    /// <summary>Sends <paramref name="bodies"/> from the page, all at once; the ms until every answer has arrived.</summary>
    public Task<double> ReplayAsync(IReadOnlyList<string> bodies) => Page.EvaluateAsync<double>(Replay, bodies);

    /// <summary>The milestones of the last navigation (name → ms since its start; see <see cref="Milestones"/>).</summary>
    public async Task<IReadOnlyDictionary<string, double>> MilestonesAsync() =>
        await Page.EvaluateAsync<Dictionary<string, double>>(Milestones);

    /// <summary>The page's performance measures (name → ms), e.g. a layout the canvas times itself.</summary>
    public async Task<IReadOnlyDictionary<string, double>> MeasuresAsync() =>
        await Page.EvaluateAsync<Dictionary<string, double>>(
            "() => Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, m.duration]))");

    private async Task<int> CountAsync(string attribute) =>
        int.TryParse(await Page.Locator("#cy").GetAttributeAsync(attribute), out var n) ? n : -1;

    /// <summary>Throws when the canvas (<c>#cy[data-error]</c>) or the entity panel (<c>#entity .error</c>) shows an error.</summary>
    private async Task ThrowOnViewErrorAsync()
    {
        if (await Page.Locator("#cy").GetAttributeAsync("data-error") is { } canvas) throw new ViewErrorException("canvas", canvas);
        var panel = Page.Locator("#entity .error");
        if (await panel.CountAsync() > 0) throw new ViewErrorException("entity panel", await panel.First.InnerTextAsync());
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}

/// <summary>A part of the view (the canvas, the entity panel) shows an error instead of its content: the API's message, or the page's.</summary>
internal sealed class ViewErrorException(string part, string error) : Exception($"the {part} reports an error: {error}");
