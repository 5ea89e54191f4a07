using System.Diagnostics;
using System.Text.Json;

namespace GraphIntel.GraphQL.Tests.Conformance;

/// <summary>The outcome of a node (or npm) run.</summary>
internal sealed record NodeRunResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>
/// Runs the conformance scripts with the <c>node</c> on PATH. The first use makes sure
/// tests/conformance/node_modules exists, running <c>npm ci</c> there when it does not (the test runner
/// normally did so already). Fails with a clear message when node or npm is missing; never skips.
/// </summary>
internal static class NodeRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _installed;

    /// <summary>Runs <c>node script args…</c> in tests/conformance.</summary>
    public static async Task<NodeRunResult> RunScriptAsync(string script, params string[] arguments)
    {
        await EnsureNodeModulesAsync();
        return await RunAsync(FindOnPath("node"), [script, .. arguments]);
    }

    /// <summary>
    /// Runs <c>node script file</c>, the file holding <paramref name="inputJson"/>, and returns what the script printed,
    /// parsed as JSON; fails the test when node fails. The oracles' one way in (parse, execute, schema).
    /// </summary>
    public static async Task<JsonElement> AskAsync(string script, string inputJson)
    {
        var file = Path.Combine(Path.GetTempPath(), $"graphintel-{Path.GetFileNameWithoutExtension(script)}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, inputJson);
        try
        {
            var run = await RunScriptAsync(script, file);
            Assert.True(run.ExitCode == 0, run.ToString());
            using var output = JsonDocument.Parse(run.StandardOutput);
            return output.RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Starts <c>node script args…</c> in tests/conformance as a long-running helper that answers on its standard output
    /// what it reads on its standard input (both redirected, as is its error output, which is echoed to ours).
    /// </summary>
    public static async Task<Process> StartScriptAsync(string script, params string[] arguments)
    {
        await EnsureNodeModulesAsync();
        var start = new ProcessStartInfo(FindOnPath("node"), [script, .. arguments])
        {
            WorkingDirectory = RepositoryPaths.Conformance,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start node {script}");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  [{script}] {e.Data}"); };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task EnsureNodeModulesAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_installed || Directory.Exists(Path.Combine(RepositoryPaths.Conformance, "node_modules", "graphql-http")))
            {
                _installed = true;
                return;
            }
            var result = await RunAsync(FindOnPath("npm"), ["ci", "--no-audit", "--no-fund"]);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {RepositoryPaths.Conformance} failed: {result}");
            }
            _installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<NodeRunResult> RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments) { WorkingDirectory = RepositoryPaths.Conformance };
        var run = await ChildProcess.RunAsync(startInfo, Timeout);
        return new NodeRunResult(run.ExitCode, run.Stdout, run.Stderr);
    }

    private static string FindOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        string[] names = OperatingSystem.IsWindows() ? [program + ".exe", program + ".cmd"] : [program];
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException(
            $"\"{program}\" is not on PATH ({path}). The conformance tests need Node.js 20+ and npm: install them; these tests do not skip.");
    }
}
