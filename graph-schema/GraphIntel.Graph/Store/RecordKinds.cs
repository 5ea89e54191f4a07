namespace GraphIntel.Graph.Store;

/// <summary>The record kinds a <see cref="WriteSummary"/> counts by, and the audit actions.</summary>
public static class RecordKinds
{
    public const string Source = "source";
    public const string Entity = "entity";
    public const string Relationship = "relationship";
    public const string StrengthEstimate = "strengthEstimate";
    /// <summary>Retractions: Updated counts facts newly retracted, Unchanged those already retracted.</summary>
    public const string Retraction = "retraction";
    /// <summary>Merges: Created counts new merges, Unchanged merges already recorded.</summary>
    public const string Merge = "merge";
}

/// <summary>What an audit entry records.</summary>
public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Retract = "retract";
    public const string Merge = "merge";
    /// <summary>A retracted fact asserted again (needs a reason).</summary>
    public const string Revive = "revive";
    /// <summary>A write undone by <c>revert</c>: the record restored to an audited before-state.</summary>
    public const string Revert = "revert";

    /// <summary>The action an upsert is audited as: create, update, revive (a retracted fact no longer retracted) or revert.</summary>
    public static string ForUpsert(object? before, object after, bool reverting) =>
        reverting ? Revert
        : before is null ? Create
        : IsRetracted(before) && !IsRetracted(after) ? Revive
        : Update;

    private static bool IsRetracted(object record) =>
        record is Model.Relationship { Status: Ontology.ClaimStatus.Retracted } or Model.StrengthEstimate { Status: Ontology.ClaimStatus.Retracted };
}
