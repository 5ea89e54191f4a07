using GraphIntel.Graph.Model;
using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j;

/// <summary>
/// Traversals run breadth first, one Cypher round trip per level (<see cref="Statements.ExpandFrontier"/>): the
/// frontier's relationships are filtered in Cypher (types, statuses, asOf), so the cost grows with what is reached,
/// not with the graph, and no variable-length pattern can blow up on a dense neighbourhood. Like the embedded store,
/// a level visits its frontier in the order the entities were reached and each entity's relationships in id order,
/// so nodes and relationships come back in the order the walk reached them.
/// </summary>
public sealed partial class Neo4jGraphStore
{
    private static readonly string[] NoTypes = [];

    public async Task<Subgraph> GetLineageAsync(string id, LineageDirection direction, RelationshipFilter filter, int maxDepth, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        var start = await ResolveAsync(id, ct).ConfigureAwait(false);
        if (start is null) return Subgraph.Empty;
        var types = filter.Types ?? GraphOntology.LineageTypes;
        var walk = new Walk(start.Id);
        // BOTH is the union of the two walks, each following every type towards its own ancestor (or descendant) end.
        if (direction != LineageDirection.Descendants)
            await ExpandAsync(walk, filter, LineageSteps(types, towardsAncestors: true), maxDepth, ct).ConfigureAwait(false);
        if (direction != LineageDirection.Ancestors)
            await ExpandAsync(walk, filter, LineageSteps(types, towardsAncestors: false), maxDepth, ct).ConfigureAwait(false);
        return await ToSubgraphAsync(start, walk, ct).ConfigureAwait(false);
    }

    public async Task<Subgraph> GetNeighborhoodAsync(string id, int depth, RelationshipFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        var start = await ResolveAsync(id, ct).ConfigureAwait(false);
        if (start is null) return Subgraph.Empty;
        var walk = new Walk(start.Id);
        await ExpandAsync(walk, filter, Steps(filter), depth, ct).ConfigureAwait(false);
        return await ToSubgraphAsync(start, walk, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<GraphPath>> FindPathsAsync(
        string fromId, string toId, RelationshipFilter filter, int maxHops, int first, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fromId);
        ArgumentNullException.ThrowIfNull(toId);
        ArgumentNullException.ThrowIfNull(filter);
        if (maxHops <= 0 || first <= 0) return [];
        var ends = await GetEntitiesAsync([fromId, toId], ct).ConfigureAwait(false);
        if (!ends.TryGetValue(fromId, out var from) || !ends.TryGetValue(toId, out var to) || from.Id == to.Id) return [];

        // Edge i of a path of length L <= maxHops joins a node at most i hops from one end to a node at most L-i-1 hops
        // from the other, so it touches a node fewer than ceil(maxHops/2) hops from `from` or fewer than
        // floor(maxHops/2) hops from `to`: two half-depth walks fetch every edge any such path can use.
        var steps = Steps(filter with { Direction = Direction.Both });
        var edges = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        foreach (var (end, depth) in new[] { (from.Id, (maxHops + 1) / 2), (to.Id, maxHops / 2) })
        {
            var walk = new Walk(end);
            await ExpandAsync(walk, filter, steps, depth, ct).ConfigureAwait(false);
            foreach (var r in walk.Relationships) edges.TryAdd(r.Id, r);
        }

        var paths = ShortestSimplePaths.Find(edges.Values, from.Id, to.Id, maxHops, first);
        var entities = await GetEntitiesAsync(paths.SelectMany(p => p.Nodes).Distinct().ToArray(), ct).ConfigureAwait(false);
        return paths.Select(p => new GraphPath(p.Nodes.Select(n => entities[n]).ToList(), p.Relationships)).ToList();
    }

    /// <summary>Which relationship types a walk follows outgoing, and which incoming.</summary>
    private readonly record struct StepTypes(string[] Outgoing, string[] Incoming);

    private static StepTypes Steps(RelationshipFilter filter)
    {
        var types = filter.Types is { } t ? t.Select(EnumNames.ToContractName).ToArray() : AllTypes;
        return filter.Direction switch
        {
            Direction.Outgoing => new StepTypes(types, NoTypes),
            Direction.Incoming => new StepTypes(NoTypes, types),
            _ => new StepTypes(types, types),
        };
    }

    /// <summary>Towards ancestors, each type is followed from the end its <see cref="GraphOntology.AncestorDirection"/> names.</summary>
    private static StepTypes LineageSteps(IEnumerable<RelationshipType> types, bool towardsAncestors)
    {
        var byDirection = types.Distinct().ToLookup(t => GraphOntology.AncestorDirection(t) == Direction.Outgoing == towardsAncestors);
        return new StepTypes(
            byDirection[true].Select(EnumNames.ToContractName).ToArray(),
            byDirection[false].Select(EnumNames.ToContractName).ToArray());
    }

    /// <summary>What a traversal has reached so far, in the order it reached it.</summary>
    private sealed class Walk(string startId)
    {
        private readonly HashSet<string> _reached = new(StringComparer.Ordinal) { startId };
        private readonly Dictionary<string, Relationship> _followed = new(StringComparer.Ordinal);

        public string StartId { get; } = startId;
        public List<string> Nodes { get; } = [startId];
        public List<Relationship> Relationships { get; } = [];

        public void Follow(Relationship r, string otherEnd)
        {
            if (_followed.TryAdd(r.Id, r)) Relationships.Add(r);
            if (_reached.Add(otherEnd)) Nodes.Add(otherEnd);
        }
    }

    /// <summary>One breadth-first walk from the start to <paramref name="depth"/> levels, one round trip per level.</summary>
    private async Task ExpandAsync(Walk walk, RelationshipFilter filter, StepTypes steps, int depth, CancellationToken ct)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { walk.StartId };
        var frontier = new List<string> { walk.StartId };
        var parameters = FilterParameters(filter);
        parameters["outTypes"] = steps.Outgoing;
        parameters["inTypes"] = steps.Incoming;
        for (var level = 0; level < depth && frontier.Count > 0; level++)
        {
            parameters["ids"] = frontier.ToArray();
            var result = await RunAsync(Statements.ExpandFrontier, parameters, ct).ConfigureAwait(false);
            var byNode = result.Rows
                .Select(row => (Node: row[0].GetString()!, Relationship: Neo4jRows.ReadRelationship(row, 1)))
                .ToLookup(x => x.Node, x => x.Relationship, StringComparer.Ordinal);
            var next = new List<string>();
            foreach (var node in frontier)
            {
                foreach (var r in byNode[node].OrderBy(r => r.Id, StringComparer.Ordinal))
                {
                    var other = r.OtherEnd(node);
                    walk.Follow(r, other);
                    if (visited.Add(other)) next.Add(other);
                }
            }
            frontier = next;
        }
    }

    private async Task<Entity?> ResolveAsync(string id, CancellationToken ct) =>
        (await GetEntitiesAsync([id], ct).ConfigureAwait(false)).GetValueOrDefault(id);

    private async Task<Subgraph> ToSubgraphAsync(Entity start, Walk walk, CancellationToken ct)
    {
        var others = await GetEntitiesAsync(walk.Nodes.Skip(1).ToArray(), ct).ConfigureAwait(false);
        var nodes = walk.Nodes.Skip(1).Where(others.ContainsKey).Select(id => others[id]).Prepend(start).ToList();
        return new Subgraph(nodes, walk.Relationships);
    }
}
