using System.Diagnostics;
using System.Globalization;
using GraphIntel.Benchmarks.Graph;
using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Benchmarks.Neo4j;

/// <summary>
/// The scale benchmark of the Neo4j store: the same <see cref="SyntheticGraph"/> as the embedded benchmark, loaded into
/// a Neo4j server over HTTP, then the same operations measured one call at a time (p50/p99): name lookup (exact and
/// misspelled), lineage to depth 5, 5 shortest paths within 6 hops, the depth-2 neighbourhood — beside a reference
/// round trip (<c>RETURN 1</c>) measured in the same run. The graph is written as several atomic change sets (the
/// sources with the first entities, entities in slices of --entity-slice, then relationships in slices of --slice),
/// since Neo4j holds a transaction's state in its heap; each change set spans many HTTP requests of one open
/// transaction. An entity weighs far more than a relationship: its names, some 20 (:Gram) links per name, a citation
/// and an audit entry. All 100,000 entities in one transaction kept a 6 GB Neo4j 3.1 in garbage collection for over
/// 10 minutes of its commit; 10,000 per transaction commit in seconds.
/// <code>dotnet run -c Release --project tests/GraphIntel.Benchmarks -- neo4j --url http://127.0.0.1:7474 --wipe|--reuse [--entities N] [--relationships N] [--slice N] [--entity-slice N] [--samples N] [--seed N] [--profile] [--no-reference]</code>
/// Start a server of your own for it (GRAPHINTEL_NEO4J_STATE=/tmp/bench GRAPHINTEL_NEO4J_HEAP=2g tests/tools/neo4j-test-server.sh start):
/// --wipe deletes everything in the database it is given; --reuse measures a graph a previous run loaded (same sizes
/// and seed) without loading. --profile sends one statement per request and prints the
/// time spent per statement kind (<see cref="StatementProfiler"/>). Unless --no-reference, the same graph is first
/// loaded into a fresh embedded store (one change set, as the <c>graph</c> benchmark does) and the Neo4j load is printed
/// as a ratio of that load, measured in the same run.
/// </summary>
public static class Neo4jBenchmark
{

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var parsed, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine("usage: neo4j --url URL [--wipe | --reuse] [--entities N] [--relationships N] [--slice N] [--entity-slice N] [--samples N] [--seed N] [--profile] [--no-reference]");
            return 2;
        }
        var (url, wipe, reuse, options, slice, entitySlice, samples, profile, reference) = parsed;
        var neo4j = new Neo4jOptions
        {
            Url = url,
            AttemptTimeout = TimeSpan.FromMinutes(5),
            OperationTimeout = TimeSpan.FromHours(1),
            BreakerMinimumThroughput = 1_000,
        };
        if (profile) neo4j.StatementsPerRequest = 1;
        using var profiler = profile ? new StatementProfiler() : null;
        using var http = new HttpClient((HttpMessageHandler?)profiler ?? new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        await using var store = new Neo4jGraphStore(neo4j, http: http);
        var client = store.Client;
        await store.InitializeAsync();
        var existing = (await client.RunAsync(new Statement("MATCH (e:Entity) RETURN count(e) AS n"), CancellationToken.None)).Rows[0][0].GetInt64();
        if (existing > 0 && !wipe && !reuse)
        {
            Console.Error.WriteLine($"{url} already holds {existing:N0} entities; give --wipe to delete everything in it first, " +
                                    "or --reuse to measure on it (it must hold the graph of the same --entities, --relationships and --seed)");
            return 2;
        }
        if (reuse && wipe)
        {
            Console.Error.WriteLine("--reuse measures the graph already loaded; it cannot be given with --wipe");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        if (wipe) await WipeAsync(client);
        Console.WriteLine($"Neo4j {client.ServerVersion} at {url}{(wipe ? $" (wiped in {clock.Elapsed.TotalSeconds:0.0} s)" : "")}");

        clock.Restart();
        SyntheticGraph? graph = SyntheticGraph.Generate(options);
        var changes = graph.ChangeSet;
        Console.WriteLine($"generated {options.Entities:N0} entities, {changes.Relationships.Count:N0} relationships, " +
                          $"{changes.Sources.Count:N0} sources in {clock.Elapsed.TotalSeconds:0.0} s (seed {options.Seed})");

        if (reuse)
        {
            Console.WriteLine($"reusing the {existing:N0} entities already loaded: no load");
            await MeasureAsync(store, graph.Entities, graph.OrganizationIds, options.Seed, samples, profiler);
            return 0;
        }
        var context = new WriteContext("benchmark", "synthetic load", DateTimeOffset.UtcNow);
        TimeSpan? embeddedLoad = reference ? await LoadEmbeddedAsync(changes, context) : null;
        if (embeddedLoad is { } e) Console.WriteLine($"reference: the same graph loaded into a fresh embedded store in {e.TotalSeconds:0.0} s");
        clock.Restart();
        var sliceNumber = 0;
        foreach (var part in changes.Entities.Chunk(entitySlice))
        {
            var sliceClock = Stopwatch.StartNew();
            await store.ApplyAsync(new ChangeSet { Sources = sliceNumber == 0 ? changes.Sources : [], Entities = part }, context);
            Console.WriteLine($"  {(sliceNumber == 0 ? "sources and " : "")}entities slice {++sliceNumber}: {part.Length:N0} in {sliceClock.Elapsed.TotalSeconds:0.0} s");
        }
        var entitiesLoaded = clock.Elapsed;
        Console.WriteLine($"  sources and entities: {entitiesLoaded.TotalSeconds:0.0} s");
        sliceNumber = 0;
        foreach (var part in changes.Relationships.Chunk(slice))
        {
            var sliceClock = Stopwatch.StartNew();
            await store.ApplyAsync(new ChangeSet { Relationships = part }, context);
            Console.WriteLine($"  relationships slice {++sliceNumber}: {part.Length:N0} in {sliceClock.Elapsed.TotalSeconds:0.0} s");
        }
        if (changes.StrengthEstimates.Count > 0) await store.ApplyAsync(new ChangeSet { StrengthEstimates = changes.StrengthEstimates }, context);
        var load = clock.Elapsed;
        var stats = await store.GetStatisticsAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loaded {stats.EntitiesByKind.Values.Sum():N0} entities and {stats.RelationshipsByType.Values.Sum():N0} relationships in {load.TotalSeconds:0.0} s " +
            $"({stats.RelationshipsByType.Values.Sum() / load.TotalSeconds:N0} relationships/s; the relationship slices alone " +
            $"{changes.Relationships.Count / (load - entitiesLoaded).TotalSeconds:N0}/s)"));
        if (embeddedLoad is { } embedded)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"load ratio, Neo4j / embedded in this run: {load / embedded:0.0}x (target <= 4x: {StoreOperations.Verdict(load <= 4 * embedded)})"));
        if (profiler is not null)
        {
            Console.WriteLine();
            Console.WriteLine("load, time per statement kind (one statement per request):");
            profiler.Print(Console.Out);
            profiler.Reset();
        }

        var entities = graph.Entities;
        var organizations = graph.OrganizationIds;
        graph = null;
        changes = null;
        GC.Collect();
        await MeasureAsync(store, entities, organizations, options.Seed, samples, profiler);
        return 0;
    }

    /// <summary>The reference round trip (<c>RETURN 1</c>) and the store operations, measured on the loaded graph.</summary>
    private static async Task MeasureAsync(
        Neo4jGraphStore store, IReadOnlyList<Entity> entities, IReadOnlyList<string> organizations, int seed, int samples, StatementProfiler? profiler)
    {
        var random = new Random(seed + 1);
        var warmUp = Math.Min(20, samples);
        var ping = new Statement("RETURN 1 AS ok");
        var reference = await LatencySample.MeasureAsync(warmUp, samples, _ => store.Client.RunAsync(ping, CancellationToken.None));
        await StoreOperations.MeasureAndPrintAsync(store, entities, organizations, random, warmUp, samples,
            "reference: RETURN 1 over HTTP", reference);
        if (profiler is not null)
        {
            Console.WriteLine();
            Console.WriteLine("reads, time per statement kind:");
            profiler.Print(Console.Out);
        }
    }

    /// <summary>The load reference: the graph written into a fresh embedded store on a temporary file, as one change set.</summary>
    private static async Task<TimeSpan> LoadEmbeddedAsync(ChangeSet changes, WriteContext context)
    {
        var directory = Path.Combine(Path.GetTempPath(), "graphintel-benchmark", Guid.NewGuid().ToString("N"));
        try
        {
            await using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions
            {
                DatabasePath = Path.Combine(directory, "graph.db"), OperationTimeout = TimeSpan.FromMinutes(30), AttemptTimeout = TimeSpan.FromMinutes(30),
            });
            await store.InitializeAsync();
            var clock = Stopwatch.StartNew();
            await store.ApplyAsync(changes, context);
            return clock.Elapsed;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Deletes everything in slices, so no single transaction has to hold the whole graph.</summary>
    private static async Task WipeAsync(Neo4jHttpClient client)
    {
        var slice = new Statement("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n");
        while ((await client.RunAsync(slice, CancellationToken.None)).Rows[0][0].GetInt64() > 0) { }
    }

    private static bool TryParse(string[] args, out (Uri Url, bool Wipe, bool Reuse, SyntheticGraphOptions Graph, int Slice, int EntitySlice, int Samples, bool Profile, bool Reference) parsed, out string error)
    {
        var options = new SyntheticGraphOptions();
        int slice = 50_000, entitySlice = 10_000, samples = 200;
        bool wipe = false, reuse = false, profile = false, reference = true;
        var urlText = Environment.GetEnvironmentVariable("GRAPHINTEL_NEO4J_URL");
        parsed = default;
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--wipe") { wipe = true; continue; }
            if (args[i] == "--profile") { profile = true; continue; }
            if (args[i] == "--reuse") { reuse = true; continue; }
            if (args[i] == "--no-reference") { reference = false; continue; }
            if (i + 1 >= args.Length) { error = $"'{args[i]}' needs a value after it"; return false; }
            if (args[i] == "--url") { urlText = args[++i]; continue; }
            if (!int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                error = $"'{args[i]}' needs a positive whole number after it";
                return false;
            }
            switch (args[i])
            {
                case "--entities": options = options with { Entities = value }; break;
                case "--relationships": options = options with { Relationships = value }; break;
                case "--seed": options = options with { Seed = value }; break;
                case "--slice": slice = value; break;
                case "--entity-slice": entitySlice = value; break;
                case "--samples": samples = value; break;
                default: error = $"unknown option '{args[i]}'"; return false;
            }
            i++;
        }
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url))
        {
            error = "give the Neo4j HTTP URL with --url (or GRAPHINTEL_NEO4J_URL)";
            return false;
        }
        parsed = (url, wipe, reuse, options, slice, entitySlice, samples, profile, reference);
        return true;
    }
}
