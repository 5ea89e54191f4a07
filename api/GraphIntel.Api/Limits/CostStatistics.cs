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
    private WriteGeneration? _readAt;
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    /// <summary>The latest statistics, or null before the store has answered.</summary>
    public StoreCardinalities? Current => Volatile.Read(ref _current);

    /// <summary>Advances each time <see cref="Current"/> changes.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>
    /// Reads the statistics again when the store's write generation (<see cref="IGraphStore.GetWriteGenerationAsync"/>)
    /// has moved since the last read — every data-writing transaction advances it, by this process, another replica,
    /// the seed tool or a migration, and a store made anew has a new id — or when <paramref name="force"/> is set.
    /// Returns the current statistics.
    /// </summary>
    public async Task<StoreCardinalities?> RefreshAsync(bool force = false, CancellationToken ct = default)
    {
        await _refreshing.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var generation = await store.GetWriteGenerationAsync(ct).ConfigureAwait(false);
            if (!force && _current is not null && generation == _readAt) return _current;
            // Read after the generation: a write landing in between is counted now or, at the latest, at the next check.
            var read = await store.GetCardinalitiesAsync(ct).ConfigureAwait(false);
            _readAt = generation;
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
