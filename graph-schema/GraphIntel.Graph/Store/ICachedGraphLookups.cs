using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store;

/// <summary>
/// What a store that keeps answers in memory offers its callers beyond <see cref="IGraphStore"/>: look-ups that answer
/// only from memory (so a caller can skip batching for what is already there), and the data's generation (so a
/// caller can key its own derived caches by it). <see cref="CachingGraphStore"/> implements it.
/// <para>
/// Each TryGet answers from the current generation only and returns false when the answer would take a store read;
/// the caller then goes through the matching <see cref="IGraphStore"/> batch read.
/// </para>
/// </summary>
public interface ICachedGraphLookups
{
    /// <summary>
    /// The data's generation: it advances with every write through the store (and every invalidation), so anything
    /// computed from the store's data in one generation is current exactly while the generation is unchanged.
    /// </summary>
    long Generation { get; }

    /// <summary>
    /// Brings <see cref="Generation"/> up to date with writes other processes made to the store, when that is due (for
    /// <see cref="CachingGraphStore"/>: a read of the store's <see cref="WriteGeneration"/> once its check interval has
    /// passed). Call it before using <see cref="Generation"/> to answer from a derived cache; never throws for a store
    /// failure (the generation then simply advances).
    /// </summary>
    ValueTask RefreshAsync(CancellationToken ct = default);

    /// <summary>
    /// The store's identity and write generation the cached answers reflect (<see cref="WriteGeneration.ToString"/>,
    /// <c>storeId:value</c>), for an HTTP validator such as an ETag: it changes whenever an answer could change, and
    /// every replica on one store says the same for the same data. Null when not known (before the first check of the
    /// store's generation, after a failed one, or when the cache does not check). Read it before computing an answer,
    /// as <see cref="Generation"/>.
    /// </summary>
    string? DataVersion { get; }

    /// <summary>The entity <paramref name="id"/> answers to (null: the store has none), if in memory.</summary>
    bool TryGetCachedEntity(string id, out Entity? entity);

    /// <summary>The relationship <paramref name="id"/> (null: the store has none), if in memory.</summary>
    bool TryGetCachedRelationship(string id, out Relationship? relationship);

    /// <summary>The strength estimate <paramref name="id"/> (null: the store has none), if in memory.</summary>
    bool TryGetCachedStrengthEstimate(string id, out StrengthEstimate? estimate);

    /// <summary>The source <paramref name="id"/> (null: the store has none), if in memory.</summary>
    bool TryGetCachedSource(string id, out Source? source);

    /// <summary>The citations of source <paramref name="sourceId"/>, if in memory.</summary>
    bool TryGetCachedCitationsBySource(string sourceId, out IReadOnlyList<SourceCitation> citations);

    /// <summary>The relationships of <paramref name="entityId"/> that <paramref name="filter"/> keeps, as <see cref="IGraphStore.GetRelationshipsAsync"/> answers, if in memory.</summary>
    bool TryGetCachedRelationships(string entityId, RelationshipFilter filter, out IReadOnlyList<Relationship> relationships);

    /// <summary>The strength estimates of <paramref name="organizationId"/>, as <see cref="IGraphStore.GetStrengthEstimatesAsync"/> answers, if in memory.</summary>
    bool TryGetCachedStrengthEstimates(string organizationId, bool includeRetracted, out IReadOnlyList<StrengthEstimate> estimates);
}
