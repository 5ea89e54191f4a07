using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphIntel.Api.Hosting;
using GraphIntel.Benchmarks.Graph;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Neo4j.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphIntel.Benchmarks.ReplicaCache;

/// <summary>
/// What the replica-aware caches cost and save on Neo4j: one typical read request (an organization with its
/// relationships) over HTTP to the API on Neo4j, one at a time (p50/p99), with the caches on at the default check
/// interval, on with a check before every request (interval 0: the worst case of the check), and off — beside the
/// check itself (<c>GetWriteGenerationAsync</c>, one statement) and the reference round trip <c>RETURN 1</c>, all in
/// the same run on the same server. Loads a small synthetic graph into the database it is given (--wipe deletes
/// everything there first).
/// <code>dotnet run -c Release --project tests/GraphIntel.Benchmarks -- replica-cache --url http://127.0.0.1:7474 --wipe [--samples N]</code>
/// </summary>
public static class ReplicaCacheBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        Uri? url = null;
        var wipe = false;
        var samples = 500;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--wipe") wipe = true;
            else if (args[i] == "--url" && i + 1 < args.Length) url = new Uri(args[++i]);
            else if (args[i] == "--samples" && i + 1 < args.Length) samples = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else { Console.Error.WriteLine($"unknown argument {args[i]}"); return 2; }
        }
        if (url is null || !wipe)
        {
            Console.Error.WriteLine("usage: replica-cache --url URL --wipe [--samples N]   (--wipe: everything in that database is deleted)");
            return 2;
        }

        var neo4j = new Neo4jOptions { Url = url };
        await using var store = new Neo4jGraphStore(neo4j);
        await store.InitializeAsync();
        var slice = new Statement("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n");
        while ((await store.Client.RunAsync(slice, CancellationToken.None)).Rows[0][0].GetInt64() > 0) { }
        var graph = SyntheticGraph.Generate(new SyntheticGraphOptions { Entities = 2_000, Relationships = 10_000 });
        await store.ApplyAsync(graph.ChangeSet, new GraphIntel.Graph.Store.WriteContext("benchmark", "replica cache", DateTimeOffset.UtcNow));
        Console.WriteLine($"Neo4j {store.Client.ServerVersion} at {url}: 2,000 entities, 10,000 relationships; {samples} samples each, one at a time");

        // Alternated call by call, so that both see the same server and machine load.
        Task Ping() => store.Client.RunAsync(new Statement("RETURN 1 AS ok"), CancellationToken.None);
        Task Check() => store.GetWriteGenerationAsync();
        var ping = await LatencySample.MeasureAsync(200, samples, i => i % 2 == 0 ? Ping() : Check());
        var (pings, checks) = (new List<double>(), new List<double>());
        for (var i = 0; i < 2 * samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await (i % 2 == 0 ? Ping() : Check());
            (i % 2 == 0 ? pings : checks).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        ping = LatencySample.Of(pings);
        var check = LatencySample.Of(checks);

        var organization = graph.OrganizationIds[0];
        var query = "{ organization(id: \"" + organization + "\") { id name aliases relationships { id type status from { id name } to { id name } } } }";
        var results = new List<(string Name, LatencySample Sample)>();
        foreach (var (name, settings) in new (string, Dictionary<string, string>)[]
        {
            ("caches on, check every 1 s (default)", new() { ["GraphIntel:Cache:GenerationCheckInterval"] = "00:00:01" }),
            ("caches on, check before every request", new() { ["GraphIntel:Cache:GenerationCheckInterval"] = "00:00:00" }),
            ("caches off", new() { ["GraphIntel:Cache:Enabled"] = "false" }),
        })
        {
            await using var api = await StartApiAsync(url, settings);
            results.Add((name, await LatencySample.MeasureAsync(50, samples, _ => PostAsync(api.Http, query))));
        }

        Console.WriteLine();
        Console.WriteLine($"{"",-50} {"p50 ms",9} {"p99 ms",9}");
        void Row(string name, LatencySample s) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-50} {s.Percentile(50),9:0.000} {s.Percentile(99),9:0.000}"));
        Row("Neo4j RETURN 1 (reference)", ping);
        Row("Neo4j write generation read (the check)", check);
        foreach (var (name, sample) in results) Row("request: " + name, sample);
        Console.WriteLine();
        var off = results[^1].Sample;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check / RETURN 1: p50 {check.Percentile(50) / ping.Percentile(50):0.00}x, p99 {check.Percentile(99) / ping.Percentile(99):0.00}x"));
        foreach (var (name, sample) in results.Take(2))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"caches off / {name}: p50 {off.Percentile(50) / sample.Percentile(50):0.0}x, p99 {off.Percentile(99) / sample.Percentile(99):0.0}x"));
        }
        return 0;
    }

    private static async Task PostAsync(HttpClient http, string query)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/graphql", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"the request failed: {(int)response.StatusCode} {body}");
    }

    private static async Task<RunningApi> StartApiAsync(Uri neo4jUrl, Dictionary<string, string> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["GraphStore:Backend"] = "neo4j";
        builder.Configuration["GraphStore:Neo4j:Url"] = neo4jUrl.ToString();
        builder.Configuration["GraphIntel:Startup:SeedWhenEmpty"] = "false";
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddGraphStore();
        builder.AddGraphIntelApi();
        var app = builder.Build();
        app.MapGraphIntel();
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        var clock = Stopwatch.StartNew();
        while ((await http.GetAsync("/health/ready")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new InvalidOperationException("the API did not become ready");
            await Task.Delay(100);
        }
        return new RunningApi(app, http);
    }

    private sealed record RunningApi(WebApplication App, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
