using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store;

/// <summary>
/// A read-through cache in front of any <see cref="IGraphStore"/>. It keeps the keyed reads (entities by id with merge
/// resolution, each entity's relationships and estimates, relationships, estimates and sources by id, citations by
/// source, the source list) and answers a batch from memory, asking the inner store for the missing keys only, in one
/// call. Relationships and estimates are kept per canonical entity unfiltered (every status) and filtered in memory,
/// so every filter shares one entry. Queries that are not keyed (name search, pages of entities and of sources, traversals, audit,
/// statistics, export) go straight to the inner store.
/// <para>
/// Entries belong to a <see cref="Generation"/> of the cache: entries filled in an older one are misses. A new
/// generation starts after every write through the cache and, when a <see cref="GenerationCheckInterval"/> is given,
/// whenever the store's own <see cref="WriteGeneration"/> is seen to have moved — a write by another process (another
/// API replica, the seed tool). The store's generation is read at most once per interval, by the first read that
/// finds the last check older than that, and that read waits for the answer: so an answer from the cache reflects
/// every write committed before a check that began at most one interval before the answer's read. A write elsewhere
/// is seen here within the interval plus one check (a round trip); a write through the cache at once.
/// </para>
/// <para>
/// Why a racing read can't store stale data as current: a fill is tagged with the cache generation observed
/// <em>before</em> its inner read, and is only stored while that generation is still current. Whenever the observed
/// store generation changes, the cache generation is advanced <em>after</em> the store generation was read (see
/// <see cref="Observe"/>). So every read tagged with the current cache generation started after the read of the store
/// generation now held, and sees at least every write that store generation includes. A write not included in it moves
/// the store's generation past the one held, so the next check differs and starts a new cache generation; a fill that
/// read older data while that happened carries the old tag and is dropped. The same order holds for a write through the
/// cache: the store generation is read again after the write, then the cache generation advances.
/// </para>
/// <para>
/// Without an interval, the cache is correct only when every write to the data goes through it (one process per
/// store). Memory is bounded by <see cref="MaxEntries"/> (the cache is cleared when full).
/// </para>
/// </summary>
public sealed class CachingGraphStore : IGraphStore, ICachedGraphLookups
{
    public const int DefaultMaxEntries = 100_000;

    /// <summary>Relationships and estimates are fetched with every status and filtered on the way out.</summary>
    private static readonly RelationshipFilter EveryRelationship = new() { Statuses = Enum.GetValues<ClaimStatus>() };

    private readonly IGraphStore _inner;
    private readonly ConcurrentDictionary<Key, Entry> _entries = new();
    private readonly TimeProvider _time;
    private readonly long _checkTicks;
    private readonly Lock _checkGate = new();
    private long _generation;
    private int _count;
    private readonly StripedCounter _hits = new();
    private long _misses;
    private long _evictions;
    private long _checks;
    /// <summary>When the next check of the store's generation is due (a <see cref="TimeProvider.GetTimestamp"/>); <see cref="long.MinValue"/>: now.</summary>
    private long _checkDueAt = long.MinValue;
    /// <summary>The check in flight, which every read that finds a check due waits for.</summary>
    private Task? _check;
    /// <summary>The store generation last read (null: none yet, or the last read failed), compared by the next check.</summary>
    private WriteGeneration? _observed;
    /// <summary><see cref="_observed"/> once the cache generation has advanced past it: what <see cref="DataVersion"/> says.</summary>
    private volatile string? _published;

