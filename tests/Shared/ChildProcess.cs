using System.Diagnostics;

namespace GraphIntel.Testing;

/// <summary>What a child process printed and how it ended.</summary>
public sealed record ChildProcessRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// The one way the tests wait for a process they start (node, npm, the Neo4j test server script, docker-compose, the
/// API): never unbounded. A process still running at its deadline is killed with its whole tree and the test fails
/// with a <see cref="TimeoutException"/> carrying the command and everything it printed, so a hang fails the run
/// instead of hanging it. Linked into every test project (tests/Shared).
/// </summary>
public static class ChildProcess
{
    /// <summary>
    /// Starts <paramref name="start"/> (its output and error redirected here) and waits for it to exit, at most
    /// <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ChildProcessRun> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"could not start {Describe(start)}");
        return await WaitAsync(process, timeout, Describe(start));
    }

    /// <summary>
    /// Waits at most <paramref name="timeout"/> for a started <paramref name="process"/> whose output and error are
    /// redirected and not yet read.
    /// </summary>
    public static async Task<ChildProcessRun> WaitAsync(Process process, TimeSpan timeout, string description)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(); // killed: its streams close, so what it printed can be read
            throw new TimeoutException(
                $"{description} did not finish within {timeout} and was killed with its process tree\n--- stdout\n{await stdout}\n--- stderr\n{await stderr}");
        }
        return new ChildProcessRun(process.ExitCode, await stdout, await stderr);
    }

    private static string Describe(ProcessStartInfo start) =>
        string.Join(' ', [start.FileName, .. start.ArgumentList]) +
        (string.IsNullOrEmpty(start.WorkingDirectory) ? "" : $" (in {start.WorkingDirectory})");
}
