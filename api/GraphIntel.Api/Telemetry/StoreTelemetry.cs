using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphIntel.Graph.Store;

namespace GraphIntel.Api.Telemetry;

/// <summary>
/// The API's own instruments, on the meter and activity source named <see cref="Name"/>: the duration (and so the count)
/// of store calls by method and backend, and the read-through cache's counters (<see cref="CacheStatistics"/>). The meter
/// comes from the host's <see cref="IMeterFactory"/>, so it ends with the host.
/// </summary>
internal sealed class StoreTelemetry
{
    public const string Name = "GraphIntel.Api";
    public const string MethodAttribute = "graphintel.store.method", BackendAttribute = "graphintel.store.backend";
    public const string CacheResultAttribute = GraphIntel.GraphQL.AspNetCore.HttpTelemetry.ResultAttribute;
    public const string CallDurationMetric = "graphintel.store.call.duration";
    public const string CacheLookupsMetric = "graphintel.store.cache.lookups", CacheEvictionsMetric = "graphintel.store.cache.evictions",
        CacheEntriesMetric = "graphintel.store.cache.entries";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Histogram<double> _callDuration;

    public StoreTelemetry(IMeterFactory meters, Func<CacheStatistics?> cacheStatistics)
    {
        var meter = meters.Create(Name);
        _callDuration = meter.CreateHistogram(CallDurationMetric, "s",
            "Calls that reach the graph store (behind the read-through cache), by method and backend; error.type on a failure.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5] });
        meter.CreateObservableCounter<long>(CacheLookupsMetric, () => cacheStatistics() is { } s
                ? [new Measurement<long>(s.Hits, new KeyValuePair<string, object?>(CacheResultAttribute, "hit")),
                   new Measurement<long>(s.Misses, new KeyValuePair<string, object?>(CacheResultAttribute, "miss"))]
                : [],
            "{lookup}", "Lookups of the read-through store cache (entities, facts, sources, citations) by result.");
        meter.CreateObservableCounter<long>(CacheEvictionsMetric, () => cacheStatistics() is { } s ? [new Measurement<long>(s.Evictions)] : [],
            "{entry}", "Entries dropped from the read-through store cache (writes, the size bound).");
        meter.CreateObservableGauge<int>(CacheEntriesMetric, () => cacheStatistics() is { } s ? [new Measurement<int>(s.Entries)] : [],
            "{entry}", "Entries in the read-through store cache.");
    }

    public bool Enabled => _callDuration.Enabled || ActivitySource.HasListeners();

    /// <summary>Starts timing a call and its span (call it in an async method, so the span is current only there); pass the result to <see cref="End"/>.</summary>
    public Call Begin(string method)
    {
        var activity = ActivitySource.StartActivity("store " + method, ActivityKind.Client);
        return new Call(method, Stopwatch.GetTimestamp(), activity);
    }

    /// <summary>Records a finished call.</summary>
    public void End(in Call call, string backend, Exception? failure)
    {
        if (_callDuration.Enabled)
        {
            var tags = new TagList { { MethodAttribute, call.Method }, { BackendAttribute, backend } };
            if (failure is not null) tags.Add("error.type", failure.GetType().Name);
            _callDuration.Record(Stopwatch.GetElapsedTime(call.Start).TotalSeconds, tags);
        }
        if (call.Activity is { } activity)
        {
            activity.SetTag(MethodAttribute, call.Method);
            activity.SetTag(BackendAttribute, backend);
            if (failure is not null) activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            activity.Stop();
        }
    }

    internal readonly record struct Call(string Method, long Start, Activity? Activity);
}
