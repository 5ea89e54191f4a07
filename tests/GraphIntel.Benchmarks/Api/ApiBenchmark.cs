using System.Buffers;
using System.Globalization;
using System.Text.Json;
using GraphIntel.GraphQL;
using GraphIntel.GraphQL.Execution;

namespace GraphIntel.Benchmarks.Api;

/// <summary>
/// The API's uncached GraphQL path in process: the real schema over the seeded embedded store (composed as the API
/// composes it), documents already parsed and validated (the document cache), store cache warm — so what is measured
/// is execution (resolvers, loaders, the caching store, result building) for the dashboard query and three analyst
/// questions, one operation at a time; then the JSON writing of the dashboard response beside two references measured
/// in the same run. Prints µs/op (p50, p99), ops/s and bytes allocated per op.
/// <code>
/// dotnet run -c Release --project tests/GraphIntel.Benchmarks -- api [--seconds 3] [--warmup 1] [--rounds 3] [--case NAME] [--allocations] [--threads N] [--telemetry]
/// </code>
/// </summary>
public static class ApiBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = ApiBenchmarkOptions.Parse(args, ApiCases.All.Select(c => c.Name).ToList());
        if (options is null)
        {
            Console.Error.WriteLine($"usage: api [--seconds 3] [--warmup 1] [--rounds 3] [--case {string.Join('|', ApiCases.All.Select(c => c.Name))}] [--allocations] [--threads N] [--telemetry]");
            return 2;
        }

        await using var api = await SeededApi.StartAsync();
        Console.WriteLine($"api benchmark: the API's GraphQLService in process over the seeded embedded store (read-through cache warm, documents cached); " +
                          $"{options.Seconds} s per measurement in {options.Rounds} rounds (best counts) after {options.Warmup} s warm-up; " +
                          $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

        var meter = new OperationMeter();
        var rows = new List<ApiReport.Row>();
        ExecutionResult? dashboard = null;
        foreach (var apiCase in ApiCases.All.Where(c => options.Case is null || c.Name == options.Case))
        {
            var first = await ExecuteAsync(api.Service, apiCase);
            var json = first.ToJson();
            if (first.Errors is { Count: > 0 } || first.Data is null)
                throw new InvalidOperationException($"the \"{apiCase.Name}\" query fails on the seeded API: {json}");
            if (apiCase.Name == "dashboard") dashboard = first;
            var stats = await meter.BestOfAsync(() => new ValueTask(ExecuteAsync(api.Service, apiCase)), options.Warmup, options.Seconds, options.Rounds);
            rows.Add(new ApiReport.Row(apiCase.Name, apiCase.About, System.Text.Encoding.UTF8.GetByteCount(json), stats));
            if (options.Allocations) await ProfileAllocationsAsync(meter, api.Service, apiCase, options);
        }
        ApiReport.PrintExecution(rows);
        if (options.Telemetry)
        {
            // The same cases with the engine's and the store's spans sampled and every GraphIntel instrument listened to
            // (what an OpenTelemetry SDK exporting everything attaches), beside the runs above with nothing listening.
            var withTelemetry = new List<ApiReport.Row>();
            using (TelemetryListeners.Attach())
            {
                foreach (var apiCase in ApiCases.All.Where(c => options.Case is null || c.Name == options.Case))
                {
                    var stats = await meter.BestOfAsync(() => new ValueTask(ExecuteAsync(api.Service, apiCase)), options.Warmup, options.Seconds, options.Rounds);
                    withTelemetry.Add(new ApiReport.Row(apiCase.Name + " +telemetry", apiCase.About, 0, stats));
                }
            }
            Console.WriteLine();
            Console.WriteLine("with telemetry listening (spans sampled, metrics recorded) vs nothing listening:");
            ApiReport.PrintExecution(withTelemetry);
            foreach (var (off, on) in rows.Zip(withTelemetry))
                Console.WriteLine($"  {off.Case,-14} on/off: p50 {on.Stats.P50Microseconds / off.Stats.P50Microseconds:F3}, ops/s {on.Stats.OperationsPerSecond / off.Stats.OperationsPerSecond:F3}, B/op {on.Stats.BytesPerOperation - off.Stats.BytesPerOperation:+0;-0;0}");
        }
        if (options.Threads > 1)
        {
            Console.WriteLine();
            Console.WriteLine($"throughput on {options.Threads} threads at once (each runs the case back to back for {options.Seconds} s):");
            foreach (var apiCase in ApiCases.All.Where(c => options.Case is null || c.Name == options.Case))
            {
                var perSecond = ConcurrentThroughput(api.Service, apiCase, options.Threads, options.Seconds);
                Console.WriteLine($"  {apiCase.Name,-14} {perSecond,10:N0} ops/s");
            }
        }

        if (dashboard is not null)
        {
            ApiReport.PrintJsonWriting(MeasureJsonWriting(meter, dashboard, options));
        }
        return 0;
    }

    /// <summary>Operations per second of <paramref name="threads"/> threads running the case at once: shows contention.</summary>
    private static double ConcurrentThroughput(GraphQLService service, ApiCase apiCase, int threads, double seconds)
    {
        var deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(seconds * System.Diagnostics.Stopwatch.Frequency);
        var counts = new long[threads];
        var workers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
        {
            long operations = 0;
            while (System.Diagnostics.Stopwatch.GetTimestamp() < deadline)
            {
                ExecuteAsync(service, apiCase).GetAwaiter().GetResult();
                operations++;
            }
            counts[i] = operations;
        })).ToList();
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return counts.Sum() / System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Runs the case again with an <see cref="AllocationSampler"/> listening and prints the types allocated most.</summary>
    private static async Task ProfileAllocationsAsync(OperationMeter meter, GraphQLService service, ApiCase apiCase, ApiBenchmarkOptions options)
    {
        using var sampler = new AllocationSampler();
        sampler.Start();
        await meter.MeasureAsync(() => new ValueTask(ExecuteAsync(service, apiCase)), options.Seconds);
        sampler.Stop();
        Console.WriteLine($"allocations of \"{apiCase.Name}\" by type ({sampler.Samples:N0} GCAllocationTick samples):");
        foreach (var (type, share) in sampler.Top(20)) Console.WriteLine($"  {share,6:P1}  {type}");
    }

    /// <summary>One request as the HTTP handler makes it: prepare (document cache), then execute with a fresh user context.</summary>
    private static Task<ExecutionResult> ExecuteAsync(GraphQLService service, ApiCase apiCase)
    {
        var request = new GraphQLRequest
        {
            Query = apiCase.Query,
            OperationName = apiCase.OperationName,
            Variables = apiCase.Variables,
            UserContext = SeededApi.AnonymousUserContext(),
        };
        return ExecuteMeasuredAsync(service, request);
    }

    private static async Task<ExecutionResult> ExecuteMeasuredAsync(GraphQLService service, GraphQLRequest request)
    {
        using var telemetry = service.StartOperation();
        var prepared = service.Prepare(request);
        telemetry.Prepared(prepared, request);
        var result = await service.ExecuteAsync(prepared, request);
        telemetry.Completed(result);
        return result;
    }

    /// <summary>
    /// The dashboard response written by <see cref="ExecutionResult.WriteTo"/> (what the HTTP layer does), beside
    /// System.Text.Json writing the same document from its own DOM and a plain copy of the precomputed bytes (what the
    /// minimal endpoint of the http benchmark does). Every writer reuses one buffer, as a response pipe would.
    /// </summary>
    private static IReadOnlyList<ApiReport.JsonRow> MeasureJsonWriting(OperationMeter meter, ExecutionResult result, ApiBenchmarkOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(buffer, ExecutionResult.JsonWriterOptions);
        result.WriteTo(writer);
        writer.Flush();
        var precomputed = buffer.WrittenSpan.ToArray();
        using var document = JsonDocument.Parse(precomputed);

        void Ours()
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            result.WriteTo(writer);
            writer.Flush();
        }
        void Dom()
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            document.WriteTo(writer);
            writer.Flush();
        }
        void Copy()
        {
            buffer.ResetWrittenCount();
            buffer.Write(precomputed);
        }

        Ours();
        if (!buffer.WrittenSpan.SequenceEqual(precomputed)) throw new InvalidOperationException("writing the dashboard result twice gave different bytes");
        return
        [
            new("ExecutionResult.WriteTo (the API)", meter.BestOf(Ours, options.Warmup, options.Seconds, options.Rounds)),
            new("JsonDocument.WriteTo (same JSON, STJ DOM)", meter.BestOf(Dom, options.Warmup, options.Seconds, options.Rounds)),
            new("copy of the precomputed bytes", meter.BestOf(Copy, options.Warmup, options.Seconds, options.Rounds)),
        ];
    }
}

