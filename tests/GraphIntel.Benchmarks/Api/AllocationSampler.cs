using System.Diagnostics.Tracing;

namespace GraphIntel.Benchmarks.Api;

/// <summary>
/// A sampling allocation profile without dotnet-trace: listens to the runtime's <c>GCAllocationTick</c> events (one
/// about every 100 KB allocated, naming the type of the object that crossed the mark) and counts them per type, so
/// each type's share of the samples estimates its share of the bytes allocated.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public long Samples { get; private set; }

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    /// <summary>The types sampled most, with their estimated share of the bytes.</summary>
    public IReadOnlyList<(string Type, double Share)> Top(int count)
    {
        lock (_bytesByType)
        {
            var total = (double)_bytesByType.Values.Sum();
            return _bytesByType.OrderByDescending(kv => kv.Value).Take(count).Select(kv => (kv.Key, kv.Value / total)).ToList();
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || !e.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null) return;
        var typeName = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload![t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload![a]) : 100_000;
        lock (_bytesByType)
        {
            _bytesByType[typeName] = _bytesByType.GetValueOrDefault(typeName) + amount;
            Samples++;
        }
    }
}
