namespace GraphIntel.Graph.Store;

/// <summary>What a change set did, by record kind.</summary>
public sealed record WriteSummary(IReadOnlyDictionary<string, WriteCounts> ByKind)
{
    public bool ChangedAnything => ByKind.Values.Any(c => c.Created + c.Updated > 0);
    public WriteCounts this[string kind] => ByKind.TryGetValue(kind, out var c) ? c : new WriteCounts(0, 0, 0);
}

public readonly record struct WriteCounts(int Created, int Updated, int Unchanged);
