using GraphIntel.Graph.Store;
using GraphIntel.Graph.Stores;
using GraphIntel.GraphQL.AspNetCore;

namespace GraphIntel.Api.Hosting;

/// <summary>
/// The read-through cache in front of the store (<see cref="CachingGraphStore"/>). On by default for the embedded
/// store: its file belongs to this one process, so every write passes through the cache and invalidates it. Off by
/// default for Neo4j: several API instances (and the import tools) may write to one Neo4j, and a write through another
/// instance would not invalidate this one's cache — turn it on only when this process is the database's only writer.
/// </summary>
internal sealed class StoreCacheOptions
{
    public const string SectionName = "GraphIntel:Cache";
    public const string EnabledVariable = "GRAPHINTEL_CACHE";

    /// <summary>Null: on for the embedded backend, off for Neo4j.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The most cached entries (an entity, one entity's relationships, a source…); reaching it clears the cache.</summary>
    public int MaxEntries { get; set; } = CachingGraphStore.DefaultMaxEntries;

    /// <summary>
    /// The most bytes of whole query responses kept (<see cref="GraphQLResponseCache"/>),
    /// which answers a repeated request while the store's data is unchanged; 0 turns that cache off. It runs only when the
    /// store cache does, since it relies on the same guarantee: every write passes through this process.
    /// </summary>
    public long MaxResponseBytes { get; set; } = GraphQLResponseCache.DefaultMaxBytes;

    public void ApplyEnvironment(Func<string, string?> getVariable)
    {
        if (getVariable(EnabledVariable) is { Length: > 0 } value && bool.TryParse(value, out var on)) Enabled = on;
    }

    /// <summary>Whether to put the cache in front of the store <paramref name="store"/> selects.</summary>
    public bool IsEnabledFor(GraphStoreOptions store) =>
        Enabled ?? store.IsEmbedded;

    /// <summary>The store to register: <paramref name="store"/>, behind the cache when it is enabled for the backend.</summary>
    public IGraphStore Wrap(IGraphStore store, GraphStoreOptions options)
    {
        if (!IsEnabledFor(options)) return store;
        if (MaxEntries < 1)
            throw new InvalidOperationException($"{SectionName}:{nameof(MaxEntries)} must be at least 1 (got {MaxEntries})");
        return new CachingGraphStore(store, MaxEntries);
    }

    /// <summary>The response cache for <paramref name="store"/> (the registered store), or null when it is off.</summary>
    public GraphQLResponseCache? ResponseCacheFor(IGraphStore store)
    {
        if (store is not ICachedGraphLookups cached) return null;
        if (MaxResponseBytes < 0)
            throw new InvalidOperationException($"{SectionName}:{nameof(MaxResponseBytes)} must be 0 (off) or more (got {MaxResponseBytes})");
        return MaxResponseBytes == 0 ? null : new GraphQLResponseCache(() => cached.Generation, MaxResponseBytes);
    }
}
