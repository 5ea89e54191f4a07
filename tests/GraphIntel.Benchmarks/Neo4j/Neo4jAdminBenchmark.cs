using System.Diagnostics;
using System.Text.RegularExpressions;
using GraphIntel.Benchmarks.Graph;
using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Neo4j.Export;
using GraphIntel.Graph.Store;
using GraphIntel.Testing;

namespace GraphIntel.Benchmarks.Neo4j;

/// <summary>
/// The initial load of a large graph into Neo4j by the offline importer: the graph benchmark's synthetic graph loaded
/// into an embedded store (the reference: the normal loader's time), exported as the importer's CSV files
/// (<see cref="Neo4jAdminCsv"/>), built into a database by Neo4j 3.1.1's import tool and opened by the Neo4j store
/// (whose first start creates the constraints and indexes on the imported data), each step timed; the imported
/// database's counts are checked against the graph.
///   dotnet run -c Release --project tests/GraphIntel.Benchmarks -- neo4j-admin [--entities 100000] [--relationships 1000000]
/// Starts its own server (tests/tools/neo4j-test-server.sh import, state in a temp dir) and stops it at the end.
/// </summary>
public static partial class Neo4jAdminBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new SyntheticGraphOptions
        {
            Entities = Option(args, "--entities", 100_000),
            Relationships = Option(args, "--relationships", 1_000_000),
        };
        var work = Path.Combine(Path.GetTempPath(), "graphintel-neo4j-admin-bench-" + Guid.NewGuid().ToString("N"));
        var csv = Path.Combine(work, "csv");
        var state = Path.Combine(work, "neo4j");
        Directory.CreateDirectory(work);
        try
        {
            var graph = SyntheticGraph.Generate(options);
            var clock = Stopwatch.StartNew();
            await using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions
            {
                DatabasePath = Path.Combine(work, EmbeddedStoreOptions.DatabaseFileName),
                OperationTimeout = TimeSpan.FromHours(1),
                AttemptTimeout = TimeSpan.FromHours(1),
            });
            await store.InitializeAsync();
            await store.ApplyAsync(graph.ChangeSet, new WriteContext("benchmark", "neo4j-admin benchmark graph", DateTimeOffset.UtcNow));
            var embeddedLoad = clock.Elapsed;
            Console.WriteLine($"synthetic graph: {options.Entities:N0} entities, {graph.ChangeSet.Relationships.Count:N0} relationships");
            Console.WriteLine($"embedded store load (reference, the normal loader): {embeddedLoad.TotalSeconds,8:0.0} s");

            clock.Restart();
            var snapshot = await store.ExportAsync();
            var audit = await Neo4jAdminCsv.ReadAuditAsync(store);
            var read = clock.Elapsed;
            clock.Restart();
            var written = await Neo4jAdminCsv.WriteAsync(snapshot, audit, csv);
            var write = clock.Elapsed;
            var bytes = Directory.EnumerateFiles(csv).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"export: store read {read.TotalSeconds:0.0} s + CSV write {write.TotalSeconds:0.0} s = {(read + write).TotalSeconds,8:0.0} s " +
                              $"({bytes / 1e6:N0} MB: {string.Join(", ", written.Files.Select(f => $"{f.Kind} {f.Rows:N0}"))})");

            clock.Restart();
            var start = new ProcessStartInfo("bash") { ArgumentList = { RepoPaths.In("tests/tools/neo4j-test-server.sh"), "import", csv } };
            start.Environment["GRAPHINTEL_NEO4J_STATE"] = state;
            start.Environment["GRAPHINTEL_NEO4J_HEAP"] = Environment.GetEnvironmentVariable("GRAPHINTEL_NEO4J_HEAP") ?? "2g";
            var run = await ChildProcess.RunAsync(start, TimeSpan.FromHours(1));
            var importAndStart = clock.Elapsed;
            if (run.ExitCode != 0)
            {
                Console.Error.WriteLine(run);
                return 1;
            }
            var import = ImportSeconds().Match(run.Stderr) is { Success: true } m ? double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : double.NaN;
            Console.WriteLine($"neo4j import tool (3.1.1, heap {start.Environment["GRAPHINTEL_NEO4J_HEAP"]}): {import,8:0.0} s; with the server start: {importAndStart.TotalSeconds:0.0} s");

            try
            {
                clock.Restart();
                await using var neo4j = new Neo4jGraphStore(new Neo4jOptions
                {
                    Url = new Uri(run.Stdout.Trim().Split('\n')[^1]),
                    OperationTimeout = TimeSpan.FromHours(1),
                    AttemptTimeout = TimeSpan.FromHours(1),
                });
                await neo4j.InitializeAsync();
                var schema = clock.Elapsed;
                var statistics = await neo4j.GetStatisticsAsync();
                var expected = await store.GetStatisticsAsync();
                var same = GraphIntel.Graph.Store.RecordJson.Serialize(statistics) == GraphIntel.Graph.Store.RecordJson.Serialize(expected);
                Console.WriteLine($"first start of the Neo4j store (constraints and indexes on the imported data): {schema.TotalSeconds,8:0.0} s; " +
                                  $"statistics equal to the embedded store's: {same}");
                var total = read + write + TimeSpan.FromSeconds(import) + schema;
                Console.WriteLine($"export + import + schema: {total.TotalSeconds:0.0} s = {total / embeddedLoad:0.00} × the embedded load");
                return same ? 0 : 1;
            }
            finally
            {
                var stop = new ProcessStartInfo("bash") { ArgumentList = { RepoPaths.In("tests/tools/neo4j-test-server.sh"), "stop" } };
                stop.Environment["GRAPHINTEL_NEO4J_STATE"] = state;
                await ChildProcess.RunAsync(stop, TimeSpan.FromMinutes(2));
            }
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    [GeneratedRegex(@"imported .* in ([0-9.]+) s")]
    private static partial Regex ImportSeconds();

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}
