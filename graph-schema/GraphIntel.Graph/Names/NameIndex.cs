using System.Buffers;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Names;

/// <summary>A name of an entity that matched a lookup, and how well.</summary>
public readonly record struct NameHit(string EntityId, string Matched, double Score, bool Exact);

/// <summary>
/// An in-memory index of every entity's names for <c>FindByName</c>: exact (case-insensitive) and key matches by
/// hash lookup, misspellings through a trigram index that proposes candidates for <see cref="NameSimilarity"/> to
/// score. Ranking: exact match of the name as written, then key match, then fuzzy by score; ties by entity name,
/// then id. Safe for concurrent readers and one writer at a time.
/// </summary>
public sealed class NameIndex
{
    /// <summary>Per-search counters; a private pool, because arrays from the shared one come back dirty.</summary>
    private static readonly ArrayPool<byte> CountsPool = ArrayPool<byte>.Create(1 << 24, 16);

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly List<NameEntry> _entries = [];
    private readonly Dictionary<string, IndexedEntity> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byLower = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<int>> _byTrigram = [];
    private int _deadEntries;

    public int EntityCount { get { _lock.EnterReadLock(); try { return _entities.Count; } finally { _lock.ExitReadLock(); } } }

    /// <summary>Adds or replaces the names of an entity (its name first, then its aliases).</summary>
    public void Set(string entityId, EntityKind kind, string name, IEnumerable<string> aliases)
    {
        var names = aliases.Prepend(name).Distinct(StringComparer.Ordinal).ToArray();
        _lock.EnterWriteLock();
        try
        {
            RemoveUnlocked(entityId);
            AddUnlocked(entityId, kind, names);
        }
        finally { _lock.ExitWriteLock(); }
    }

