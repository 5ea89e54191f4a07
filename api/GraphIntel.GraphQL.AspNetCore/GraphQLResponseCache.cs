using System.Collections.Concurrent;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// Whole responses of queries that executed without errors, keyed by the exact request (the bytes of a POST body, the
/// query string of a GET) and tagged with the data's <em>generation</em>: a number the application advances on every
/// write (for example <c>CachingGraphStore.Generation</c>). An entry from an older generation is a miss, so a
/// response is never served after the data it was computed from changed. A hit skips parsing the request, validation
/// and execution, and writes the stored bytes.
/// <para>
/// Only results of query operations with no errors are stored: mutations, subscriptions, requests that fail to read,
/// parse or validate, and results carrying field errors (including timeouts and an unavailable store) always run. A
/// response is stored with the generation observed <em>before</em> it was computed, so a write racing the
/// execution makes it a miss rather than serving pre-write data as current.
/// </para>
/// <para>
/// Correct only when (1) every write to the data advances the generation — one process owns the data, or the
/// application brings the generation up to date with other writers in <see cref="RefreshGenerationAsync"/>, which the
/// handler awaits before every lookup — and (2) a query's result depends on the request alone, not on the caller. Memory is bounded by <see cref="MaxBytes"/>
/// (request key + response body per entry); reaching it clears the cache, as does a new generation.
/// </para>
/// </summary>
public sealed class GraphQLResponseCache
{
    /// <summary>The response header saying whether the cache answered a request: <c>hit</c> or <c>miss</c>.</summary>
    public const string Header = "X-GraphQL-Cache";

    /// <summary>The default bound on cached bytes: 64 MiB.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    private readonly Func<long> _generation;
    private readonly Func<CancellationToken, ValueTask>? _refresh;
    private readonly ConcurrentDictionary<RequestKey, Entry> _entries = new();
    private readonly Lock _clearing = new();
    private long _bytes;
    private long _entriesGeneration = long.MinValue;
    private long _hits;
    private long _misses;
    private long _stored;
    private long _clears;

    /// <param name="generation">The data's current generation; it must change (increase) whenever the data changes.</param>
    /// <param name="maxBytes">The most bytes kept (keys and responses); at least 1.</param>
    /// <param name="refreshGeneration">
    /// Brings the generation up to date before a lookup, when the data has other writers (for example a check of a
    /// shared database's own write counter); null when every write goes through this process.
    /// </param>
    public GraphQLResponseCache(Func<long> generation, long maxBytes = DefaultMaxBytes, Func<CancellationToken, ValueTask>? refreshGeneration = null)
    {
        ArgumentNullException.ThrowIfNull(generation);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _generation = generation;
        _refresh = refreshGeneration;
        MaxBytes = maxBytes;
    }

    /// <summary>The most bytes kept (request keys and response bodies); reaching it clears the cache.</summary>
    public long MaxBytes { get; }

    /// <summary>The largest response stored: an eighth of <see cref="MaxBytes"/>, so one response cannot evict the rest.</summary>
    public long MaxEntryBytes => Math.Max(1, MaxBytes / 8);

    /// <summary>Counters so far.</summary>
    public GraphQLResponseCacheStatistics Statistics => new(
        Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), Interlocked.Read(ref _stored),
        Interlocked.Read(ref _clears), _entries.Count, Interlocked.Read(ref _bytes));

    /// <summary>Brings the generation up to date with writers other than this process (see the constructor); await it before <see cref="TryGet"/>.</summary>
    public ValueTask RefreshGenerationAsync(CancellationToken ct) => _refresh?.Invoke(ct) ?? ValueTask.CompletedTask;

    /// <summary>The data's generation now: take it before computing a response, and store the response with it.</summary>
    public long CurrentGeneration => _generation();

    /// <summary>The stored response to <paramref name="key"/> if it was computed in the current generation.</summary>
    public bool TryGet(RequestKey key, out CachedResponse response)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == _generation())
        {
            Interlocked.Increment(ref _hits);
            response = entry.Response;
            return true;
        }
        Interlocked.Increment(ref _misses);
        response = default;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="response"/> as the answer to <paramref name="key"/>, computed from the data of
    /// <paramref name="generation"/> (read before computing it). Ignored when the data has moved on since, or when the
    /// response is larger than <see cref="MaxEntryBytes"/>.
    /// </summary>
    public void Add(RequestKey key, long generation, CachedResponse response)
    {
        var size = key.Size + response.Body.Length;
        if (size > MaxEntryBytes || generation != _generation()) return;
        if (Volatile.Read(ref _entriesGeneration) != generation || Interlocked.Read(ref _bytes) + size > MaxBytes)
        {
            ClearFor(generation, size);
        }
        var entry = new Entry(generation, response);
        if (_entries.TryAdd(key, entry))
        {
            Interlocked.Add(ref _bytes, size);
            Interlocked.Increment(ref _stored);
        }
        else if (_entries.TryGetValue(key, out var old) && old.Generation != generation && _entries.TryUpdate(key, entry, old))
        {
            // A stale entry left by a write that raced a clear: replaced (sizes of one key's responses are alike).
            Interlocked.Increment(ref _stored);
        }
    }

    private void ClearFor(long generation, long size)
    {
        lock (_clearing)
        {
            // Another thread may have cleared for the same reason meanwhile.
            if (Volatile.Read(ref _entriesGeneration) == generation && Interlocked.Read(ref _bytes) + size <= MaxBytes) return;
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, 0);
            Interlocked.Increment(ref _clears);
            Volatile.Write(ref _entriesGeneration, generation);
        }
    }

    private sealed record Entry(long Generation, CachedResponse Response);
}

/// <summary>A stored response: its status code and its UTF-8 JSON body.</summary>
public readonly record struct CachedResponse(int StatusCode, byte[] Body);

/// <summary>Counters of a <see cref="GraphQLResponseCache"/>: hits, misses, responses stored, clears, entries and bytes now.</summary>
public readonly record struct GraphQLResponseCacheStatistics(long Hits, long Misses, long Stored, long Clears, int Entries, long Bytes);

/// <summary>
/// What identifies a request for the response cache: the HTTP method, the negotiated response media type and the
/// exact bytes of the request (a POST body, or a GET query string in UTF-8). Equal keys are byte-for-byte equal.
/// </summary>
public readonly struct RequestKey : IEquatable<RequestKey>
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly int _hash;

    public RequestKey(string method, string mediaType, ReadOnlyMemory<byte> request)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(mediaType);
        Method = method;
        MediaType = mediaType;
        _bytes = request;
        var hash = new HashCode();
        hash.Add(method);
        hash.Add(mediaType);
        hash.AddBytes(request.Span);
        _hash = hash.ToHashCode();
    }

    public string Method { get; }

    public string MediaType { get; }

    /// <summary>The bytes the key holds on to (request bytes plus a fixed overhead).</summary>
    public long Size => _bytes.Length + 64;

    public bool Equals(RequestKey other) =>
        _hash == other._hash && Method == other.Method && MediaType == other.MediaType &&
        _bytes.Span.SequenceEqual(other._bytes.Span);

    public override bool Equals(object? obj) => obj is RequestKey other && Equals(other);

    public override int GetHashCode() => _hash;
}
