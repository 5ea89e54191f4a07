using System.Diagnostics;

namespace GraphIntel.Testing;

/// <summary>What a child process printed and how it ended.</summary>
public sealed record ChildProcessRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// The one way the tests and the benchmarks wait for a process they start (node, npm, wrk, the Neo4j test server script,
/// docker-compose, the API): never unbounded. A process still running at its deadline is killed with its whole tree
/// and the test fails with a <see cref="TimeoutException"/> carrying the command and everything it printed, so a hang
/// fails the run instead of hanging it. A server (a process that runs until stopped) is started with
/// <see cref="StartServer"/> and ended with <see cref="StopAsync"/>, whose wait is bounded too. Linked into every test
/// project and the benchmarks (tests/Shared).
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

    /// <summary>
    /// Starts a process that runs until stopped (a server): its standard output is discarded and each line of its
    /// error output is written to ours prefixed with <paramref name="prefix"/>. End it with <see cref="StopAsync"/>.
    /// </summary>
    public static Process StartServer(ProcessStartInfo start, string prefix)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Describe(start)}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  [{prefix}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Kills <paramref name="process"/> with its whole tree (if it still runs) and waits at most
    /// <paramref name="timeout"/> for it to exit; a <see cref="TimeoutException"/> when it does not.
    /// </summary>
    public static async Task StopAsync(Process process, TimeSpan timeout)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"process {process.Id} was killed but did not exit within {timeout}");
        }
    }

    private static string Describe(ProcessStartInfo start) =>
        string.Join(' ', [start.FileName, .. start.ArgumentList]) +
        (string.IsNullOrEmpty(start.WorkingDirectory) ? "" : $" (in {start.WorkingDirectory})");
}