internal sealed record ApiBenchmarkOptions(double Seconds, double Warmup, int Rounds, string? Case, bool Allocations, int Threads, bool Telemetry = false)
{
    public static ApiBenchmarkOptions? Parse(string[] args, IReadOnlyList<string> caseNames)
    {
        var options = new ApiBenchmarkOptions(3, 1, 3, null, false, 1);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--seconds" when double.TryParse(value, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    options = options with { Seconds = seconds };
                    break;
                case "--warmup" when double.TryParse(value, CultureInfo.InvariantCulture, out var warmup) && warmup >= 0:
                    options = options with { Warmup = warmup };
                    break;
                case "--rounds" when int.TryParse(value, CultureInfo.InvariantCulture, out var rounds) && rounds > 0:
                    options = options with { Rounds = rounds };
                    break;
                case "--threads" when int.TryParse(value, CultureInfo.InvariantCulture, out var threads) && threads > 0:
                    options = options with { Threads = threads };
                    break;
                case "--case" when value is not null && caseNames.Contains(value):
                    options = options with { Case = value };
                    break;
                case "--allocations":
                    options = options with { Allocations = true };
                    continue;
                case "--telemetry":
                    options = options with { Telemetry = true };
                    continue;
                default:
                    Console.Error.WriteLine($"api: unknown or incomplete option \"{args[i]}\"");
                    return null;
            }
            i++;
        }
        return options;
    }
}
