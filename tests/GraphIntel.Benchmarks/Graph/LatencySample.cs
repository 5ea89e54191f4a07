using System.Diagnostics;

namespace GraphIntel.Benchmarks.Graph;

/// <summary>Latencies of one operation, measured one call at a time after a warm-up.</summary>
public sealed class LatencySample
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    /// <summary>Process CPU time per call (all threads): a machine-load-independent companion to the wall-clock percentiles.</summary>
    public double CpuMillisecondsPerOperation { get; private set; }

    /// <summary>A sample of latencies measured elsewhere, in milliseconds.</summary>
    public static LatencySample Of(IEnumerable<double> milliseconds)
    {
        var sample = new LatencySample();
        sample._milliseconds.AddRange(milliseconds);
        return sample;
    }

    public static async Task<LatencySample> MeasureAsync(int warmUp, int samples, Func<int, Task> operation)
    {
        for (var i = 0; i < warmUp; i++) await operation(-1 - i);
        var sample = new LatencySample();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(i);
            sample._milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        sample.CpuMillisecondsPerOperation = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, samples);
        return sample;
    }

    /// <summary>The nearest-rank percentile, in milliseconds.</summary>
    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0) return double.NaN;
        var sorted = _milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
