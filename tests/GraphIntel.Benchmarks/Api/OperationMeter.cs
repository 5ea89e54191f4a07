using System.Diagnostics;

namespace GraphIntel.Benchmarks.Api;

/// <summary>What one round of one operation measured: count, wall time, per-operation percentiles and allocations.</summary>
internal sealed record OperationStats(long Operations, double Seconds, double P50Microseconds, double P99Microseconds, double BytesPerOperation)
{
    public double OperationsPerSecond => Operations / Seconds;
}

/// <summary>
/// Runs an operation back to back on one thread for a time budget, timing each call (into a preallocated buffer, so
/// the meter itself allocates nothing) and counting the bytes allocated by the whole process meanwhile.
/// </summary>
internal sealed class OperationMeter(int capacity = 1 << 21)
{
    private readonly long[] _ticks = new long[capacity];

    public async Task<OperationStats> MeasureAsync(Func<ValueTask> operation, double seconds)
    {
        var budget = Stopwatch.Frequency * seconds;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        var count = 0;
        while (count < _ticks.Length && Stopwatch.GetTimestamp() - start < budget)
        {
            var before = Stopwatch.GetTimestamp();
            await operation();
            _ticks[count++] = Stopwatch.GetTimestamp() - before;
        }
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return Summarize(count, elapsed, allocated);
    }

    public OperationStats Measure(Action operation, double seconds) =>
        MeasureAsync(() => { operation(); return ValueTask.CompletedTask; }, seconds).GetAwaiter().GetResult();

    /// <summary>Warms up for <paramref name="warmupSeconds"/>, then keeps the fastest of <paramref name="rounds"/> rounds (the least disturbed on a shared machine).</summary>
    public async Task<OperationStats> BestOfAsync(Func<ValueTask> operation, double warmupSeconds, double seconds, int rounds)
    {
        if (warmupSeconds > 0) await MeasureAsync(operation, warmupSeconds);
        OperationStats? best = null;
        for (var round = 0; round < rounds; round++)
        {
            var stats = await MeasureAsync(operation, seconds / rounds);
            if (best is null || stats.OperationsPerSecond > best.OperationsPerSecond) best = stats;
        }
        return best!;
    }

    public OperationStats BestOf(Action operation, double warmupSeconds, double seconds, int rounds) =>
        BestOfAsync(() => { operation(); return ValueTask.CompletedTask; }, warmupSeconds, seconds, rounds).GetAwaiter().GetResult();

    private OperationStats Summarize(int count, double elapsedSeconds, long allocatedBytes)
    {
        if (count == 0) throw new InvalidOperationException("the time budget ran out before one operation completed");
        Array.Sort(_ticks, 0, count);
        return new OperationStats(count, elapsedSeconds, Microseconds(Percentile(count, 50)), Microseconds(Percentile(count, 99)),
            allocatedBytes / (double)count);
    }

    /// <summary>The nearest-rank percentile of the first <paramref name="count"/> (sorted) timings.</summary>
    private long Percentile(int count, double p)
    {
        var rank = (int)Math.Ceiling(p / 100 * count);
        return _ticks[Math.Clamp(rank - 1, 0, count - 1)];
    }

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
