using System.Diagnostics;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// A Neo4j 3.1.1 of the test class's own (tests/tools/neo4j-test-server.sh with its own state directory), so a test
/// may stop and resume it without disturbing the shared server. Started only where the Neo4j tests run at all.
/// </summary>
public sealed class OwnNeo4jServer : IAsyncLifetime
{
    private static readonly string Script = RepoPaths.In("tests/tools/neo4j-test-server.sh");
    /// <summary>Bounds one run of the script: a start waits up to two minutes for Neo4j, after a download at most.</summary>
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "graphintel-neo4j-" + Guid.NewGuid().ToString("N"));

    public Uri Url { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Neo4jTestServer.Url is null) return; // the tests report skipped
        Url = new Uri(await RunScriptAsync("start"));
    }

    /// <summary>Stops the server (its data stays on disk).</summary>
    public Task StopAsync() => RunScriptAsync("stop");

    /// <summary>Restarts the stopped server on the same data and ports.</summary>
    public Task ResumeAsync() => RunScriptAsync("resume");

    public async Task DisposeAsync()
    {
        if (Neo4jTestServer.Url is null) return;
        await RunScriptAsync("stop");
        try { Directory.Delete(_state, recursive: true); }
        catch (IOException) { /* left for the temp cleaner */ }
    }

    /// <summary>Runs the script; its last line of output (the URL for start/resume), or an error with its stderr.</summary>
    private async Task<string> RunScriptAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Script, command]);
        start.Environment["GRAPHINTEL_NEO4J_STATE"] = _state;
        var run = await ChildProcess.RunAsync(start, ScriptTimeout);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"{Script} {command} failed: {run}");
        return run.Stdout.Trim().Split('\n').LastOrDefault()?.Trim() ?? "";
    }
}
