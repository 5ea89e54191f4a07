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
        // BOTH is the union of the two walks, each following every type towards its own ancestor (or descendant) end:
        // they run concurrently, and the descendants' walk is replayed after the ancestors' so the order is as if in turn.
        var ancestors = new Walk(start.Id);
        var descendants = new Walk(start.Id);
        await Task.WhenAll(
            direction != LineageDirection.Descendants
                ? ExpandAsync(ancestors, filter, LineageSteps(types, towardsAncestors: true), maxDepth, ct)
                : Task.CompletedTask,
            direction != LineageDirection.Ancestors
                ? ExpandAsync(descendants, filter, LineageSteps(types, towardsAncestors: false), maxDepth, ct)
                : Task.CompletedTask).ConfigureAwait(false);
        ancestors.Replay(descendants);
        return await ToSubgraphAsync(start, ancestors, ct).ConfigureAwait(false);
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

        private readonly List<(Relationship Relationship, string OtherEnd)> _steps = [];

        public void Follow(Relationship r, string otherEnd)
        {
            _steps.Add((r, otherEnd));
            if (_followed.TryAdd(r.Id, r)) Relationships.Add(r);
            if (_reached.Add(otherEnd)) Nodes.Add(otherEnd);
        }

        /// <summary>Follows, in order, every step another walk from the same start took: as if it had continued this one.</summary>
        public void Replay(Walk other)
        {
            foreach (var (r, otherEnd) in other._steps) Follow(r, otherEnd);
        }
    }

    /// <summary>One breadth-first walk from the start to <paramref name="depth"/> levels, one round trip per level.</summary>
    private async Task ExpandAsync(Walk walk, RelationshipFilter filter, StepTypes steps, int depth, CancellationToken ct)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { walk.StartId };
        var frontier = new List<string> { walk.StartId };
        var parameters = LevelParameters(filter, steps);
        for (var level = 0; level < depth && frontier.Count > 0; level++)
        {
            var byNode = await FetchLevelAsync(frontier, parameters, ct).ConfigureAwait(false);
            var next = new List<string>();
            foreach (var node in frontier)
            {
                foreach (var r in byNode[node])
                {
                    var other = r.OtherEnd(node);
                    walk.Follow(r, other);
                    if (visited.Add(other)) next.Add(other);
                }
            }
            frontier = next;
        }
    }

    private static Dictionary<string, object?> LevelParameters(RelationshipFilter filter, StepTypes steps)
    {
        var parameters = FilterParameters(filter);
        parameters["outTypes"] = steps.Outgoing;
        parameters["inTypes"] = steps.Incoming;
        return parameters;
    }

    /// <summary>One level in one round trip (<see cref="Statements.ExpandFrontier"/>): the relationships each frontier entity may follow, in id order.</summary>
    private async Task<ILookup<string, Relationship>> FetchLevelAsync(
        IReadOnlyCollection<string> frontier, Dictionary<string, object?> parameters, CancellationToken ct)
    {
        parameters["ids"] = frontier.ToArray();
        var result = await RunAsync(Statements.ExpandFrontier, parameters, ct).ConfigureAwait(false);
        return result.Rows
            .Select(row => (Node: row[0].GetString()!, Relationship: Neo4jRows.ReadRelationship(row, 1)))
            .OrderBy(x => x.Relationship.Id, CodePointOrder.Comparer)
            .ToLookup(x => x.Node, x => x.Relationship, StringComparer.Ordinal);
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
