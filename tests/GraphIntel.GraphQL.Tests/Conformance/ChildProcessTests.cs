using System.Diagnostics;

namespace GraphIntel.GraphQL.Tests.Conformance;

/// <summary>The bounded wait every test and benchmark process goes through (tests/Shared/ChildProcess.cs).</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task A_finished_process_gives_its_exit_code_and_output()
    {
        var run = await ChildProcess.RunAsync(new ProcessStartInfo("bash", ["-c", "echo out; echo err >&2; exit 3"]), TimeSpan.FromMinutes(1));

        Assert.Equal(new ChildProcessRun(3, "out\n", "err\n"), run);
    }

    [Fact]
    public async Task A_process_past_its_deadline_is_killed_with_its_children_and_the_failure_carries_what_it_printed()
    {
        // The grandchild sleep holds the output pipe open: only killing the whole tree lets the wait end before it does.
        var start = new ProcessStartInfo("bash", ["-c", "echo started; echo warming >&2; sleep 60 & sleep 60"]);
        var clock = Stopwatch.StartNew();

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => ChildProcess.RunAsync(start, TimeSpan.FromSeconds(1)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Contains("did not finish within 00:00:01", timeout.Message);
        Assert.Contains("--- stdout\nstarted\n", timeout.Message);
        Assert.Contains("--- stderr\nwarming\n", timeout.Message);
    }

    [Fact]
    public async Task A_stopped_server_is_killed_with_its_children_within_the_bound()
    {
        // As above, a grandchild holds the pipes open: the stop's wait ends only because the whole tree is killed.
        using var server = ChildProcess.StartServer(new ProcessStartInfo("bash", ["-c", "sleep 60 & sleep 60"]), "test-server");
        var clock = Stopwatch.StartNew();

        await ChildProcess.StopAsync(server, TimeSpan.FromSeconds(30));

        Assert.True(server.HasExited);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
}
