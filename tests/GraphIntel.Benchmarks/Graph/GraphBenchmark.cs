using System.Diagnostics;
using System.Globalization;
using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Benchmarks.Graph;

/// <summary>
/// The scale benchmark of the embedded store: loads a <see cref="SyntheticGraph"/> (default 100,000 entities and
/// 1,000,000 relationships) into a fresh SQLite file, then measures p50/p99 of name lookup (exact and misspelled),
/// lineage to depth 5, 5 shortest paths within 6 hops and the depth-2 neighbourhood, each beside its target and
/// beside a plain primary-key SELECT measured in the same run, so ratios compare across machines.
/// <code>dotnet run -c Release --project tests/GraphIntel.Benchmarks -- graph [--entities N] [--relationships N] [--samples N] [--seed N] [--keep]</code>
/// </summary>
public static class GraphBenchmark
{
    private static readonly TimeSpan LoadTarget = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var options, out var samples, out var keep, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine("usage: graph [--entities N] [--relationships N] [--samples N] [--seed N] [--keep]");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        SyntheticGraph? graph = SyntheticGraph.Generate(options);
        Console.WriteLine($"generated {options.Entities:N0} entities, {graph.ChangeSet.Relationships.Count:N0} relationships, " +
                          $"{graph.ChangeSet.Sources.Count:N0} sources in {clock.Elapsed.TotalSeconds:0.0} s (seed {options.Seed})");

        var directory = Path.Combine(Path.GetTempPath(), "graphintel-benchmark", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "graph.db");
        try
        {
            await using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path, OperationTimeout = TimeSpan.FromMinutes(30), AttemptTimeout = TimeSpan.FromMinutes(30) });
            await store.InitializeAsync();

            clock.Restart();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var summary = await store.ApplyAsync(graph.ChangeSet, new WriteContext("benchmark", "synthetic load", DateTimeOffset.UtcNow));
            var load = clock.Elapsed;
            var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            Console.WriteLine($"loaded {summary[RecordKinds.Entity].Created:N0} entities and {summary[RecordKinds.Relationship].Created:N0} relationships " +
                              $"in {load.TotalSeconds:0.0} s, {loadCpu.TotalSeconds:0.0} s of CPU ({new FileInfo(path).Length / 1048576.0:0} MB) — " +
                              $"target <= {LoadTarget.TotalSeconds:0} s: {StoreOperations.Verdict(load <= LoadTarget)}");
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} (CPU time stands in for wall time when the machine is shared)");

            var random = new Random(options.Seed + 1);
            var entities = graph.Entities;
            var organizations = graph.OrganizationIds;
            graph = null; // a million relationship records need not stay on the heap while latencies are measured
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

            clock.Restart();
            await store.FindByNameAsync(entities[0].Name);
            var nameIndex = clock.Elapsed;
            clock.Restart();
            await store.GetLineageAsync(organizations[0], LineageDirection.Both, RelationshipFilter.Default, 1);
            var adjacency = clock.Elapsed;
            Console.WriteLine($"first lookup (builds the name index): {nameIndex.TotalMilliseconds:N0} ms; first traversal (builds the adjacency index): {adjacency.TotalMilliseconds:N0} ms; " +
                              $"managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:N0} MB");

            var warmUp = Math.Min(100, samples);
            var reference = await MeasureReferenceAsync(path, entities.Select(e => e.Id).ToList(), warmUp, samples, random);
            await StoreOperations.MeasureAndPrintAsync(store, entities, organizations, random, warmUp, samples,
                "reference: SELECT by primary key", reference);
            if (keep) Console.WriteLine($"database kept at {path}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!keep && Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A prepared SELECT by primary key on its own connection: the floor any store call stands on.</summary>
    private static async Task<LatencySample> MeasureReferenceAsync(string path, IReadOnlyList<string> ids, int warmUp, int samples, Random random)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM entities WHERE id = $id";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var drawn = StoreOperations.Draw(samples + warmUp, () => ids[random.Next(ids.Count)]);
        return await LatencySample.MeasureAsync(warmUp, samples, i =>
        {
            id.Value = drawn[i + warmUp];
            _ = command.ExecuteScalar();
            return Task.CompletedTask;
        });
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static bool TryParse(string[] args, out SyntheticGraphOptions options, out int samples, out bool keep, out string error)
    {
        options = new SyntheticGraphOptions();
        samples = 1000;
        keep = false;
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep") { keep = true; continue; }
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                error = $"'{args[i]}' needs a positive whole number after it";
                return false;
            }
            switch (args[i])
            {
                case "--entities": options = options with { Entities = value }; break;
                case "--relationships": options = options with { Relationships = value }; break;
                case "--seed": options = options with { Seed = value }; break;
                case "--samples": samples = value; break;
                default: error = $"unknown option '{args[i]}'"; return false;
            }
            i++;
        }
        return true;
    }
}