    /// <param name="inner">The store behind the cache.</param>
    /// <param name="maxEntries">The most entries kept.</param>
    /// <param name="generationCheckInterval">
    /// How old a check of the store's <see cref="WriteGeneration"/> may be before a read checks again (zero: every
    /// read checks); null: never check, every write goes through this cache.
    /// </param>
    /// <param name="timeProvider">The clock the interval is measured on.</param>
    public CachingGraphStore(IGraphStore inner, int maxEntries = DefaultMaxEntries, TimeSpan? generationCheckInterval = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        if (generationCheckInterval is { } interval) ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero, nameof(generationCheckInterval));
        _inner = inner;
        MaxEntries = maxEntries;
        GenerationCheckInterval = generationCheckInterval;
        _time = timeProvider ?? TimeProvider.System;
        _checkTicks = generationCheckInterval is { } every ? (long)(every.TotalSeconds * _time.TimestampFrequency) : 0;
    }

    /// <summary>How old a check of the store's write generation may get before a read checks again; null: never.</summary>
    public TimeSpan? GenerationCheckInterval { get; }

    /// <summary>The most entries kept; reaching it clears the cache.</summary>
    public int MaxEntries { get; }

    /// <summary>The store behind the cache.</summary>
    public IGraphStore Inner => _inner;

    /// <summary>Counters so far: keys answered from memory, keys fetched, clears for size, generations, entries, checks of the store's generation.</summary>
    public CacheStatistics Statistics => new(
        _hits.Read(), Interlocked.Read(ref _misses), Interlocked.Read(ref _evictions),
        Interlocked.Read(ref _generation), Volatile.Read(ref _count), Interlocked.Read(ref _checks));

    /// <inheritdoc/>
    public long Generation => Interlocked.Read(ref _generation);

    /// <inheritdoc/>
    public string? DataVersion => _published;

    /// <summary>Drops every entry (for changes made to the inner store behind the cache's back).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Clear();
    }

    // ---- the store's write generation ----------------------------------------------------------------------

    /// <inheritdoc/>
    public ValueTask RefreshAsync(CancellationToken ct = default) =>
        CheckDue ? new ValueTask(StartOrJoinCheck().WaitAsync(ct)) : ValueTask.CompletedTask;

    private bool CheckDue => GenerationCheckInterval is not null && _time.GetTimestamp() >= Volatile.Read(ref _checkDueAt);

    /// <summary>The check in flight, or a new one when none is and one is due: one read of the store at a time.</summary>
    private Task StartOrJoinCheck()
    {
        TaskCompletionSource started;
        lock (_checkGate)
        {
            if (_check is { IsCompleted: false } running) return running;
            if (!CheckDue) return Task.CompletedTask; // one finished meanwhile
            started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _check = started.Task;
        }
        _ = CheckAsync(started); // outside the gate: the inner read may run synchronously
        return started.Task;
    }

    private async Task CheckAsync(TaskCompletionSource done)
    {
        try
        {
            var began = _time.GetTimestamp();
            var seen = await ReadStoreGenerationAsync().ConfigureAwait(false);
            Observe(seen, forceNewGeneration: false, began);
        }
        finally
        {
            done.SetResult();
        }
    }

    /// <summary>
    /// The store's generation, or null when it can't be read now. A failed check must not fail the read that waits for
    /// it (nor be trusted): the cache then starts a new generation and checks again on the next read, so nothing cached
    /// is served until the store answers again; the reads themselves report the store's failure.
    /// </summary>
    private async Task<WriteGeneration?> ReadStoreGenerationAsync()
    {
        Interlocked.Increment(ref _checks);
        try
        {
            // Not the waiting caller's token: the check is shared by every read waiting for it (each waits with its own).
            return await _inner.GetWriteGenerationAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception) // any failure (unavailable, not initialized yet…) means the same: the generation is unknown
        {
            return null;
        }
    }

    /// <summary>
    /// Holds <paramref name="seen"/> (read at <paramref name="began"/>) as the store's generation and starts a new cache
    /// generation when it differs from the one held, is unknown, or <paramref name="forceNewGeneration"/> (a write
    /// through the cache). In that order: the cache generation advances after the store generation it answers to was
    /// read, which is what makes a fill tagged with it at least as new as that store generation (see the class remarks).
    /// </summary>
    private void Observe(WriteGeneration? seen, bool forceNewGeneration, long began)
    {
        lock (_checkGate)
        {
            var changed = seen is null || _observed is null || _observed.Value != seen.Value;
            _observed = seen;
            if (changed || forceNewGeneration) Invalidate();
            _published = seen?.ToString();
            Volatile.Write(ref _checkDueAt, seen is null ? long.MinValue : began + _checkTicks);
        }
    }

    // ---- cached keyed reads --------------------------------------------------------------------------------

    public async Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Present(await Lookup<Entity>(Kind.Entity, ids, _inner.GetEntitiesAsync, ct).ConfigureAwait(false));

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Relationship>>> GetRelationshipsAsync(
        IReadOnlyCollection<string> entityIds, RelationshipFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var canonical = await CanonicalIdsAsync(entityIds, ct).ConfigureAwait(false);
        var all = await Lookup<IReadOnlyList<Relationship>>(Kind.Relationships, canonical.Values,
            (ids, token) => _inner.GetRelationshipsAsync(ids, EveryRelationship, token), ct).ConfigureAwait(false);
        var result = new Dictionary<string, IReadOnlyList<Relationship>>(canonical.Count, StringComparer.Ordinal);
        foreach (var (id, canonicalId) in canonical) result[id] = Filter(all[canonicalId], filter, canonicalId);
        return result;
    }

    public async Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipsByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Present(await Lookup<Relationship>(Kind.RelationshipById, ids, _inner.GetRelationshipsByIdAsync, ct).ConfigureAwait(false));

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StrengthEstimate>>> GetStrengthEstimatesAsync(
        IReadOnlyCollection<string> organizationIds, bool includeRetracted = false, CancellationToken ct = default)
    {
        var canonical = await CanonicalIdsAsync(organizationIds, ct).ConfigureAwait(false);
        var all = await Lookup<IReadOnlyList<StrengthEstimate>>(Kind.Estimates, canonical.Values,
            (ids, token) => _inner.GetStrengthEstimatesAsync(ids, includeRetracted: true, token), ct).ConfigureAwait(false);
        var result = new Dictionary<string, IReadOnlyList<StrengthEstimate>>(canonical.Count, StringComparer.Ordinal);
        foreach (var (id, canonicalId) in canonical) result[id] = Filter(all[canonicalId], includeRetracted);
        return result;
    }

    public async Task<IReadOnlyDictionary<string, StrengthEstimate>> GetStrengthEstimatesByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Present(await Lookup<StrengthEstimate>(Kind.EstimateById, ids, _inner.GetStrengthEstimatesByIdAsync, ct).ConfigureAwait(false));

    public async Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Present(await Lookup<Source>(Kind.Source, ids, _inner.GetSourcesAsync, ct).ConfigureAwait(false));

    public async Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken ct = default)
    {
        var all = await Lookup<IReadOnlyList<Source>>(Kind.SourceList, [string.Empty],
            async (_, token) => new Dictionary<string, IReadOnlyList<Source>>
            {
                [string.Empty] = await _inner.ListSourcesAsync(token).ConfigureAwait(false),
            }, ct).ConfigureAwait(false);
        return all[string.Empty] ?? [];
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SourceCitation>>> GetCitationsBySourceAsync(
        IReadOnlyCollection<string> sourceIds, CancellationToken ct = default)
    {
        var citations = await Lookup<IReadOnlyList<SourceCitation>>(Kind.CitationsBySource, sourceIds, _inner.GetCitationsBySourceAsync, ct)
            .ConfigureAwait(false);
        var result = new Dictionary<string, IReadOnlyList<SourceCitation>>(citations.Count, StringComparer.Ordinal);
        foreach (var (id, list) in citations) result[id] = list ?? [];
        return result;
    }

    // ---- what is in memory now, without a round trip -------------------------------------------------------

    // ICachedGraphLookups: each answers from the current generation only; false when the answer takes an inner read.

    /// <inheritdoc/>
    public bool TryGetCachedEntity(string id, out Entity? entity) => Hit(TryPeek(Kind.Entity, id, out entity));

    /// <inheritdoc/>
    public bool TryGetCachedRelationship(string id, out Relationship? relationship) => Hit(TryPeek(Kind.RelationshipById, id, out relationship));

    /// <inheritdoc/>
    public bool TryGetCachedStrengthEstimate(string id, out StrengthEstimate? estimate) => Hit(TryPeek(Kind.EstimateById, id, out estimate));

    /// <inheritdoc/>
    public bool TryGetCachedSource(string id, out Source? source) => Hit(TryPeek(Kind.Source, id, out source));

    /// <inheritdoc/>
    public bool TryGetCachedCitationsBySource(string sourceId, out IReadOnlyList<SourceCitation> citations)
    {
        var found = TryPeek<IReadOnlyList<SourceCitation>>(Kind.CitationsBySource, sourceId, out var cached);
        citations = cached ?? [];
        return Hit(found);
    }

    /// <inheritdoc/>
    public bool TryGetCachedRelationships(string entityId, RelationshipFilter filter, out IReadOnlyList<Relationship> relationships)
    {
        ArgumentNullException.ThrowIfNull(filter);
        relationships = [];
        if (!TryPeek<Entity>(Kind.Entity, entityId, out var entity)) return false;
        var canonicalId = entity?.Id ?? entityId;
        if (!TryPeek<IReadOnlyList<Relationship>>(Kind.Relationships, canonicalId, out var all)) return false;
        relationships = Filter(all, filter, canonicalId);
        return Hit(true);
    }

    /// <inheritdoc/>
    public bool TryGetCachedStrengthEstimates(string organizationId, bool includeRetracted, out IReadOnlyList<StrengthEstimate> estimates)
    {
        estimates = [];
        if (!TryPeek<Entity>(Kind.Entity, organizationId, out var entity)) return false;
        if (!TryPeek<IReadOnlyList<StrengthEstimate>>(Kind.Estimates, entity?.Id ?? organizationId, out var all)) return false;
        estimates = Filter(all, includeRetracted);
        return Hit(true);
    }

    // ---- pass-through --------------------------------------------------------------------------------------

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        try { await _inner.InitializeAsync(ct).ConfigureAwait(false); }
        finally
        {
            Invalidate();
            Volatile.Write(ref _checkDueAt, long.MinValue); // migrations may have moved the store's generation
        }
    }

    /// <summary>The store's generation, read from the store (not the cache's own <see cref="Generation"/>).</summary>
    public Task<WriteGeneration> GetWriteGenerationAsync(CancellationToken ct = default) => _inner.GetWriteGenerationAsync(ct);

    public Task<StoreHealth> CheckHealthAsync(CancellationToken ct = default) => _inner.CheckHealthAsync(ct);

    public Task<IReadOnlyList<NameMatch>> FindByNameAsync(string text, IReadOnlyCollection<EntityKind>? kinds = null, int limit = 10, CancellationToken ct = default) =>
        _inner.FindByNameAsync(text, kinds, limit, ct);

    public Task<EntityPage> ListEntitiesAsync(EntityQuery query, CancellationToken ct = default) => _inner.ListEntitiesAsync(query, ct);

    public Task<SourcePage> ListSourcesAsync(SourceQuery query, CancellationToken ct = default) => _inner.ListSourcesAsync(query, ct);

    public Task<Subgraph> GetLineageAsync(string id, LineageDirection direction, RelationshipFilter filter, int maxDepth, CancellationToken ct = default) =>
        _inner.GetLineageAsync(id, direction, filter, maxDepth, ct);

    public Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, RelationshipFilter filter, int maxHops, int first, CancellationToken ct = default) =>
        _inner.FindPathsAsync(fromId, toId, filter, maxHops, first, ct);

    public Task<Subgraph> GetNeighborhoodAsync(string id, int depth, RelationshipFilter filter, CancellationToken ct = default) =>
        _inner.GetNeighborhoodAsync(id, depth, filter, ct);

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(AuditQuery query, CancellationToken ct = default) => _inner.GetAuditAsync(query, ct);

    public Task<GraphStatistics> GetStatisticsAsync(CancellationToken ct = default) => _inner.GetStatisticsAsync(ct);
    public Task<StoreCardinalities> GetCardinalitiesAsync(CancellationToken ct = default) => _inner.GetCardinalitiesAsync(ct);

    public Task<GraphSnapshot> ExportAsync(CancellationToken ct = default) => _inner.ExportAsync(ct);

    /// <summary>
    /// Writes through, then starts a new generation (also when the write fails: it may have committed before the failure
    /// was seen). When checking the store's generation, it is read again first, so that this process's own write is not
    /// taken for another's at the next check (which would only cost one more new generation).
    /// </summary>
    public async Task<WriteSummary> ApplyAsync(ChangeSet changes, WriteContext context, CancellationToken ct = default)
    {
        try { return await _inner.ApplyAsync(changes, context, ct).ConfigureAwait(false); }
        finally
        {
            if (GenerationCheckInterval is null)
            {
                Invalidate();
            }
            else
            {
                var began = _time.GetTimestamp();
                Observe(await ReadStoreGenerationAsync().ConfigureAwait(false), forceNewGeneration: true, began);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Clear();
        return _inner.DisposeAsync();
    }

    // ---- the cache -----------------------------------------------------------------------------------------

    /// <summary>
    /// The value of every distinct key (null when the inner store has none): current entries from memory, the rest
    /// from one inner call, stored under the generation seen before that call.
    /// </summary>
    private async Task<Dictionary<string, T?>> Lookup<T>(
        Kind kind, IEnumerable<string> ids,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch,
        CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(ids);
        await RefreshAsync(ct).ConfigureAwait(false);
        // Read before the inner read, and only ever stored under (Put): see the class remarks.
        var generation = Interlocked.Read(ref _generation);
        var values = new Dictionary<string, T?>(StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var id in ids)
        {
            if (!values.TryAdd(id, null)) continue;
            if (_entries.TryGetValue(new Key(kind, id), out var entry) && entry.Generation == generation)
                values[id] = (T?)entry.Value;
            else
                (missing ??= []).Add(id);
        }
        _hits.Add(values.Count - (missing?.Count ?? 0));
        if (missing is null) return values;

        Interlocked.Add(ref _misses, missing.Count);
        var fetched = await fetch(missing, ct).ConfigureAwait(false);
        foreach (var id in missing)
        {
            var value = fetched.GetValueOrDefault(id);
            values[id] = value;
            Put(new Key(kind, id), new Entry(generation, value));
        }
        return values;
    }

    private void Put(Key key, Entry entry)
    {
        if (entry.Generation != Interlocked.Read(ref _generation)) return; // already stale: a write came in meanwhile
        if (_entries.TryAdd(key, entry))
        {
            if (Interlocked.Increment(ref _count) <= MaxEntries) return;
            Interlocked.Increment(ref _evictions);
            Clear();
            if (_entries.TryAdd(key, entry)) Interlocked.Increment(ref _count);
        }
        else
        {
            _entries[key] = entry;
        }
    }

    private void Clear()
    {
        _entries.Clear();
        Volatile.Write(ref _count, 0);
    }

    /// <summary>Each distinct id with the id its entity answers to now (a merged id → its survivor; unknown ids → themselves).</summary>
    private async Task<Dictionary<string, string>> CanonicalIdsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var entities = await Lookup<Entity>(Kind.Entity, ids, _inner.GetEntitiesAsync, ct).ConfigureAwait(false);
        var canonical = new Dictionary<string, string>(entities.Count, StringComparer.Ordinal);
        foreach (var (id, entity) in entities) canonical[id] = entity?.Id ?? id;
        return canonical;
    }

    private static List<Relationship> Filter(IReadOnlyList<Relationship>? all, RelationshipFilter filter, string canonicalId)
    {
        var matching = new List<Relationship>();
        if (all is null) return matching;
        for (var i = 0; i < all.Count; i++)
        {
            var r = all[i];
            if (filter.Matches(r) && filter.MatchesDirection(r, canonicalId)) matching.Add(r);
        }
        return matching;
    }

    private static List<StrengthEstimate> Filter(IReadOnlyList<StrengthEstimate>? all, bool includeRetracted)
    {
        var matching = new List<StrengthEstimate>();
        if (all is null) return matching;
        for (var i = 0; i < all.Count; i++)
            if (includeRetracted || all[i].Status != ClaimStatus.Retracted) matching.Add(all[i]);
        return matching;
    }

    /// <summary>The current generation's value of one key, if held and no check of the store's generation is due (that takes a round trip).</summary>
    private bool TryPeek<T>(Kind kind, string id, out T? value) where T : class
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!CheckDue && _entries.TryGetValue(new Key(kind, id), out var entry) && entry.Generation == Interlocked.Read(ref _generation))
        {
            value = (T?)entry.Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Counts a look-up answered from memory (one key, as the batch reads count).</summary>
    private bool Hit(bool answered)
    {
        if (answered) _hits.Increment();
        return answered;
    }

    private static Dictionary<string, T> Present<T>(Dictionary<string, T?> values) where T : class
    {
        var result = new Dictionary<string, T>(values.Count, StringComparer.Ordinal);
        foreach (var (id, value) in values)
            if (value is not null) result[id] = value;
        return result;
    }

    private enum Kind : byte { Entity, Relationships, RelationshipById, Estimates, EstimateById, Source, SourceList, CitationsBySource }

    private readonly record struct Key(Kind Kind, string Id);

    /// <summary>A cached value (null: the inner store has none) and the generation it was read in.</summary>
    private sealed record Entry(long Generation, object? Value);

    /// <summary>
    /// The hit count: bumped on every cached key by every request thread, so it is kept in one stripe per processor
    /// (each on its own cache line) rather than one contended field; read as the sum.
    /// </summary>
    private sealed class StripedCounter
    {
        private readonly PaddedLong[] _stripes = new PaddedLong[(int)BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount)];

        public void Increment() => Interlocked.Increment(ref Stripe());

        public void Add(long amount) => Interlocked.Add(ref Stripe(), amount);

        public long Read()
        {
            long sum = 0;
            for (var i = 0; i < _stripes.Length; i++) sum += Interlocked.Read(ref _stripes[i].Value);
            return sum;
        }

        private ref long Stripe() => ref _stripes[Thread.GetCurrentProcessorId() & (_stripes.Length - 1)].Value;

        [StructLayout(LayoutKind.Explicit, Size = 128)]
        private struct PaddedLong
        {
            [FieldOffset(64)] public long Value;
        }
    }
}

/// <summary>
/// What a <see cref="CachingGraphStore"/> did so far: keys answered from memory (<see cref="Hits"/>) and fetched from
/// the inner store (<see cref="Misses"/>), clears because the cache was full, the generation (one per write through it
/// and per change of the store's generation seen), the entries held now, and the reads of the store's generation.
/// </summary>
public readonly record struct CacheStatistics(long Hits, long Misses, long Evictions, long Generation, int Entries, long GenerationChecks = 0);
