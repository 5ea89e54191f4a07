// GraphIntel benchmarks. Each prints its numbers and ratios against a reference measured in the same run.
//   dotnet run -c Release --project tests/GraphIntel.Benchmarks -- <benchmark> [options]
using GraphIntel.Benchmarks.Api;
using GraphIntel.Benchmarks.Engine;
using GraphIntel.Benchmarks.Explorer;
using GraphIntel.Benchmarks.Export;
using GraphIntel.Benchmarks.Fuzz;
using GraphIntel.Benchmarks.Graph;
using GraphIntel.Benchmarks.Http;
using GraphIntel.Benchmarks.Neo4j;
using GraphIntel.Benchmarks.ReplicaCache;
using GraphIntel.Benchmarks.Soak;

var benchmarks = new Dictionary<string, (string About, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["graph"] = ("embedded store at scale: load 100k entities / 1M relationships; lookup, lineage, paths, neighborhood p50/p99", GraphBenchmark.RunAsync),
    ["engine"] = ("GraphQL engine vs graphql-js: parse+validate+execute ops/s, with and without the document cache", EngineBenchmark.RunAsync),
    ["neo4j"] = ("Neo4j store at scale: the graph benchmark's synthetic graph and operations on a Neo4j server", Neo4jBenchmark.RunAsync),
    ["replica-cache"] = ("the caches on Neo4j: a read request over HTTP with caches on (check each 1 s / every request) vs off; the generation check vs RETURN 1: --url URL --wipe", ReplicaCacheBenchmark.RunAsync),
    ["api"] = ("the API's uncached GraphQL path in process: dashboard and analyst queries µs/op p50/p99, ops/s, B/op; JSON writing", ApiBenchmark.RunAsync),
    ["http"] = ("HTTP load (wrk) on a dashboard query vs a minimal endpoint returning the same JSON", HttpBenchmark.RunAsync),
    ["soak"] = ("the API process for minutes under readers, writers and hostile reads: req/s, refusals, peak memory; then the file's integrity", SoakBenchmark.RunAsync),
    ["explorer"] = ("the explorer in headless Chromium: entity view, 2,000-node neighbourhood, time slider p50/p95 vs targets and vs GraphQL alone", ExplorerBenchmark.RunAsync),
    ["neo4j-admin"] = ("initial load by Neo4j's offline importer: synthetic graph -> CSV export -> import tool (3.1.1) -> schema, seconds vs the embedded load", Neo4jAdminBenchmark.RunAsync),
    ["export"] = ("every export format (graphml, ftm, csv, cypher, …) on the 20k-entity synthetic graph: ms, MB/s vs the JSON export", ExportBenchmark.RunAsync),
    ["fuzz"] = ("fuzz the parser, the HTTP request reader and the endpoint: [--cases N] [--target parser|reader|http|all]; cases/s, failures", FuzzBenchmark.RunAsync),
    ["minimal-server"] = ("(internal) the reference endpoint of the http benchmark: <port> <json-file>", HttpBenchmark.RunMinimalServerAsync),
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: GraphIntel.Benchmarks <benchmark> [options]");
    foreach (var (name, (about, _)) in benchmarks) Console.Error.WriteLine($"  {name,-15} {about}");
    return args.Length == 0 ? 0 : 2;
}
return await benchmark.Run(args[1..]);
