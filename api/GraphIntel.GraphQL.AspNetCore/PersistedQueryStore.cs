namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// Automatic persisted queries (the protocol Apollo clients speak): documents a client registered by sending them
/// with <c>extensions.persistedQuery = { version: 1, sha256Hash }</c>, so later requests may send the hash alone.
/// Bounded by count and by bytes; the least recently used documents go first. Only documents whose SHA-256 the
/// endpoint has verified and that parsed and validated are added, each no larger than the request-size limit.
/// </summary>
public sealed class PersistedQueryStore
{
    /// <summary>The default most documents kept.</summary>
    public const int DefaultMaxEntries = 10_000;

    /// <summary>The default most bytes kept (document text as UTF-16 plus a fixed overhead per entry): 16 MiB.</summary>
    public const long DefaultMaxBytes = 16L * 1024 * 1024;

    /// <summary>Bytes an entry costs beyond its text (the hash key, the list node, the dictionary slot).</summary>
    public const int EntryOverheadBytes = 256;

    private readonly Dictionary<string, LinkedListNode<(string Hash, string Query)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Hash, string Query)> _recency = new();
    private readonly Lock _lock = new();
    private long _bytes;

    /// <param name="maxEntries">The most documents kept; at least 1.</param>
    /// <param name="maxBytes">The most bytes kept; at least 1.</param>
    public PersistedQueryStore(int maxEntries = DefaultMaxEntries, long maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        MaxEntries = maxEntries;
        MaxBytes = maxBytes;
    }

    public int MaxEntries { get; }

    public long MaxBytes { get; }

    /// <summary>Documents kept now.</summary>
    public int Count { get { lock (_lock) return _entries.Count; } }

    /// <summary>Bytes kept now (see <see cref="SizeOf"/>).</summary>
    public long Bytes { get { lock (_lock) return _bytes; } }

    /// <summary>What one document costs the store.</summary>
    public static long SizeOf(string query) => (long)query.Length * sizeof(char) + EntryOverheadBytes;

    /// <summary>The document registered under <paramref name="sha256Hash"/> (64 lowercase hex digits), marking it recently used.</summary>
    public bool TryGet(string sha256Hash, out string query)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(sha256Hash, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                query = node.Value.Query;
                return true;
            }
        }
        query = "";
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="query"/> under its (already verified) hash, evicting the least recently used documents
    /// until it fits. A document larger than <see cref="MaxBytes"/> alone is not kept.
    /// </summary>
    public void Add(string sha256Hash, string query)
    {
        var size = SizeOf(query);
        if (size > MaxBytes) return;
        lock (_lock)
        {
            if (_entries.TryGetValue(sha256Hash, out var existing))
            {
                _recency.Remove(existing);
                _recency.AddFirst(existing);
                return;
            }
            while (_entries.Count > 0 && (_entries.Count >= MaxEntries || _bytes + size > MaxBytes))
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Hash);
                _bytes -= SizeOf(oldest.Value.Query);
            }
            _entries.Add(sha256Hash, _recency.AddFirst((sha256Hash, query)));
            _bytes += size;
        }
    }
}
