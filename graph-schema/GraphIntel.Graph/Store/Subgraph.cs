using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store;

/// <summary>Entities and the relationships among them that a traversal followed.</summary>
public sealed record Subgraph(IReadOnlyList<Entity> Nodes, IReadOnlyList<Relationship> Relationships)
{
    public static readonly Subgraph Empty = new([], []);
}
