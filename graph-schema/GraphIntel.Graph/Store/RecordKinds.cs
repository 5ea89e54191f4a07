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
}
