using GraphIntel.Graph.Store;
using GraphIntel.Graph.Stores;
using GraphIntel.GraphQL.AspNetCore;

namespace GraphIntel.Api.Hosting;

/// <summary>
/// The read-through cache in front of the store (<see cref="CachingGraphStore"/>) and the whole-response cache, on by
/// default for both backends. Writes through this process start a new cache generation at once; writes by any other
/// process (another API replica on one Neo4j, the seed tool) move the store's write generation, which the cache reads
/// at most every <see cref="GenerationCheckInterval"/> and on a change drops what it holds. So a write elsewhere is seen
/// here within that interval plus one round trip to the store.
/// </summary>
internal sealed class StoreCacheOptions
{
    public const string SectionName = "GraphIntel:Cache";
    public const string EnabledVariable = "GRAPHINTEL_CACHE";

    /// <summary>The default <see cref="GenerationCheckInterval"/>: one second.</summary>
    public static readonly TimeSpan DefaultGenerationCheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest <see cref="GenerationCheckInterval"/> accepted: an hour.</summary>
    public static readonly TimeSpan MaxGenerationCheckInterval = TimeSpan.FromHours(1);

    /// <summary>Null: on (for every backend).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The most cached entries (an entity, one entity's relationships, a source…); reaching it clears the cache.</summary>
    public int MaxEntries { get; set; } = CachingGraphStore.DefaultMaxEntries;

    /// <summary>
    /// The most bytes of whole query responses kept (<see cref="GraphQLResponseCache"/>),
    /// which answers a repeated request while the store's data is unchanged; 0 turns that cache off. It runs only when the
    /// store cache does, and shares its generation.
    /// </summary>
    public long MaxResponseBytes { get; set; } = GraphQLResponseCache.DefaultMaxBytes;

    /// <summary>
    /// How old the last read of the store's write generation may be before a request reads it again (the bound on how
    /// long a write by another process can go unseen here, plus one round trip); zero: before every request that uses
    /// a cache.
    /// </summary>
    public TimeSpan GenerationCheckInterval { get; set; } = DefaultGenerationCheckInterval;

    public void ApplyEnvironment(Func<string, string?> getVariable)
    {
        if (getVariable(EnabledVariable) is { Length: > 0 } value && bool.TryParse(value, out var on)) Enabled = on;
    }

    /// <summary>Whether to put the cache in front of the store <paramref name="store"/> selects.</summary>
    public bool IsEnabledFor(GraphStoreOptions store) => Enabled ?? true;

    /// <summary>The store to register: <paramref name="store"/>, behind the cache when it is enabled for the backend.</summary>
    public IGraphStore Wrap(IGraphStore store, GraphStoreOptions options, TimeProvider time)
    {
        if (!IsEnabledFor(options)) return store;
        if (MaxEntries < 1)
            throw new InvalidOperationException($"{SectionName}:{nameof(MaxEntries)} must be at least 1 (got {MaxEntries})");
        if (GenerationCheckInterval < TimeSpan.Zero || GenerationCheckInterval > MaxGenerationCheckInterval)
        {
            throw new InvalidOperationException(
                $"{SectionName}:{nameof(GenerationCheckInterval)} must be between {TimeSpan.Zero:c} and {MaxGenerationCheckInterval:c} (got {GenerationCheckInterval:c})");
        }
        return new CachingGraphStore(store, MaxEntries, GenerationCheckInterval, time);
    }

    /// <summary>The response cache for <paramref name="store"/> (the registered store), or null when it is off.</summary>
    public GraphQLResponseCache? ResponseCacheFor(IGraphStore store)
    {
        if (store is not ICachedGraphLookups cached) return null;
        if (MaxResponseBytes < 0)
            throw new InvalidOperationException($"{SectionName}:{nameof(MaxResponseBytes)} must be 0 (off) or more (got {MaxResponseBytes})");
        return MaxResponseBytes == 0 ? null : new GraphQLResponseCache(() => cached.Generation, MaxResponseBytes, cached.RefreshAsync);
    }
}
