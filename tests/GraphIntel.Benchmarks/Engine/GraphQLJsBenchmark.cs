using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace GraphIntel.Benchmarks.Engine;

/// <summary>graphql-js's numbers for one case: full = parse + validate + execute, execute = execute only.</summary>
internal sealed record GraphQLJsCase(double FullOperationsPerSecond, double ExecuteOperationsPerSecond, string ResultJson);

/// <summary>Runs graphql-js-bench.mjs with the <c>node</c> on PATH and reads its JSON lines.</summary>
internal static class GraphQLJsBenchmark
{
    public static async Task<Dictionary<string, GraphQLJsCase>> RunAsync(string folder, int caseCount, EngineBenchmark.BenchmarkOptions options)
    {
        var startInfo = new ProcessStartInfo("node") { WorkingDirectory = folder };
        startInfo.ArgumentList.Add(Path.Combine(folder, "graphql-js-bench.mjs"));
        startInfo.ArgumentList.Add("--seconds");
        startInfo.ArgumentList.Add(options.Seconds.ToString(CultureInfo.InvariantCulture));
        startInfo.ArgumentList.Add("--warmup");
        startInfo.ArgumentList.Add(options.Warmup.ToString(CultureInfo.InvariantCulture));
        if (options.Case is { } only)
        {
            startInfo.ArgumentList.Add("--case");
            startInfo.ArgumentList.Add(only);
        }

        ChildProcessRun run;
        try
        {
            run = await ChildProcess.RunAsync(startInfo, Bound(caseCount, options));
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("Cannot run node (Node.js 20+ must be on PATH; or pass --no-node): " + exception.Message, exception);
        }
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"graphql-js-bench.mjs failed with exit code {run.ExitCode} (did `npm ci --prefix tests/conformance` run?):\n{run.Stderr}");
        }
        return Parse(run.Stdout);
    }

    /// <summary>
    /// How long the script may run: per case, a warm-up and both modes' measurements (graphql-js-bench.mjs), doubled, and a
    /// minute for node to start and load graphql-js. Past it the script hangs and is killed.
    /// </summary>
    private static TimeSpan Bound(int caseCount, EngineBenchmark.BenchmarkOptions options) =>
        TimeSpan.FromSeconds(2 * caseCount * (options.Warmup + 2 * options.Seconds) + 60);

    private static Dictionary<string, GraphQLJsCase> Parse(string output)
    {
        var full = new Dictionary<string, double>();
        var execute = new Dictionary<string, double>();
        var results = new Dictionary<string, string>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var name = root.GetProperty("case").GetString()!;
            switch (root.GetProperty("mode").GetString())
            {
                case "result": results[name] = root.GetProperty("json").GetString()!; break;
                case "full": full[name] = root.GetProperty("opsPerSecond").GetDouble(); break;
                case "execute": execute[name] = root.GetProperty("opsPerSecond").GetDouble(); break;
            }
        }
        return results.Keys.ToDictionary(name => name, name => new GraphQLJsCase(full[name], execute[name], results[name]));
    }
}
