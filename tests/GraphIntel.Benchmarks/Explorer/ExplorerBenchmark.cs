using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GraphIntel.Benchmarks.Graph;
using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using Microsoft.Playwright;

namespace GraphIntel.Benchmarks.Explorer;

/// <summary>
/// The explorer's speed targets of issue #9, measured in headless Chromium (Playwright, Debian's chromium) against the
/// real API process: (1) an entity view is usable within 1 s of navigation — from the start of a navigation to
/// <c>/explore?entity=…</c> in a new browser context until the entity panel names the entity and the canvas is ready;
/// (2) a 2,000-node neighbourhood of the synthetic benchmark graph lays out and renders within 3 s — the same, on the
/// synthetic graph's entity whose depth-1 neighbourhood is nearest 2,000 nodes; (3) moving the time slider re-renders
/// the seed graph within 300 ms — from the slider's input event until the canvas is ready again. Each is printed as
/// p50/p95 over the repetitions, against its target, and against the GraphQL requests the page made for it, replayed
/// alone from the same page in the same run: the ratio is the UI's own share. The API's whole-response cache is off
/// (GraphIntel:Cache:MaxResponseBytes = 0), so every repetition asks the store as a new query would.
///
///   dotnet run -c Release --project tests/GraphIntel.Benchmarks -- explorer [--repetitions 15] [--entities 20000]
///       [--relationships 150000] [--nodes 2000] [--seed N] [--part all|seed|synthetic]
/// </summary>
public static class ExplorerBenchmark
{
    private static readonly TimeSpan EntityViewTarget = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LargeGraphTarget = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SliderTarget = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    /// <summary>Seed entities to open (rotated over the repetitions): the brief's examples.</summary>
    private static readonly string[] SeedEntities = ["org/isis-k", "org/ttt", "org/uto", "org/kib"];

    /// <summary>The seed entity whose graph the slider moves over: leaders and umbrellas that change over the years.</summary>
    private const string SliderEntity = "org/isis-k";

