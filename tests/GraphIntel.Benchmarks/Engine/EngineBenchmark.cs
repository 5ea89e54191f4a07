using System.Diagnostics;
using System.Globalization;
using GraphIntel.GraphQL;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.Benchmarks.Engine;

/// <summary>
/// The GraphQL engine against graphql-js, in one run on one machine: parse + validate + execute of three queries
/// (three fields; a ~60-field dashboard with lists of 50 objects; the full introspection query) on the same schema
/// and data (dashboard.graphql, dashboard-data.json). Our engine runs with and without its document cache;
/// graphql-js (graphql-js-bench.mjs, run with node) runs parse + validate + execute, and execute alone on a
/// document parsed once. Each measurement warms up, then counts operations for a fixed time split into three
/// alternating rounds, the best round counting (both sides alike).
/// <code>
/// dotnet run -c Release --project tests/GraphIntel.Benchmarks -- engine [--seconds 3] [--warmup 1] [--case name] [--no-node]
/// </code>
/// </summary>
public static class EngineBenchmark
{
    private static readonly string[] CaseNames = ["three-fields", "dashboard", "introspection"];

    /// <summary>Each measurement's time budget is split into this many rounds; the best round counts.</summary>
    private const int Rounds = 3;

    /// <summary>Runs the benchmark and prints a table; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: engine [--seconds 3] [--warmup 1] [--case three-fields|dashboard|introspection] [--no-node]");
            return 2;
        }

        var folder = EngineFolder();
        var schema = DashboardSchema.Build(folder);
        var cases = CaseNames
            .Where(name => options.Case is null || options.Case == name)
            .Select(name => (Name: name, Query: File.ReadAllText(Path.Combine(folder, "queries", name + ".graphql"))))
            .ToList();

        Console.WriteLine($"engine benchmark: {options.Seconds} s per measurement after {options.Warmup} s warm-up, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        // Measure ours first, then let node run alone: the two never compete for the CPU.
        var ours = new List<(string Case, Measurement Uncached, Measurement Cached, string ResultJson)>();
        foreach (var (name, query) in cases)
        {
            var uncached = CreateService(schema, documentCache: false);
            var cached = CreateService(schema, documentCache: true);
            var resultJson = await ExecuteOnceAsync(cached, name, query);
            var (withoutCache, withCache) = await MeasurePairAsync(uncached, cached, query, options);
            ours.Add((name, withoutCache, withCache, resultJson));
        }

        var reference = options.RunNode ? await GraphQLJsBenchmark.RunAsync(folder, cases.Count, options) : null;
        BenchmarkReport.Print(ours, reference);
        return 0;
    }

    private static GraphQLService CreateService(Schema schema, bool documentCache) =>
        new(schema, new GraphQLServiceOptions { DocumentCacheSize = documentCache ? 100 : 0 });

    private static async Task<string> ExecuteOnceAsync(GraphQLService service, string name, string query)
    {
        var result = await service.ExecuteAsync(new GraphQLRequest { Query = query }, CancellationToken.None);
        var json = result.ToJson();
        if (result.Errors is { Count: > 0 })
        {
            throw new InvalidOperationException($"The \"{name}\" benchmark query fails on our engine: {json}");
        }
        return json;
    }

    /// <summary>
    /// Warms both services up, then measures them in <see cref="Rounds"/> alternating rounds that share the time
    /// budget, keeping each one's best round: on a shared machine the best round is the one least disturbed.
    /// </summary>
    private static async Task<(Measurement Uncached, Measurement Cached)> MeasurePairAsync(
        GraphQLService uncached, GraphQLService cached, string query, BenchmarkOptions options)
    {
        var request = new GraphQLRequest { Query = query };
        await RunForAsync(uncached, request, options.Warmup / 2);
        await RunForAsync(cached, request, options.Warmup / 2);
        Measurement? bestUncached = null;
        Measurement? bestCached = null;
        for (var round = 0; round < Rounds; round++)
        {
            bestUncached = Best(bestUncached, await MeasureAsync(uncached, request, options.Seconds / Rounds));
            bestCached = Best(bestCached, await MeasureAsync(cached, request, options.Seconds / Rounds));
        }
        return (bestUncached!, bestCached!);
    }

    private static Measurement Best(Measurement? best, Measurement candidate) =>
        best is null || candidate.OperationsPerSecond > best.OperationsPerSecond ? candidate : best;

    private static async Task<Measurement> MeasureAsync(GraphQLService service, GraphQLRequest request, double seconds)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (operations, elapsed) = await RunForAsync(service, request, seconds);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Measurement(operations, elapsed.TotalSeconds, allocated / (double)operations);
    }

    private static async Task<(long Operations, TimeSpan Elapsed)> RunForAsync(GraphQLService service, GraphQLRequest request, double seconds)
    {
        var budget = TimeSpan.FromSeconds(seconds);
        var stopwatch = Stopwatch.StartNew();
        long operations = 0;
        while (stopwatch.Elapsed < budget)
        {
            for (var i = 0; i < 16; i++)
            {
                await service.ExecuteAsync(request, CancellationToken.None);
            }
            operations += 16;
        }
        return (operations, stopwatch.Elapsed);
    }

    private static string EngineFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "GraphIntel.Benchmarks", "Engine");
            if (File.Exists(Path.Combine(candidate, "dashboard.graphql")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"No tests/GraphIntel.Benchmarks/Engine above {AppContext.BaseDirectory}: run the benchmark from inside the repository.");
    }

    internal sealed record Measurement(long Operations, double Seconds, double BytesPerOperation)
    {
        public double OperationsPerSecond => Operations / Seconds;
    }

    internal sealed record BenchmarkOptions(double Seconds, double Warmup, string? Case, bool RunNode)
    {
        public static BenchmarkOptions? Parse(string[] args)
        {
            var options = new BenchmarkOptions(3, 1, null, true);
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--seconds" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                        options = options with { Seconds = seconds };
                        i++;
                        break;
                    case "--warmup" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var warmup) && warmup >= 0:
                        options = options with { Warmup = warmup };
                        i++;
                        break;
                    case "--case" when i + 1 < args.Length && CaseNames.Contains(args[i + 1]):
                        options = options with { Case = args[i + 1] };
                        i++;
                        break;
                    case "--no-node":
                        options = options with { RunNode = false };
                        break;
                    default:
                        Console.Error.WriteLine($"engine: unknown or incomplete option \"{args[i]}\"");
                        return null;
                }
            }
            return options;
        }
    }
}
