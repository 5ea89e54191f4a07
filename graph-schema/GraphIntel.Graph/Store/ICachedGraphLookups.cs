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
