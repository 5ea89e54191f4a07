using System.Diagnostics;

namespace GraphIntel.Graph.Testing;

/// <summary>Runs a Node.js script of the repository (its npm packages installed by tests/run, or here on first use).</summary>
public static class Node
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string directory, string script, params string[] args)
    {
        await EnsurePackagesAsync(directory);
        return await ExecAsync(directory, "node", [script, .. args]);
    }

    private static async Task EnsurePackagesAsync(string directory)
    {
        if (Directory.Exists(Path.Combine(directory, "node_modules"))) return;
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(directory, "node_modules"))) return;
            var (exit, _, stderr) = await ExecAsync(directory, "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
            if (exit != 0) throw new InvalidOperationException($"npm ci in {directory} failed: {stderr}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int, string, string)> ExecAsync(string directory, string file, string[] args)
    {
        var run = await ChildProcess.RunAsync(new ProcessStartInfo(file, args) { WorkingDirectory = directory }, TimeSpan.FromMinutes(5));
        return (run.ExitCode, run.Stdout, run.Stderr);
    }
}