    /// <summary>
    /// The API's cost limit for the synthetic run when the default refuses the hub's neighbourhood: the explorer's query
    /// bounds no list, so the cost estimate multiplies by the longest lists in a graph built to hold a 2,000-node hub.
    /// </summary>
    private const long LargeGraphMaxQueryCost = 100_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var repetitions = Option(args, "--repetitions", 15);
        var part = Array.IndexOf(args, "--part") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : "all";
        var targetNodes = Option(args, "--nodes", 2000);
        var graphOptions = new SyntheticGraphOptions
        {
            Entities = Option(args, "--entities", 20_000),
            Relationships = Option(args, "--relationships", 150_000),
            Seed = Option(args, "--seed", new SyntheticGraphOptions().Seed),
        };
        if (!File.Exists(ExplorerPage.ChromiumPath))
        {
            Console.Error.WriteLine($"explorer: no Chromium at {ExplorerPage.ChromiumPath} (apt-get install -y chromium)");
            return 2;
        }
        Console.WriteLine($"explorer: {repetitions} repetitions (after 2 warm-ups) each; {Environment.ProcessorCount} cores, load average {LoadAverage()}; " +
                          $"headless {ExplorerPage.ChromiumPath}; the API as a child process, its response cache off");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExplorerPage.ChromiumPath, Headless = true });
        var verdicts = new List<bool>();

        if (part is "all" or "seed") verdicts.AddRange(await SeedAsync(browser, repetitions));
        if (part is "all" or "synthetic") verdicts.Add(await LargeGraphAsync(browser, repetitions, graphOptions, targetNodes));

        var met = verdicts.All(v => v);
        Console.WriteLine(met ? "explorer: all targets met (p95)" : "explorer: some targets missed (p95)");
        return met ? 0 : 1;
    }

    /// <summary>(1) and (3) on the seed data: the entity view, then the slider; whether each met its target.</summary>
    private static async Task<bool[]> SeedAsync(IBrowser browser, int repetitions)
    {
        var dataDir = NewDirectory("seed");
        try
        {
            await using var api = await ApiProcess.StartAsync(dataDir, seed: true, maxQueryCost: null);
            var names = await NamesAsync(api, SeedEntities);
            var entityView = await MeasureNavigationAsync(browser, api.BaseAddress, repetitions, i => SeedEntities[i % SeedEntities.Length], names);
            var slider = await MeasureSliderAsync(browser, api.BaseAddress, repetitions, names[SliderEntity]);
            return
            [
                entityView.Report($"entity view, seed ({string.Join(", ", SeedEntities)}): navigation → h2 + #cy ready", EntityViewTarget),
                slider.Report($"time slider, seed ({SliderEntity}): input event → #cy ready again", SliderTarget),
            ];
        }
        finally
        {
            TryDelete(dataDir);
        }
    }

    /// <summary>(2) on the synthetic graph: its entity whose neighbourhood is nearest <paramref name="targetNodes"/> nodes; whether it met the target.</summary>
    private static async Task<bool> LargeGraphAsync(IBrowser browser, int repetitions, SyntheticGraphOptions options, int targetNodes)
    {
        var dataDir = NewDirectory("synthetic");
        try
        {
            var clock = Stopwatch.StartNew();
            var graph = SyntheticGraph.Generate(options);
            var (hub, hubName, nodes) = NearestHub(graph.ChangeSet, targetNodes);
            await LoadAsync(graph.ChangeSet, dataDir);
            Console.WriteLine($"synthetic graph: {options.Entities:N0} entities, {graph.ChangeSet.Relationships.Count:N0} relationships (seed {options.Seed}), " +
                              $"generated and loaded in {clock.Elapsed.TotalSeconds:0.0} s; hub {hub} ({hubName}): depth-1 neighbourhood of {nodes:N0} nodes (asked for {targetNodes:N0})");

            // The explorer's own requests decide whether the default limits let this view through.
            var api = await ApiProcess.StartAsync(dataDir, seed: false, maxQueryCost: null);
            try
            {
                if (await ViewErrorAsync(browser, api.BaseAddress, hub, hubName) is { } refusal)
                {
                    await api.DisposeAsync();
                    Console.WriteLine($"note: with the API's default limits {refusal}; this run sets GraphIntel:Limits:MaxQueryCost = {LargeGraphMaxQueryCost:N0}");
                    api = await ApiProcess.StartAsync(dataDir, seed: false, maxQueryCost: LargeGraphMaxQueryCost);
                }
                var large = await MeasureNavigationAsync(browser, api.BaseAddress, repetitions, _ => hub, new Dictionary<string, string> { [hub] = hubName });
                return large.Report($"{nodes:N0}-node neighbourhood, synthetic ({hub}): navigation → h2 + #cy ready (fetch + layout + render)", LargeGraphTarget);
            }
            finally
            {
                await api.DisposeAsync();
            }
        }
        finally
        {
            TryDelete(dataDir);
        }
    }

    // ---- the measurements ---------------------------------------------------------------------------------------

    private static async Task<Measurement> MeasureNavigationAsync(IBrowser browser, Uri baseAddress, int repetitions,
        Func<int, string> entityOf, IReadOnlyDictionary<string, string> names)
    {
        var measurement = new Measurement();
        for (var i = -2; i < repetitions; i++)
        {
            var id = entityOf(Math.Max(i, 0));
            await using var page = await ExplorerPage.OpenAsync(browser, baseAddress);
            var (ms, nodes, edges) = await page.NavigateAsync(id, names[id], WaitLimit);
            var reference = await page.ReplayAsync(page.RequestsSince(0));
            if (i < 0) continue; // warm-up: the API's JIT and the store's caches
            var breakdown = new Dictionary<string, double>(await page.MilestonesAsync());
            foreach (var (measure, duration) in await page.MeasuresAsync()) breakdown[$"page measure '{measure}' (duration)"] = duration;
            measurement.Add(ms, reference, page.RequestCount, breakdown);
            measurement.Drawn(nodes, edges);
        }
        return measurement;
    }

    private static async Task<Measurement> MeasureSliderAsync(IBrowser browser, Uri baseAddress, int repetitions, string name)
    {
        await using var page = await ExplorerPage.OpenAsync(browser, baseAddress);
        await page.NavigateAsync(SliderEntity, name, WaitLimit);
        var (first, last) = await page.SliderRangeAsync();
        if (last <= first) throw new InvalidOperationException($"the Year slider spans {first}..{last}: nothing to move over");
        var measurement = new Measurement { Note = $"years {first}..{last}" };
        // Year after year through the range, as a drag would go, so each move changes the year.
        var span = last - first + 1;
        for (var i = -2; i < repetitions; i++)
        {
            var year = first + (i + 2) % span;
            var before = page.RequestCount;
            var ms = await page.MoveSliderAsync(year);
            var requests = page.RequestsSince(before);
            var reference = requests.Count == 0 ? 0 : await page.ReplayAsync(requests);
            if (i < 0) continue;
            var measures = await page.MeasuresAsync();
            measurement.Add(ms, reference, requests.Count, measures.ToDictionary(kv => $"page measure '{kv.Key}' (duration)", kv => kv.Value));
        }
        return measurement;
    }

    /// <summary>The view's error on opening <paramref name="id"/> (the API's message, e.g. a refused query), or null when it shows.</summary>
    private static async Task<string?> ViewErrorAsync(IBrowser browser, Uri baseAddress, string id, string name)
    {
        await using var page = await ExplorerPage.OpenAsync(browser, baseAddress);
        try
        {
            await page.NavigateAsync(id, name, WaitLimit);
            return null;
        }
        catch (ViewErrorException e)
        {
            return e.Message;
        }
    }

    /// <summary>One measured interaction: its times, the same run's GraphQL-alone times, and what the page drew.</summary>
    private sealed class Measurement
    {
        private readonly List<double> _ui = [];
        private readonly List<double> _graphql = [];
        private readonly Dictionary<string, List<double>> _measures = [];
        private int _requests, _nodes = -1, _edges = -1;

        public string? Note { get; init; }

        /// <summary>One repetition: the UI's time, the GraphQL-alone time, and where the time went (milestones, page measures).</summary>
        public void Add(double ui, double graphql, int requests, IReadOnlyDictionary<string, double> measures)
        {
            _ui.Add(ui);
            _graphql.Add(graphql);
            _requests = Math.Max(_requests, requests);
            foreach (var (name, ms) in measures) (_measures.TryGetValue(name, out var list) ? list : _measures[name] = []).Add(ms);
        }

        public void Drawn(int nodes, int edges) => (_nodes, _edges) = (nodes, edges);

        /// <summary>Prints the line and returns whether p95 meets the target.</summary>
        public bool Report(string what, TimeSpan target)
        {
            double p50 = Percentile(_ui, 50), p95 = Percentile(_ui, 95), g50 = Percentile(_graphql, 50), g95 = Percentile(_graphql, 95);
            var met = p95 <= target.TotalMilliseconds;
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"{what}{(Note is null ? "" : $" [{Note}]")}");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  UI:            p50 {p50,8:0.0} ms   p95 {p95,8:0.0} ms   target {target.TotalMilliseconds:0} ms: p50 {p50 / target.TotalMilliseconds:0.00}×, p95 {p95 / target.TotalMilliseconds:0.00}× of it — {(met ? "met" : "MISSED")}");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  GraphQL alone: p50 {g50,8:0.0} ms   p95 {g95,8:0.0} ms   (the page's {_requests} request(s), replayed at once from the page) — UI/GraphQL p50 {Ratio(p50, g50)}, p95 {Ratio(p95, g95)}");
            if (_nodes >= 0) text.AppendLine(CultureInfo.InvariantCulture, $"  drawn: {_nodes:N0} nodes, {_edges:N0} edges");
            foreach (var (name, values) in _measures.OrderBy(kv => Percentile(kv.Value, 50)))
                text.AppendLine(CultureInfo.InvariantCulture, $"    {name}: p50 {Percentile(values, 50):0.0} ms, p95 {Percentile(values, 95):0.0} ms");
            Console.Write(text.ToString());
            return met;
        }

        private static string Ratio(double ui, double graphql) => graphql > 0 ? (ui / graphql).ToString("0.0×", CultureInfo.InvariantCulture) : "n/a";

        private static double Percentile(List<double> values, double p)
        {
            if (values.Count == 0) return double.NaN;
            var sorted = values.Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
    }

    // ---- the synthetic graph --------------------------------------------------------------------------------------

    /// <summary>The entity whose depth-1 neighbourhood (itself and every entity a live fact links it to) is nearest <paramref name="target"/> nodes.</summary>
    private static (string Id, string Name, int Nodes) NearestHub(ChangeSet graph, int target)
    {
        var neighbours = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Link(string a, string b)
        {
            if (!neighbours.TryGetValue(a, out var set)) neighbours[a] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(b);
        }
        foreach (var r in graph.Relationships.Where(r => r.Status != ClaimStatus.Retracted && r.FromId != r.ToId))
        {
            Link(r.FromId, r.ToId);
            Link(r.ToId, r.FromId);
        }
        var (id, set) = neighbours.MinBy(kv => Math.Abs(kv.Value.Count + 1 - target));
        return (id, graph.Entities.First(e => e.Id == id).Name, set.Count + 1);
    }

    /// <summary>Writes the graph into a new embedded store in <paramref name="dataDir"/>, where the API will find it (and not seed).</summary>
    private static async Task LoadAsync(ChangeSet graph, string dataDir)
    {
        await using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions
        {
            DatabasePath = Path.Combine(dataDir, EmbeddedStoreOptions.DatabaseFileName),
            OperationTimeout = TimeSpan.FromMinutes(30),
            AttemptTimeout = TimeSpan.FromMinutes(30),
        });
        await store.InitializeAsync();
        await store.ApplyAsync(graph, new WriteContext("benchmark", "explorer benchmark graph", DateTimeOffset.UtcNow));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static async Task<Dictionary<string, string>> NamesAsync(ApiProcess api, IEnumerable<string> ids)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids) names[id] = await NameAsync(api, id);
        return names;
    }

    private static async Task<string> NameAsync(ApiProcess api, string id)
    {
        var data = await api.QueryAsync("query($id: ID) { entity(id: $id) { name } }", new { id });
        return data.GetProperty("data").GetProperty("entity").GetProperty("name").GetString()
               ?? throw new InvalidOperationException($"no entity {id}");
    }

    private static string NewDirectory(string what)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"graphintel-explorer-{what}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }

    /// <summary>The API as a child process (as <c>dotnet run</c> starts it) on a free loopback port over a data directory.</summary>
    private sealed class ApiProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http;

        private ApiProcess(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
            _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        }

        public Uri BaseAddress { get; }

        public static async Task<ApiProcess> StartAsync(string dataDir, bool seed, long? maxQueryCost)
        {
            var port = FreePort();
            var psi = new ProcessStartInfo("dotnet");
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GraphIntel.Api.dll"));
            psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            psi.Environment["GRAPHINTEL_DATA_DIR"] = dataDir;
            psi.Environment["GRAPHINTEL_SEED"] = seed ? "true" : "false";
            psi.Environment["GRAPHINTEL_SEED_DIR"] = RepoPaths.Root;
            psi.Environment["GraphIntel__Cache__MaxResponseBytes"] = "0";
            if (maxQueryCost is { } cost) psi.Environment["GraphIntel__Limits__MaxQueryCost"] = cost.ToString(CultureInfo.InvariantCulture);
            psi.Environment["Logging__LogLevel__Default"] = "Warning";
            var api = new ApiProcess(ChildProcess.StartServer(psi, "api"), new Uri($"http://127.0.0.1:{port}"));
            try
            {
                await api.WaitReadyAsync();
                return api;
            }
            catch
            {
                await api.DisposeAsync();
                throw;
            }
        }

        public async Task<JsonElement> QueryAsync(string query, object variables)
        {
            using var response = await _http.PostAsync("/graphql",
                new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"));
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        private async Task WaitReadyAsync()
        {
            for (var attempt = 0; attempt < 480; attempt++)
            {
                try
                {
                    using var r = await _http.GetAsync("/health/ready");
                    if (r.StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException) { }
                if (_process.HasExited) throw new InvalidOperationException($"the API exited with {_process.ExitCode} before it was ready");
                await Task.Delay(250);
            }
            throw new TimeoutException("the API did not become ready within 120 s");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await ChildProcess.StopAsync(_process, TimeSpan.FromSeconds(10));
        }
    }
}
