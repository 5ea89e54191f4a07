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
    private const double LookupTargetMs = 5;
    private const double TraversalTargetMs = 50;

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
            await using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path, OperationTimeout = TimeSpan.FromMinutes(30) });
            await store.InitializeAsync();

            clock.Restart();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var summary = await store.ApplyAsync(graph.ChangeSet, new WriteContext("benchmark", "synthetic load", DateTimeOffset.UtcNow));
            var load = clock.Elapsed;
            var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            Console.WriteLine($"loaded {summary[RecordKinds.Entity].Created:N0} entities and {summary[RecordKinds.Relationship].Created:N0} relationships " +
                              $"in {load.TotalSeconds:0.0} s, {loadCpu.TotalSeconds:0.0} s of CPU ({new FileInfo(path).Length / 1048576.0:0} MB) — " +
                              $"target <= {LoadTarget.TotalSeconds:0} s: {Verdict(load <= LoadTarget)}");
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
            var exactNames = Draw(samples + warmUp, () => PickName(entities, random));
            var misspelled = Draw(samples + warmUp, () => SyntheticGraph.Misspell(PickName(entities, random), random));
            var lineageStarts = Draw(samples + warmUp, () => organizations[random.Next(organizations.Count)]);
            var pathEnds = Draw(samples + warmUp, () => (organizations[random.Next(organizations.Count)], organizations[random.Next(organizations.Count)]));
            var neighbourhoodSamples = Math.Max(1, samples / 5);
            var neighbourhoodStarts = Draw(neighbourhoodSamples + warmUp, () => entities[random.Next(entities.Count)].Id);

            long exactHits = 0, fuzzyHits = 0, lineageNodes = 0, pathsFound = 0, neighbourhoodNodes = 0;
            var exact = await LatencySample.MeasureAsync(warmUp, samples, async i =>
            {
                var name = exactNames[i + warmUp];
                if ((await store.FindByNameAsync(name, limit: 10)).FirstOrDefault() is { Exact: true } && i >= 0) exactHits++;
            });
            var fuzzy = await LatencySample.MeasureAsync(warmUp, samples, async i =>
            {
                if ((await store.FindByNameAsync(misspelled[i + warmUp], limit: 10)).Count > 0 && i >= 0) fuzzyHits++;
            });
            var lineage = await LatencySample.MeasureAsync(warmUp, samples, async i =>
            {
                var subgraph = await store.GetLineageAsync(lineageStarts[i + warmUp], LineageDirection.Both, RelationshipFilter.Default, 5);
                if (i >= 0) lineageNodes += subgraph.Nodes.Count;
            });
            var paths = await LatencySample.MeasureAsync(warmUp, samples, async i =>
            {
                var (from, to) = pathEnds[i + warmUp];
                var found = await store.FindPathsAsync(from, to, RelationshipFilter.Default, maxHops: 6, first: 5);
                if (i >= 0) pathsFound += found.Count;
            });
            var neighbourhood = await LatencySample.MeasureAsync(warmUp, neighbourhoodSamples, async i =>
            {
                var subgraph = await store.GetNeighborhoodAsync(neighbourhoodStarts[i + warmUp], 2, RelationshipFilter.Default);
                if (i >= 0) neighbourhoodNodes += subgraph.Nodes.Count;
            });

            Console.WriteLine();
            Console.WriteLine($"{"operation",-36} {"samples",8} {"p50 ms",9} {"p99 ms",9} {"CPU ms/op",10} {"target p99",11} {"p99/ref",9}  verdict");
            Row("reference: SELECT by primary key", reference, null, reference);
            Row("lookup, exact name", exact, LookupTargetMs, reference);
            Row("lookup, one letter misspelled", fuzzy, LookupTargetMs, reference);
            Row("lineage, both ways, depth 5", lineage, TraversalTargetMs, reference);
            Row("5 shortest paths, maxHops 6", paths, TraversalTargetMs, reference);
            Row("neighbourhood, depth 2", neighbourhood, null, reference);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"exact lookups ranking an exact match first: {exactHits}/{samples}; misspelled lookups with a hit: {fuzzyHits}/{samples}; " +
                $"mean lineage size {(double)lineageNodes / samples:0.0} nodes; mean paths found {(double)pathsFound / samples:0.00}; " +
                $"mean neighbourhood size {(double)neighbourhoodNodes / neighbourhoodSamples:0} nodes"));
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
        var drawn = Draw(samples + warmUp, () => ids[random.Next(ids.Count)]);
        return await LatencySample.MeasureAsync(warmUp, samples, i =>
        {
            id.Value = drawn[i + warmUp];
            _ = command.ExecuteScalar();
            return Task.CompletedTask;
        });
    }

    private static string PickName(IReadOnlyList<GraphIntel.Graph.Model.Entity> entities, Random random)
    {
        var entity = entities[random.Next(entities.Count)];
        var names = entity.Names.ToList();
        return names[random.Next(names.Count)];
    }

    /// <summary>Inputs drawn up front, so the measured loop does nothing but the call; index -k-1 is warm-up k.</summary>
    private static T[] Draw<T>(int count, Func<T> draw)
    {
        var drawn = new T[count];
        for (var i = 0; i < count; i++) drawn[i] = draw();
        return drawn;
    }

    private static void Row(string name, LatencySample sample, double? target, LatencySample reference)
    {
        var p50 = sample.Percentile(50);
        var p99 = sample.Percentile(99);
        var verdict = target is { } t ? Verdict(p99 <= t) : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} {sample.Count,8} {p50,9:0.000} {p99,9:0.000} {sample.CpuMillisecondsPerOperation,10:0.000} {(target is null ? "-" : $"<= {target:0}"),11} {p99 / reference.Percentile(99),8:0}x  {verdict}"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Verdict(bool met) => met ? "met" : "MISSED";

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
