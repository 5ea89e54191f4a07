using GraphIntel.Graph.Store;

namespace GraphIntel.Api.Limits;

/// <summary>
/// The store's list lengths (<see cref="StoreCardinalities"/>) the query cost is estimated from, read from the store at
/// start and again after each write (<see cref="CostStatisticsRefresher"/>). <see cref="Version"/> advances whenever
/// they change, so documents validated under older numbers are priced again.
/// </summary>
internal sealed class CostStatistics(IGraphStore store)
{
    private StoreCardinalities? _current;
    private long _version;
    private long? _auditHead;
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    /// <summary>The latest statistics, or null before the store has answered.</summary>
    public StoreCardinalities? Current => Volatile.Read(ref _current);

    /// <summary>Advances each time <see cref="Current"/> changes.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>
    /// Reads the statistics again when the audit trail has grown since the last read (every write is audited, by this
    /// process or another one sharing the store), or when <paramref name="force"/> is set. Returns the current statistics.
    /// </summary>
    public async Task<StoreCardinalities?> RefreshAsync(bool force = false, CancellationToken ct = default)
    {
        await _refreshing.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var latest = await store.GetAuditAsync(new AuditQuery { First = 1 }, ct).ConfigureAwait(false);
            long? head = latest.Count == 0 ? 0 : latest[0].Sequence;
            if (!force && _current is not null && head == _auditHead) return _current;
            var read = await store.GetCardinalitiesAsync(ct).ConfigureAwait(false);
            _auditHead = head;
            if (read != _current)
            {
                Volatile.Write(ref _current, read);
                Interlocked.Increment(ref _version);
            }
            return read;
        }
        finally
        {
            _refreshing.Release();
        }
    }
}
