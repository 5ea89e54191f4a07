using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Benchmarks.Soak;

/// <summary>
/// Soak: the real API process on a new seeded embedded store, for minutes, under concurrent readers (dashboard and
/// analyst queries), writers (an editor key: a new source and a place cited from it, each write acknowledged) and
/// hostile readers (the read shapes of issue #11: 50 aliases of every citation with its source text, the same once,
/// the 120-byte citation round trip, one source's citations each with the source's text (once and four times: they
/// pass the cost check and meet the response limit), deep relationship nesting, a fragment fan-out). It reports requests/s, answers and
/// refusals by kind, errors, the slowest answer against the execution timeout, and the API process's resident memory
/// (sampled every 100 ms, and the kernel's high-water mark) against its idle memory. Then it kills the process
/// (SIGKILL, as a crash would) and checks the file: SQLite's integrity_check, every acknowledged write present with
/// its audit entry, and the audit's sequence numbers contiguous. Targets: peak ≤ 1 GiB over idle; every request
/// answered or refused within the timeout; no errors; the file intact. Binds 127.0.0.1 only.
///
///   dotnet run -c Release --project tests/GraphIntel.Benchmarks -- soak [--seconds 120] [--readers 8] [--hostile 4] [--writers 2]
/// </summary>
public static class SoakBenchmark
{
    private const string EditorKey = "soak-editor-key-0123456789abcdefghijklmnop";
    private static readonly TimeSpan ExecutionTimeout = TimeSpan.FromSeconds(20);
    private const long MemoryBudgetBytes = 1L << 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 120);
        var readers = Option(args, "--readers", 8);
        var hostile = Option(args, "--hostile", 4);
        var writers = Option(args, "--writers", 2);
        var dataDir = Path.Combine(Path.GetTempPath(), "graphintel-soak-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var port = FreePort();
        Console.WriteLine($"soak: {seconds} s, {readers} readers, {hostile} hostile readers, {writers} writers; API process on 127.0.0.1:{port}, store {dataDir}; {Environment.ProcessorCount} cores");

        using var api = StartApi(port, dataDir);
        var failed = false;
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = ExecutionTimeout * 3, // generous: a late answer is measured, not cut off
            };
            await WaitReadyAsync(http);
            foreach (var (_, query) in Reads) await PostAsync(http, query, null); // warm: JIT, caches, statistics
            await Task.Delay(TimeSpan.FromSeconds(3)); // let the statistics refresher and the GC settle
            var idle = ResidentBytes(api.Id);
            Console.WriteLine($"idle: {Mib(idle)} resident");

            var log = new SoakLog();
            using var memory = new MemorySampler(api.Id);
            var clock = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds);
            var acknowledged = new ConcurrentBag<string>();
            var tasks = new List<Task>();
            for (var i = 0; i < readers; i++) tasks.Add(LoopAsync(i, Reads, http, log, clock, deadline));
            for (var i = 0; i < hostile; i++) tasks.Add(LoopAsync(i, HostileReads, http, log, clock, deadline));
            for (var i = 0; i < writers; i++) tasks.Add(WriteLoopAsync(i, http, log, acknowledged, clock, deadline));
            await Task.WhenAll(tasks);
            var elapsed = clock.Elapsed;
            memory.Stop();
            var highWater = HighWaterBytes(api.Id);

            failed |= log.Report(elapsed, ExecutionTimeout);
            var peak = Math.Max(memory.Peak, 0);
            Console.WriteLine($"memory: idle {Mib(idle)}, peak sampled {Mib(peak)} (+{Mib(peak - idle)} over idle), kernel high-water mark {Mib(highWater)}; budget: +{Mib(MemoryBudgetBytes)}");
            if (peak - idle > MemoryBudgetBytes) { Console.WriteLine("FAIL: peak memory over idle exceeds the budget"); failed = true; }

            await StopAsync(api); // SIGKILL: acknowledged writes must survive a crash
            failed |= CheckStore(Path.Combine(dataDir, "graphintel.db"), acknowledged.ToList());
        }
        finally
        {
            await StopAsync(api);
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
        Console.WriteLine(failed ? "soak: FAILED" : "soak: all targets met");
        return failed ? 1 : 0;
    }

    // ---- the load ------------------------------------------------------------------------------------------

    private static readonly (string Name, string Query)[] Reads =
    [
        ("dashboard", """
            { organization(id: "org/isis-k") { id name aliases organizationKind founded
                leaders { person { id name } from to role endReason citations { source { id title } quote } }
                umbrella { type to { id name } status validFrom citations { source { id title } quote } }
                subgroups { type from { id name } status citations { source { id title } quote } }
                citations { source { id title } quote } } }
            """),
        ("umbrella page", """
            { organizations(first: 100) { totalCount edges { node { name
                umbrella(asOf: "2022") { type to { name } status note citations { source { title } quote } } } } } }
            """),
        ("statistics", "{ statistics { sources organizations people places relationships citations relationshipsByType { type count } } }"),
        ("search", """{ search(text: "IS-K") { entity { id name } score matched } }"""),
        ("paths", """{ paths(from: "org/ttt", to: "org/uto", maxHops: 4) { length nodes { name } relationships { type citations { quote } } } }"""),
        ("source text", """{ source(id: "source/tajikistan-isis-borders") { title text citations { quote subjectId } } }"""),
        ("audit", "{ auditLog(first: 20) { sequence at actor action targetId } }"),
    ];

    private static readonly (string Name, string Query)[] HostileReads =
    [
        ("50 × sources.citations.source.text", "{ " + string.Join(" ", Enumerable.Range(0, 50).Select(i => $"a{i}: sources {{ citations {{ source {{ text }} }} }}")) + " }"),
        ("sources.citations.source.text", "{ sources { citations { source { text } } } }"),
        ("source.citations.source.citations.quote", """{ source(id: "source/shay-2024-afghanistan-terror-threat") { citations { source { citations { quote } } } } }"""),
        ("source.citations.source.text", """{ source(id: "source/shay-2024-afghanistan-terror-threat") { citations { source { text } } } }"""),
        ("4 × source.citations.source.text", "{ " + string.Join(" ", Enumerable.Range(0, 4).Select(i =>
            $$"""s{{i}}: source(id: "source/shay-2024-afghanistan-terror-threat") { citations { source { text } } }""")) + " }"),
        ("relationships nested 4 deep", """
            { organizations(first: 200) { edges { node { relationships { from { relationships { to { relationships { from { id name } } } } } } } } } }
            """),
        ("fragment fan-out", """
            { a: sources { ...S } b: sources { ...S } c: sources { ...S } d: sources { ...S } }
            fragment S on Source { citations { quote source { title citations { quote } } } }
            """),
    ];

    private static async Task LoopAsync(int worker, (string Name, string Query)[] queries, HttpClient http, SoakLog log, Stopwatch clock, TimeSpan deadline)
    {
        for (var i = worker; clock.Elapsed < deadline; i++)
        {
            var (name, query) = queries[i % queries.Length];
            var outcome = await PostAsync(http, query, null);
            log.Record(name, outcome);
        }
    }

    private static async Task WriteLoopAsync(int worker, HttpClient http, SoakLog log, ConcurrentBag<string> acknowledged, Stopwatch clock, TimeSpan deadline)
    {
        for (var i = 0; clock.Elapsed < deadline; i++)
        {
            var n = $"{worker}-{i}";
            var sourceId = $"source/soak-{n}";
            var placeId = $"place/soakville-{n}";
            var passage = $"the market town of Soakville {n} lies on the river crossing";
            var source = await PostAsync(http, """
                mutation ($input: SourceInput!) { upsertSource(input: $input, reason: "soak") { id } }
                """, new { input = new { id = sourceId, title = $"Soak report {n}", text = $"Report {n}: {passage}, as the survey of that year found." } });
            log.Record("write: upsertSource", source);
            if (source.Kind == "ok") acknowledged.Add(sourceId); else continue;
            var place = await PostAsync(http, """
                mutation ($input: EntityInput!) { upsertPlace(input: $input, reason: "soak") { id } }
                """, new { input = new { id = placeId, name = $"Soakville {n}", citations = new[] { new { sourceId, quote = passage } } } });
            log.Record("write: upsertPlace", place);
            if (place.Kind == "ok") acknowledged.Add(placeId);
        }
    }

    /// <summary>One request: its outcome (ok, a refusal code, or an error) and how long the answer took.</summary>
    private static async Task<Outcome> PostAsync(HttpClient http, string query, object? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (variables is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EditorKey);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            if ((int)response.StatusCode >= 500) return new Outcome($"error: HTTP {(int)response.StatusCode}", elapsed, body.Length);
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("errors", out var errors)) return new Outcome("ok", elapsed, body.Length);
            var code = errors[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var c) ? c.GetString() : null;
            return new Outcome(code is null ? $"error: {errors[0].GetProperty("message").GetString()}" : code, elapsed, body.Length);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or IOException)
        {
            return new Outcome($"error: {e.GetType().Name}: {e.Message}", Stopwatch.GetElapsedTime(started), 0);
        }
    }

    private sealed record Outcome(string Kind, TimeSpan Elapsed, long Bytes);

    /// <summary>Outcomes by request kind, and the slowest answer.</summary>
    private sealed class SoakLog
    {
        private static readonly HashSet<string> Refusals = ["QUERY_TOO_COMPLEX", "QUERY_TOO_DEEP", "RESPONSE_TOO_LARGE", "EXECUTION_TIMEOUT"];
        private readonly ConcurrentDictionary<(string Name, string Kind), Tally> _tallies = new();

        public void Record(string name, Outcome outcome) =>
            _tallies.GetOrAdd((name, outcome.Kind), _ => new Tally()).Add(outcome);

        /// <summary>Prints the report; true when a target was missed.</summary>
        public bool Report(TimeSpan elapsed, TimeSpan timeout)
        {
            var all = _tallies.ToList();
            long total = all.Sum(t => t.Value.Count);
            Console.WriteLine($"{total:N0} requests in {elapsed.TotalSeconds:F0} s: {total / elapsed.TotalSeconds:N0} requests/s");
            Console.WriteLine($"{"request",-42} {"outcome",-22} {"count",8} {"per s",7} {"p50 ms",8} {"max ms",8} {"max bytes",11}");
            foreach (var ((name, kind), tally) in all.OrderBy(t => t.Key.Name, StringComparer.Ordinal).ThenBy(t => t.Key.Kind, StringComparer.Ordinal))
            {
                Console.WriteLine($"{name,-42} {Truncate(kind, 22),-22} {tally.Count,8:N0} {tally.Count / elapsed.TotalSeconds,7:N1} {tally.Median.TotalMilliseconds,8:N0} {tally.Slowest.TotalMilliseconds,8:N0} {tally.LargestBytes,11:N0}");
            }
            var byKind = all.GroupBy(t => t.Key.Kind).ToDictionary(g => g.Key, g => g.Sum(t => t.Value.Count));
            Console.WriteLine("answered: " + (byKind.GetValueOrDefault("ok")).ToString("N0", CultureInfo.InvariantCulture) + "; refused: " +
                string.Join(", ", byKind.Where(k => Refusals.Contains(k.Key)).Select(k => $"{k.Key} {k.Value:N0}")));
            var errors = all.Where(t => t.Key.Kind != "ok" && !Refusals.Contains(t.Key.Kind)).ToList();
            var failed = false;
            foreach (var ((name, kind), tally) in errors)
            {
                Console.WriteLine($"FAIL: {tally.Count} errors on {name}: {kind}");
                failed = true;
            }
            var slowest = all.Max(t => t.Value.Slowest);
            Console.WriteLine($"slowest answer {slowest.TotalMilliseconds:N0} ms (execution timeout {timeout.TotalMilliseconds:N0} ms)");
            if (slowest > timeout + TimeSpan.FromSeconds(2)) { Console.WriteLine("FAIL: an answer came later than the timeout"); failed = true; }
            return failed;
        }

        private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

        private sealed class Tally
        {
            private readonly List<double> _milliseconds = [];
            public int Count { get { lock (_milliseconds) return _milliseconds.Count; } }
            public TimeSpan Slowest { get; private set; }
            public long LargestBytes { get; private set; }

            public TimeSpan Median
            {
                get
                {
                    lock (_milliseconds)
                    {
                        var sorted = _milliseconds.Order().ToList();
                        return TimeSpan.FromMilliseconds(sorted[sorted.Count / 2]);
                    }
                }
            }

            public void Add(Outcome outcome)
            {
                lock (_milliseconds)
                {
                    _milliseconds.Add(outcome.Elapsed.TotalMilliseconds);
                    if (outcome.Elapsed > Slowest) Slowest = outcome.Elapsed;
                    if (outcome.Bytes > LargestBytes) LargestBytes = outcome.Bytes;
                }
            }
        }
    }

    // ---- after: the file -----------------------------------------------------------------------------------

    /// <summary>integrity_check, every acknowledged write and its audit entry present, the audit contiguous; true when one fails.</summary>
    private static bool CheckStore(string file, IReadOnlyList<string> acknowledged)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var failed = false;
        var integrity = Strings(connection, "PRAGMA integrity_check");
        Console.WriteLine($"integrity_check: {string.Join("; ", integrity)}");
        failed |= integrity is not ["ok"];

        var stored = Strings(connection, "SELECT id FROM sources UNION ALL SELECT id FROM entities").ToHashSet(StringComparer.Ordinal);
        var audited = Strings(connection, "SELECT DISTINCT target_id FROM audit").ToHashSet(StringComparer.Ordinal);
        var missing = acknowledged.Where(id => !stored.Contains(id)).ToList();
        var unaudited = acknowledged.Where(id => !audited.Contains(id)).ToList();
        Console.WriteLine($"acknowledged writes: {acknowledged.Count:N0}; missing from the store: {missing.Count}; without an audit entry: {unaudited.Count}");
        failed |= missing.Count > 0 || unaudited.Count > 0;

        var sequence = Strings(connection, "SELECT seq FROM audit ORDER BY seq").Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var gaps = sequence.Zip(sequence.Skip(1)).Count(p => p.Second != p.First + 1);
        var contiguous = sequence.Count == 0 || (sequence[0] == 1 && gaps == 0);
        Console.WriteLine($"audit: {sequence.Count:N0} entries, sequence {(sequence.Count == 0 ? "-" : $"{sequence[0]}..{sequence[^1]}")}, {(contiguous ? "contiguous" : $"NOT contiguous ({gaps} gaps)")}");
        failed |= !contiguous;
        return failed;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var rows = command.ExecuteReader();
        var values = new List<string>();
        while (rows.Read()) values.Add(Convert.ToString(rows.GetValue(0), CultureInfo.InvariantCulture)!);
        return values;
    }

    // ---- the process -----------------------------------------------------------------------------------------

    private static Process StartApi(int port, string dataDir)
    {
        var psi = new ProcessStartInfo("dotnet");
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GraphIntel.Api.dll"));
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["GRAPHINTEL_DATA_DIR"] = dataDir;
        psi.Environment["GRAPHINTEL_SEED_DIR"] = RepoPaths.Root;
        psi.Environment["GRAPHINTEL_API_KEYS"] = $"soak:{EditorKey}:editor";
        psi.Environment["GraphIntel__Limits__ExecutionTimeout"] = ExecutionTimeout.ToString("c", CultureInfo.InvariantCulture);
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        return ChildProcess.StartServer(psi, "api");
    }

    /// <summary>Kills the API (SIGKILL, with its tree) and waits at most 10 s for it to exit.</summary>
    private static Task StopAsync(Process process) => ChildProcess.StopAsync(process, TimeSpan.FromSeconds(10));

    private static async Task WaitReadyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                using var r = await http.GetAsync("/health/ready");
                if (r.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("the API did not become ready within 60 s");
    }

    /// <summary>Samples a process's resident memory (VmRSS) every 100 ms and keeps the peak.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _peak;

        public MemorySampler(int pid) => _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var rss = ResidentBytes(pid);
                if (rss > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, rss);
                try { await Task.Delay(100, _stop.Token); } catch (OperationCanceledException) { }
            }
        });

        public long Peak => Interlocked.Read(ref _peak);

        public void Stop()
        {
            _stop.Cancel();
            _sampling.Wait();
        }

        public void Dispose()
        {
            if (!_stop.IsCancellationRequested) Stop();
            _stop.Dispose();
        }
    }

    private static long ResidentBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    private static long HighWaterBytes(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    private static long StatusKilobytes(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // the process is gone
        }
    }

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024):N0} MiB";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
