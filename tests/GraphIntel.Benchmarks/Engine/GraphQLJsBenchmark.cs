using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace GraphIntel.Benchmarks.Engine;

/// <summary>graphql-js's numbers for one case: full = parse + validate + execute, execute = execute only.</summary>
internal sealed record GraphQLJsCase(double FullOperationsPerSecond, double ExecuteOperationsPerSecond, string ResultJson);

/// <summary>Runs graphql-js-bench.mjs with the <c>node</c> on PATH and reads its JSON lines.</summary>
internal static class GraphQLJsBenchmark
{
    public static async Task<Dictionary<string, GraphQLJsCase>> RunAsync(string folder, EngineBenchmark.BenchmarkOptions options)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
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

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("Cannot run node (Node.js 20+ must be on PATH; or pass --no-node): " + exception.Message, exception);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"graphql-js-bench.mjs failed with exit code {process.ExitCode} (did `npm ci --prefix tests/conformance` run?):\n{await error}");
            }
            return Parse(await output);
        }
    }

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
