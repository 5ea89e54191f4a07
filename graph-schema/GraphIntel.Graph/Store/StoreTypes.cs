using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store;

/// <summary>Which relationships to return. Without statuses, every status but RETRACTED.</summary>
public sealed record RelationshipFilter
{
    public static readonly RelationshipFilter Default = new();

    /// <summary>Null means every type.</summary>
    public IReadOnlyCollection<RelationshipType>? Types { get; init; }
    public Direction Direction { get; init; } = Direction.Both;
    /// <summary>Only relationships in force at some moment of this date's span (see <see cref="TemporalProfile"/>).</summary>
    public PartialDate? AsOf { get; init; }
    /// <summary>With <see cref="AsOf"/>: KNOWN facts only (the default), or POSSIBLE ones too.</summary>
    public TemporalCertainty Certainty { get; init; } = TemporalCertainty.Known;
    /// <summary>Null means every status except <see cref="ClaimStatus.Retracted"/>.</summary>
    public IReadOnlyCollection<ClaimStatus>? Statuses { get; init; }

    public bool Matches(Relationship r) =>
        (Types is null || Types.Contains(r.Type)) &&
        (Statuses is null ? r.Status != ClaimStatus.Retracted : Statuses.Contains(r.Status)) &&
        (AsOf is null || TemporalProfile.Admits(Certainty, TemporalProfile.Of(r).StatusOn(AsOf.Value)));

    /// <summary>Whether a relationship seen from <paramref name="entityId"/> goes the way this filter asks.</summary>
    public bool MatchesDirection(Relationship r, string entityId) => Direction switch
    {
        Direction.Outgoing => r.FromId == entityId,
        Direction.Incoming => r.ToId == entityId,
        _ => true,
    };
}

/// <summary>An entity found by name: how well it matched and which of its names matched.</summary>
public sealed record NameMatch(Entity Entity, double Score, string Matched, bool Exact);

/// <summary>Entities and the relationships among them that a traversal followed.</summary>
public sealed record Subgraph(IReadOnlyList<Entity> Nodes, IReadOnlyList<Relationship> Relationships)
{
    public static readonly Subgraph Empty = new([], []);
}

/// <summary>A path: nodes[i] and nodes[i+1] are joined by relationships[i] (in either direction).</summary>
public sealed record GraphPath(IReadOnlyList<Entity> Nodes, IReadOnlyList<Relationship> Relationships)
{
    public int Length => Relationships.Count;
}

/// <summary>A filter and keyset page over entities.</summary>
public sealed record EntityQuery
{
    public IReadOnlyCollection<EntityKind>? Kinds { get; init; }
    public IReadOnlyCollection<OrganizationKind>? OrganizationKinds { get; init; }
    /// <summary>Case- and accent-insensitive substring of the name or an alias.</summary>
    public string? NameContains { get; init; }
    /// <summary>
    /// Entities that existed at some moment of that date's span: their existence (founded..dissolved, an unknown end
    /// unknown) decided by <see cref="TemporalProfile"/> like any fact's interval.
    /// </summary>
    public PartialDate? ActiveAt { get; init; }
    /// <summary>With <see cref="ActiveAt"/>: entities KNOWN to exist then (the default), or POSSIBLY existing too.</summary>
    public TemporalCertainty Certainty { get; init; } = TemporalCertainty.Known;
    public int First { get; init; } = 50;
    /// <summary>Opaque cursor from a previous page's <see cref="EntityPage.EndCursor"/>.</summary>
    public string? After { get; init; }
}

public sealed record EntityPage(IReadOnlyList<Entity> Items, bool HasNextPage, int TotalCount, string? EndCursor)
{
    /// <summary>The cursor of each item, aligned with <see cref="Items"/>.</summary>
    public IReadOnlyList<string> Cursors { get; init; } = [];
}

/// <summary>A citation of a source and what it supports: an entity id, a relationship id or an estimate id.</summary>
public sealed record SourceCitation(Citation Citation, string SupportsId);

