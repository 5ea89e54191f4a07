using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests.Browser;

/// <summary>
/// One browser run over the real API host, shared by the tests of a class. On a machine without a browser (the
/// tests report skipped) it starts neither the host nor Chromium; otherwise the browser runs on first use.
/// </summary>
public sealed class GraphiQLSession : IAsyncLifetime
{
    private readonly ApiHost _api = new();
    private readonly string _screenshotPath = Path.Combine(Path.GetTempPath(), "graphintel-graphiql-" + Guid.NewGuid().ToString("N") + ".png");
    private readonly Lazy<Task<GraphiQLReport>> _report;
    private bool _started;

    public GraphiQLSession() =>
        _report = new(() => GraphiQLBrowser.RunAsync(_api.Http.BaseAddress!, _screenshotPath));

    /// <summary>The API host the browser talks to.</summary>
    public ApiHost Api => _api;

    /// <summary>The browser's report, running the browser on the first call.</summary>
    public Task<GraphiQLReport> ReportAsync() => _report.Value;

    public async Task InitializeAsync()
    {
        if (GraphiQLBrowser.MissingReason is not null) return;
        await _api.InitializeAsync();
        _started = true;
    }

    public async Task DisposeAsync()
    {
        if (!_started) return;
        await _api.DisposeAsync();
        File.Delete(_screenshotPath);
    }
}
