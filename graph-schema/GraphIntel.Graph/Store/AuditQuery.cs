namespace GraphIntel.Graph.Store;

public sealed record AuditQuery
{
    public string? TargetId { get; init; }
    public string? Actor { get; init; }
    public int First { get; init; } = 100;
    /// <summary>Entries with a sequence number below this one (paging backwards).</summary>
    public long? Before { get; init; }
}
