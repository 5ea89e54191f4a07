using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store;

/// <summary>
/// What <see cref="ChangeSetValidator"/> needs to know about a store's current contents. Each backend answers it so
/// that nothing can change between validation and write: the embedded store inside the SQLite write transaction it
/// then writes in (<c>GraphIntel.Graph.Embedded/SqliteChangeSetLookup.cs</c>); the Neo4j store with separate read requests made while
/// it holds its in-process write lock, before the write's own transaction begins (<c>Neo4jGraphStore.ApplyAsync</c>),
/// which shuts out only writes through the same store instance.
/// </summary>
public interface IChangeSetLookup
{
    /// <summary>The entities the store holds under these ids, merged ids included; unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<string, ExistingEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>The full text of each stored source; unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<string, string>> GetSourceTextsAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>Which of these ids are stored relationships or strength estimates.</summary>
    Task<IReadOnlySet<string>> GetExistingFactIdsAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>Stored names (names and aliases) whose <see cref="Names.ConfusableSkeleton.ClashKey"/> is one of these.</summary>
    Task<IReadOnlyList<NameClaim>> GetNameClaimsAsync(IReadOnlyCollection<string> clashKeys, CancellationToken ct);
}

/// <summary>
/// A stored entity as the validator sees it. For an id merged away, <see cref="MergedInto"/> is the survivor and
/// <see cref="Kind"/> the survivor's kind.
/// </summary>
public sealed record ExistingEntity(string Id, EntityKind Kind, string? MergedInto = null)
{
    /// <summary>The id that answers for this one: the survivor of a merge, else the id itself.</summary>
    public string CanonicalId => MergedInto ?? Id;
}

/// <summary>A stored entity that has <see cref="Name"/> among its names.</summary>
public sealed record NameClaim(string EntityId, EntityKind Kind, string Name);
