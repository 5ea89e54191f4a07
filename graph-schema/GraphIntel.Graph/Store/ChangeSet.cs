using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store;

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