/// <summary>
/// One atomic write. Whole records (<see cref="Sources"/>, <see cref="Entities"/>, <see cref="Relationships"/>,
/// <see cref="StrengthEstimates"/>) replace what is stored under their id: the seed loader writes these, the data set
/// being the truth for what it names. Patches (<see cref="EntityPatches"/> and the like) change only what they name
/// and are merged with the stored record inside the write (<see cref="Patches.PatchMerge"/>): the API writes these.
/// Retractions keep the fact, marked RETRACTED.
/// </summary>
public sealed record ChangeSet
{
    public IReadOnlyList<Source> Sources { get; init; } = [];
    public IReadOnlyList<Entity> Entities { get; init; } = [];
    public IReadOnlyList<Relationship> Relationships { get; init; } = [];
    public IReadOnlyList<StrengthEstimate> StrengthEstimates { get; init; } = [];
    /// <summary>Facts (relationship or estimate ids) to retract.</summary>
    public IReadOnlyList<string> Retractions { get; init; } = [];
    /// <summary>Entity merges: the merged id's names, facts and citations move to the survivor; the old id keeps resolving.</summary>
    public IReadOnlyList<EntityMerge> Merges { get; init; } = [];
    /// <summary>Sources to patch: only the fields given change.</summary>
    public IReadOnlyList<Patches.SourcePatch> SourcePatches { get; init; } = [];
    /// <summary>Entities to patch: only the fields given change; aliases and citations accumulate.</summary>
    public IReadOnlyList<Patches.EntityPatch> EntityPatches { get; init; } = [];
    /// <summary>Relationships to patch (assert): only the fields given change; citations accumulate.</summary>
    public IReadOnlyList<Patches.RelationshipPatch> RelationshipPatches { get; init; } = [];
    /// <summary>Strength estimates to patch (assert): only the fields given change; citations accumulate.</summary>
    public IReadOnlyList<Patches.StrengthEstimatePatch> StrengthEstimatePatches { get; init; } = [];
    /// <summary>
    /// The sequence number of an audit entry whose write this change set undoes: the record it wrote is restored to
    /// its before-state (or, for a created fact, retracted), refused if the record changed since. Audited as "revert".
    /// </summary>
    public long? RevertAuditSequence { get; init; }
    /// <summary>
    /// Records (entities, or facts) whose citations of a source given a new text in this change set, and that the new
    /// text no longer contains, are removed in the same write — the way to change a text under an entity's citations
    /// (facts can be retracted instead). Each must hold such a citation.
    /// </summary>
    public IReadOnlyList<string> CitationRetractions { get; init; } = [];

    public bool IsEmpty => Sources.Count == 0 && Entities.Count == 0 && Relationships.Count == 0 &&
                           StrengthEstimates.Count == 0 && Retractions.Count == 0 && Merges.Count == 0 &&
                           SourcePatches.Count == 0 && EntityPatches.Count == 0 && RelationshipPatches.Count == 0 &&
                           StrengthEstimatePatches.Count == 0 && RevertAuditSequence is null && CitationRetractions.Count == 0;

    /// <summary>Whether any patch or revert still has to be resolved against the store into whole records.</summary>
    public bool NeedsResolving => SourcePatches.Count > 0 || EntityPatches.Count > 0 || RelationshipPatches.Count > 0 ||
                                  StrengthEstimatePatches.Count > 0 || RevertAuditSequence is not null || CitationRetractions.Count > 0;
}

public sealed record EntityMerge(string SurvivorId, string MergedId);

/// <summary>Who writes, why, and when (time comes from the caller's TimeProvider, never from inside logic).</summary>
public sealed record WriteContext(string Actor, string? Reason, DateTimeOffset At);

/// <summary>What a change set did, by record kind.</summary>
public sealed record WriteSummary(IReadOnlyDictionary<string, WriteCounts> ByKind)
{
    public bool ChangedAnything => ByKind.Values.Any(c => c.Created + c.Updated > 0);
    public WriteCounts this[string kind] => ByKind.TryGetValue(kind, out var c) ? c : new WriteCounts(0, 0, 0);
}

public readonly record struct WriteCounts(int Created, int Updated, int Unchanged);

public sealed record AuditQuery
{
    public string? TargetId { get; init; }
    public string? Actor { get; init; }
    public int First { get; init; } = 100;
    /// <summary>Entries with a sequence number below this one (paging backwards).</summary>
    public long? Before { get; init; }
}

public sealed record GraphStatistics(
    int Sources,
    IReadOnlyDictionary<EntityKind, int> EntitiesByKind,
    IReadOnlyDictionary<RelationshipType, int> RelationshipsByType,
    IReadOnlyDictionary<ClaimStatus, int> RelationshipsByStatus,
    int StrengthEstimates,
    int Citations);

public sealed record GraphSnapshot(
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<Relationship> Relationships,
    IReadOnlyList<StrengthEstimate> StrengthEstimates,
    IReadOnlyList<EntityMerge> Merges);

public sealed record StoreHealth(bool Available, string Backend, string? Detail);