    public void Remove(string entityId)
    {
        _lock.EnterWriteLock();
        try { RemoveUnlocked(entityId); }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>The best-matching entities for <paramref name="text"/>, at most one hit per entity.</summary>
    public IReadOnlyList<NameHit> Search(string text, IReadOnlyCollection<EntityKind>? kinds, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (limit <= 0 || string.IsNullOrWhiteSpace(text)) return [];
        var lower = Lower(text);
        var key = NameNormalizer.Key(text);
        var best = new Dictionary<string, (NameHit Hit, int Slot)>(StringComparer.Ordinal);

        _lock.EnterReadLock();
        try
        {
            if (_byLower.TryGetValue(lower, out var exact))
                foreach (var slot in exact) Offer(best, slot, NameSimilarity.ExactScore, exact: true, kinds);
            if (key.Length > 0 && _byKey.TryGetValue(key, out var sameKey))
                foreach (var slot in sameKey) Offer(best, slot, NameSimilarity.KeyScore, exact: false, kinds);
            if (key.Length > 0) AddFuzzy(best, key, kinds);

            return best.Values.Select(b => b.Hit)
                .OrderByDescending(h => h.Exact)
                .ThenByDescending(h => h.Score)
                .ThenBy(h => _entities[h.EntityId].Name, CodePointOrder.Comparer)
                .ThenBy(h => h.EntityId, CodePointOrder.Comparer)
                .Take(limit)
                .ToList();
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>
    /// Misspellings: a name within <c>maxEdits</c> edits shares at least <c>needed</c> of the query's trigrams
    /// (<see cref="NameSimilarity.MinSharedTrigrams"/>). Candidates are gathered only from the <c>n - needed + 1</c> rarest postings (prefix
    /// filtering: a qualifying name must appear in one of them), their shared trigrams counted over all postings, and
    /// the survivors scored by edit distance (bit-parallel, <see cref="OsaDistance"/>).
    /// </summary>
    private void AddFuzzy(Dictionary<string, (NameHit Hit, int Slot)> best, string key, IReadOnlyCollection<EntityKind>? kinds)
    {
        var maxEdits = NameSimilarity.MaxEdits(key.Length);
        if (maxEdits == 0) return;
        // Postings are kept per trigram and key length, so only names of a length within reach are ever counted.
        var postings = Trigrams(key).Distinct()
            .Select(t => Enumerable.Range(key.Length - maxEdits, 2 * maxEdits + 1)
                .Select(length => _byTrigram.TryGetValue(PostingKey(t, length), out var list) ? list : null)
                .OfType<List<int>>()
                .ToArray())
            .OrderBy(lists => lists.Sum(l => l.Count))
            .ToArray();
        var needed = NameSimilarity.MinSharedTrigrams(postings.Length, maxEdits);
        var prefix = Math.Min(postings.Length, postings.Length - needed + 1);
        var counts = CountsPool.Rent(_entries.Count);
        var touched = new List<int>();
        try
        {
            for (var p = 0; p < postings.Length; p++)
            {
                var gather = p < prefix;
                foreach (var list in postings[p])
                {
                    foreach (var slot in list)
                    {
                        if (counts[slot] == 0)
                        {
                            if (!gather) continue;
                            touched.Add(slot);
                        }
                        if (counts[slot] < byte.MaxValue) counts[slot]++;
                    }
                }
            }
            var distance = new OsaDistance(key);
            foreach (var slot in touched)
            {
                if (counts[slot] < needed) continue;
                var entry = _entries[slot];
                if (entry.EntityId is null || Math.Abs(entry.Key.Length - key.Length) > maxEdits) continue;
                var allowed = NameSimilarity.MaxEdits(Math.Min(key.Length, entry.Key.Length));
                if (distance.Distance(entry.Key, allowed) is { } edits)
                    Offer(best, slot, NameSimilarity.Score(edits, Math.Max(key.Length, entry.Key.Length)), exact: false, kinds);
            }
        }
        finally
        {
            foreach (var slot in touched) counts[slot] = 0;
            CountsPool.Return(counts);
        }
    }

    /// <summary>Keeps the entity's best hit: exact over not, higher score, then its earlier name (its name before aliases).</summary>
    private void Offer(Dictionary<string, (NameHit Hit, int Slot)> best, int slot, double score, bool exact, IReadOnlyCollection<EntityKind>? kinds)
    {
        var entry = _entries[slot];
        if (entry.EntityId is null) return;
        if (kinds is { Count: > 0 } && !kinds.Contains(_entities[entry.EntityId].Kind)) return;
        if (best.TryGetValue(entry.EntityId, out var current))
        {
            var order = (exact, score).CompareTo((current.Hit.Exact, current.Hit.Score));
            if (order < 0 || (order == 0 && slot >= current.Slot)) return;
        }
        best[entry.EntityId] = (new NameHit(entry.EntityId, entry.Name, score, exact), slot);
    }

    private void RemoveUnlocked(string entityId)
    {
        if (!_entities.Remove(entityId, out var indexed)) return;
        foreach (var slot in indexed.Slots) _entries[slot] = default;
        _deadEntries += indexed.Slots.Length;
        if (_deadEntries > 1024 && _deadEntries > _entries.Count / 2) Compact();
    }

    private void AddUnlocked(string entityId, EntityKind kind, string[] names)
    {
        var slots = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var slot = _entries.Count;
            var entry = new NameEntry(entityId, names[i], Lower(names[i]), NameNormalizer.Key(names[i]));
            _entries.Add(entry);
            slots[i] = slot;
            Post(_byLower, entry.Lower, slot);
            Post(_byKey, entry.Key, slot);
            foreach (var trigram in Trigrams(entry.Key).Distinct()) Post(_byTrigram, PostingKey(trigram, entry.Key.Length), slot);
        }
        _entities[entityId] = new IndexedEntity(kind, names, slots);
    }

    /// <summary>Rebuilds the postings without the entries of removed entities.</summary>
    private void Compact()
    {
        var live = _entities.ToArray();
        _entries.Clear();
        _byLower.Clear();
        _byKey.Clear();
        _byTrigram.Clear();
        _entities.Clear();
        _deadEntries = 0;
        foreach (var (id, indexed) in live) AddUnlocked(id, indexed.Kind, indexed.Names);
    }

    private static void Post<TKey>(Dictionary<TKey, List<int>> index, TKey key, int slot) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = new List<int>(2);
        list.Add(slot);
    }

    private static string Lower(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>A trigram (48 bits) and the length of the key it occurs in, as one dictionary key.</summary>
    private static long PostingKey(long trigram, int keyLength) => (trigram << 15) ^ keyLength;

    /// <summary>The trigrams of a key padded with a space at each end, each packed into a long.</summary>
    private static IEnumerable<long> Trigrams(string key)
    {
        var padded = " " + key + " ";
        for (var i = 0; i + 3 <= padded.Length; i++)
            yield return ((long)padded[i] << 32) | ((long)padded[i + 1] << 16) | padded[i + 2];
    }

    private readonly record struct NameEntry(string? EntityId, string Name, string Lower, string Key);

    private sealed record IndexedEntity(EntityKind Kind, string[] Names, int[] Slots)
    {
        public string Name => Names[0];
    }
}
