using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GraphIntel.Benchmarks.Api;

/// <summary>
/// Listens to every GraphIntel activity source (all spans sampled and recorded) and instrument (every measurement
/// taken), as an OpenTelemetry SDK exporting everything would; the callbacks do the least an exporter must (keep a count).
/// </summary>
internal sealed class TelemetryListeners : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private long _spans, _measurements;

    private TelemetryListeners()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("GraphIntel.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => Interlocked.Increment(ref _spans),
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name.StartsWith("GraphIntel.", StringComparison.Ordinal)) listener.EnableMeasurementEvents(instrument);
            },
        };
        _meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _meters.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _meters.SetMeasurementEventCallback<int>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _meters.Start();
    }

    public static TelemetryListeners Attach() => new();

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
        Console.WriteLine($"(telemetry listeners saw {_spans:N0} spans and {_measurements:N0} measurements)");
    }
}
