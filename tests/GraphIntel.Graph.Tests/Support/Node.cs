using System.Diagnostics;

namespace GraphIntel.Graph.Tests.Support;

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
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
