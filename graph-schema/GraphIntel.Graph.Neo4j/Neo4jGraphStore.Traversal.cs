using GraphIntel.Graph.Model;
using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j;

/// <summary>
/// Traversals run breadth first, one Cypher round trip per level (<see cref="Statements.ExpandFrontier"/>): the
/// frontier's relationships are filtered in Cypher (types, statuses, asOf), so the cost grows with what is reached,
/// not with the graph, and no variable-length pattern can blow up on a dense neighbourhood.
/// </summary>
public sealed partial class Neo4jGraphStore
{
    public async Task<Subgraph> GetLineageAsync(string id, LineageDirection direction, RelationshipFilter filter, int maxDepth, CancellationToken ct = default)
    {
        var start = await ResolveAsync(id, ct).ConfigureAwait(false);
        if (start is null) return Subgraph.Empty;
        var lineageFilter = filter.Types is null ? filter with { Types = GraphOntology.LineageTypes.ToArray() } : filter;
        var relationships = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        if (direction != LineageDirection.Descendants)
            await ExpandAsync(start.Id, lineageFilter with { Direction = Direction.Outgoing }, maxDepth, relationships, ct).ConfigureAwait(false);
        if (direction != LineageDirection.Ancestors)
            await ExpandAsync(start.Id, lineageFilter with { Direction = Direction.Incoming }, maxDepth, relationships, ct).ConfigureAwait(false);
        return await ToSubgraphAsync(start, relationships.Values, ct).ConfigureAwait(false);
    }

    public async Task<Subgraph> GetNeighborhoodAsync(string id, int depth, RelationshipFilter filter, CancellationToken ct = default)
    {
        var start = await ResolveAsync(id, ct).ConfigureAwait(false);
        if (start is null) return Subgraph.Empty;
        var relationships = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        await ExpandAsync(start.Id, filter, depth, relationships, ct).ConfigureAwait(false);
        return await ToSubgraphAsync(start, relationships.Values, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<GraphPath>> FindPathsAsync(
        string fromId, string toId, RelationshipFilter filter, int maxHops, int first, CancellationToken ct = default)
    {
        if (maxHops <= 0 || first <= 0) return [];
        var ends = await GetEntitiesAsync([fromId, toId], ct).ConfigureAwait(false);
        if (!ends.TryGetValue(fromId, out var from) || !ends.TryGetValue(toId, out var to) || from.Id == to.Id) return [];

        // Every edge of a path of length <= maxHops touches a node within ceil(maxHops/2)-1 hops of one end or
        // floor(maxHops/2)-1 hops of the other, so two half-depth expansions fetch all of them.
        var undirected = filter with { Direction = Direction.Both };
        var edges = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        await ExpandAsync(from.Id, undirected, (maxHops + 1) / 2, edges, ct).ConfigureAwait(false);
        await ExpandAsync(to.Id, undirected, maxHops / 2, edges, ct).ConfigureAwait(false);

        var paths = ShortestSimplePaths.Find(edges.Values, from.Id, to.Id, maxHops, first);
        var entities = await GetEntitiesAsync(paths.SelectMany(p => p.Nodes).Distinct().ToArray(), ct).ConfigureAwait(false);
        return paths.Select(p => new GraphPath(p.Nodes.Select(n => entities[n]).ToList(), p.Relationships)).ToList();
    }

    /// <summary>Breadth-first expansion to <paramref name="depth"/> levels, collecting every relationship followed.</summary>
    private async Task ExpandAsync(string startId, RelationshipFilter filter, int depth, Dictionary<string, Relationship> into, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { startId };
        var frontier = new List<string> { startId };
        var parameters = FilterParameters(filter);
        parameters["direction"] = DirectionName(filter.Direction);
        for (var level = 0; level < depth && frontier.Count > 0; level++)
        {
            parameters["ids"] = frontier.ToArray();
            var result = await RunAsync(Statements.ExpandFrontier, parameters, ct).ConfigureAwait(false);
            var next = new List<string>();
            foreach (var row in result.Rows)
            {
                var r = Neo4jRows.ReadRelationship(row, 0);
                into.TryAdd(r.Id, r);
                foreach (var end in (ReadOnlySpan<string>)[r.FromId, r.ToId])
                    if (seen.Add(end)) next.Add(end);
            }
            frontier = next;
        }
    }

    private async Task<Entity?> ResolveAsync(string id, CancellationToken ct) =>
        (await GetEntitiesAsync([id], ct).ConfigureAwait(false)).GetValueOrDefault(id);

    private async Task<Subgraph> ToSubgraphAsync(Entity start, IEnumerable<Relationship> relationships, CancellationToken ct)
    {
        var rels = relationships.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var ids = rels.SelectMany(r => new[] { r.FromId, r.ToId }).Where(i => i != start.Id).Distinct().ToArray();
        var others = await GetEntitiesAsync(ids, ct).ConfigureAwait(false);
        var nodes = new List<Entity> { start };
        nodes.AddRange(others.Values.OrderBy(e => e.Id, StringComparer.Ordinal));
        return new Subgraph(nodes, rels);
    }
}
