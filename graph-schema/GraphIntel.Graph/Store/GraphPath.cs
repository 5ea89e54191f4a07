using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store;

/// <summary>A path: nodes[i] and nodes[i+1] are joined by relationships[i] (in either direction).</summary>
public sealed record GraphPath(IReadOnlyList<Entity> Nodes, IReadOnlyList<Relationship> Relationships)
{
    public int Length => Relationships.Count;
}
