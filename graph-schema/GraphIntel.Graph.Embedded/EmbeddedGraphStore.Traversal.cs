using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Embedded;

public sealed partial class EmbeddedGraphStore
{
    public Task<Subgraph> GetLineageAsync(string id, LineageDirection direction, RelationshipFilter filter, int maxDepth, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        Func<EdgeRef, int, bool> ancestors = static (edge, node) => LineageSteps.LeadsToAncestor(edge.Type, edge.From == node);
        Func<EdgeRef, int, bool> descendants = static (edge, node) => !LineageSteps.LeadsToAncestor(edge.Type, edge.From == node);
        var follows = direction switch
        {
            LineageDirection.Ancestors => new[] { ancestors },
            LineageDirection.Descendants => [descendants],
            _ => [ancestors, descendants],
        };
        var edges = new EdgeFilter(filter, GraphOntology.LineageTypes);
        return Expand("get lineage", id, index => (start => new GraphTraversal(index).Expand(start, maxDepth, edges, follows)), ct);
    }

    public Task<Subgraph> GetNeighborhoodAsync(string id, int depth, RelationshipFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        var edges = new EdgeFilter(filter);
        var follows = new[] { GraphTraversal.Follows(filter.Direction) };
        return Expand("get neighborhood", id, index => (start => new GraphTraversal(index).Expand(start, depth, edges, follows)), ct);
    }

    public Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, RelationshipFilter filter, int maxHops, int first, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fromId);
        ArgumentNullException.ThrowIfNull(toId);
        ArgumentNullException.ThrowIfNull(filter);
        var edges = new EdgeFilter(filter);
        return Run<IReadOnlyList<GraphPath>>("find paths", connection =>
        {
            var reader = new RecordReader(connection);
            var merges = reader.ResolveMerges([fromId, toId]);
            var from = merges.GetValueOrDefault(fromId, fromId);
            var to = merges.GetValueOrDefault(toId, toId);
            var paths = WithAdjacency(connection, index =>
            {
                if (!index.TryGetNode(from, out var source) || !index.TryGetNode(to, out var target)) return [];
                return new GraphTraversal(index).ShortestPaths(source, target, edges, maxHops, first)
                    .Select(p => (Nodes: p.Nodes.Select(index.NodeName).ToArray(), Edges: p.Edges.Select(index.EdgeName).ToArray()))
                    .ToList();
            });
            if (paths.Count == 0) return [];
            var entities = reader.Entities(paths.SelectMany(p => p.Nodes));
            var relationships = reader.RelationshipsById(paths.SelectMany(p => p.Edges));
            return paths.Select(p => new GraphPath(p.Nodes.Select(n => entities[n]).ToList(), p.Edges.Select(e => relationships[e]).ToList())).ToList();
        }, ct);
    }

    /// <summary>Resolves the start id, runs a traversal over the adjacency index, then loads the records it reached.</summary>
    private Task<Subgraph> Expand(string operation, string id, Func<AdjacencyIndex, Func<int, TraversalResult>> traversal, CancellationToken ct) =>
        Run(operation, connection =>
        {
            var reader = new RecordReader(connection);
            var start = reader.ResolveMerges([id]).GetValueOrDefault(id, id);
            var (nodes, edges) = WithAdjacency(connection, index =>
            {
                if (!index.TryGetNode(start, out var node)) return (Nodes: new[] { start }, Edges: Array.Empty<string>());
                var result = traversal(index)(node);
                return (Nodes: result.Nodes.Select(index.NodeName).ToArray(), Edges: result.Edges.Select(index.EdgeName).ToArray());
            });
            var entities = reader.Entities(nodes);
            if (!entities.ContainsKey(start)) return Subgraph.Empty;
            var relationships = reader.RelationshipsById(edges);
            return new Subgraph(
                nodes.Where(entities.ContainsKey).Select(n => entities[n]).ToList(),
                edges.Where(relationships.ContainsKey).Select(e => relationships[e]).ToList());
        }, ct);
}
