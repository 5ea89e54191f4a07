using System.Diagnostics;
using GraphIntel.Benchmarks.Graph;
using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Exchange;
using GraphIntel.Graph.Store;

namespace GraphIntel.Benchmarks.Export;

/// <summary>
/// Every export format on the synthetic graph the explorer benchmark uses (20k entities, 150k relationships by
/// default), loaded into a real embedded store: the store's snapshot read once, then each formatter writing it to a
/// byte-counting sink, best and median of N runs, MB/s, and the ratio to the JSON export measured in the same run
/// (the reference). Also the snapshot read and an asOf-filtered GraphML export.
///   dotnet run -c Release --project tests/GraphIntel.Benchmarks -- export [--entities 20000] [--relationships 150000] [--repetitions 5]
/// </summary>
public static class ExportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new SyntheticGraphOptions
        {
            Entities = Option(args, "--entities", 20_000),
            Relationships = Option(args, "--relationships", 150_000),
            Seed = Option(args, "--seed", new SyntheticGraphOptions().Seed),
        };
        var repetitions = Option(args, "--repetitions", 5);
        var dataDir = Path.Combine(Path.GetTempPath(), "graphintel-export-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        try
        {
            var clock = Stopwatch.StartNew();
            var graph = SyntheticGraph.Generate(options);
            await using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions
            {
                DatabasePath = Path.Combine(dataDir, EmbeddedStoreOptions.DatabaseFileName),
                OperationTimeout = TimeSpan.FromMinutes(30),
                AttemptTimeout = TimeSpan.FromMinutes(30),
            });
            await store.InitializeAsync();
            await store.ApplyAsync(graph.ChangeSet, new WriteContext("benchmark", "export benchmark graph", DateTimeOffset.UtcNow));
            Console.WriteLine($"synthetic graph: {options.Entities:N0} entities, {graph.ChangeSet.Relationships.Count:N0} relationships (seed {options.Seed}), " +
                              $"generated and loaded in {clock.Elapsed.TotalSeconds:0.0} s");

            clock.Restart();
            var snapshot = await store.ExportAsync();
            Console.WriteLine($"store snapshot (IGraphStore.ExportAsync): {clock.Elapsed.TotalMilliseconds:N0} ms");
            Console.WriteLine($"{repetitions} runs each, writing to a byte-counting sink; reference: the JSON export in this run");
            Console.WriteLine();
            Console.WriteLine($"{"format",-22} {"bytes",14} {"best ms",9} {"median ms",10} {"MB/s",8} {"× JSON time",12}");

            var reference = await MeasureAsync(ExportFormatters.Find("json")!, snapshot, repetitions);
            Report("json (reference)", reference, reference);
            foreach (var formatter in ExportFormatters.All.Where(f => f.Name != "json"))
                Report(formatter.Name, await MeasureAsync(formatter, snapshot, repetitions), reference);
            var filtered = ExportFilter.TryParse("2019", null, null, null, out var filter, out _) ? filter.Apply(snapshot) : snapshot;
            Report($"graphml asOf=2019 ({filtered.Relationships.Count:N0} rel.)",
                await MeasureAsync(ExportFormatters.Find("graphml")!, filtered, repetitions), reference);
            return 0;
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    private sealed record Measurement(long Bytes, double BestMs, double MedianMs);

    private static async Task<Measurement> MeasureAsync(IExportFormatter formatter, GraphSnapshot snapshot, int repetitions)
    {
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < repetitions + 1; i++)
        {
            var sink = new CountingSink();
            var clock = Stopwatch.StartNew();
            await formatter.WriteAsync(snapshot, sink);
            clock.Stop();
            bytes = sink.Count;
            if (i > 0) times.Add(clock.Elapsed.TotalMilliseconds); // the first run warms up
        }
        times.Sort();
        return new Measurement(bytes, times[0], times[times.Count / 2]);
    }

    private static void Report(string name, Measurement m, Measurement reference) =>
        Console.WriteLine($"{name,-22} {m.Bytes,14:N0} {m.BestMs,9:N0} {m.MedianMs,10:N0} {m.Bytes / 1e6 / (m.MedianMs / 1000),8:N1} {m.MedianMs / reference.MedianMs,12:0.00}");

    /// <summary>Counts what is written and keeps none of it.</summary>
    private sealed class CountingSink : Stream
    {
        public long Count { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => Count += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return ValueTask.CompletedTask;
        }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}
