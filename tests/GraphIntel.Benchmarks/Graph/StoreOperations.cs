using System.Globalization;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Benchmarks.Graph;

/// <summary>
/// The store operations both scale benchmarks (embedded and Neo4j) measure on the synthetic graph — name lookup
/// (exact and misspelled), lineage depth 5, 5 shortest paths with maxHops 6, neighbourhood depth 2 — with inputs drawn
/// from one seeded random source, printed beside the targets and an in-run reference.
/// </summary>
public static class StoreOperations
{
    public const double LookupTargetMs = 5;
    public const double TraversalTargetMs = 50;

    public static async Task MeasureAndPrintAsync(
        IGraphStore store, IReadOnlyList<Entity> entities, IReadOnlyList<string> organizations, Random random,
        int warmUp, int samples, string referenceName, LatencySample reference)
    {
        var exactNames = Draw(samples + warmUp, () => PickName(entities, random));
        var misspelled = Draw(samples + warmUp, () => SyntheticGraph.Misspell(PickName(entities, random), random));
        var lineageStarts = Draw(samples + warmUp, () => organizations[random.Next(organizations.Count)]);
        var pathEnds = Draw(samples + warmUp, () => (organizations[random.Next(organizations.Count)], organizations[random.Next(organizations.Count)]));
        var neighbourhoodSamples = Math.Max(1, samples / 5);
        var neighbourhoodStarts = Draw(neighbourhoodSamples + warmUp, () => entities[random.Next(entities.Count)].Id);

        long exactHits = 0, fuzzyHits = 0, lineageNodes = 0, pathsFound = 0, neighbourhoodNodes = 0;
        var exact = await LatencySample.MeasureAsync(warmUp, samples, async i =>
        {
            if ((await store.FindByNameAsync(exactNames[i + warmUp], limit: 10)).FirstOrDefault() is { Exact: true } && i >= 0) exactHits++;
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
        Row(referenceName, reference, null, reference);
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
    }

    public static T[] Draw<T>(int count, Func<T> draw)
    {
        var items = new T[count];
        for (var i = 0; i < count; i++) items[i] = draw();
        return items;
    }

    public static string Verdict(bool met) => met ? "met" : "MISSED";

    private static string PickName(IReadOnlyList<Entity> entities, Random random)
    {
        var names = entities[random.Next(entities.Count)].Names.ToList();
        return names[random.Next(names.Count)];
    }

    private static void Row(string name, LatencySample sample, double? target, LatencySample reference)
    {
        var p50 = sample.Percentile(50);
        var p99 = sample.Percentile(99);
        var verdict = target is { } t ? Verdict(p99 <= t) : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} {sample.Count,8} {p50,9:0.000} {p99,9:0.000} {sample.CpuMillisecondsPerOperation,10:0.000} {(target is null ? "-" : $"<= {target:0}"),11} {p99 / reference.Percentile(99),8:0}x  {verdict}"));
    }
}
