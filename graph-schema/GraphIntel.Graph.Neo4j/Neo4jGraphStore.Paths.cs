using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j;

/// <summary>
/// Path search: a bidirectional breadth-first search that fetches, one round trip per level, the relationships of the
/// smaller frontier, then enumerates the shortest simple paths over what was fetched (<see cref="ShortestSimplePaths"/>).
/// <para>
/// Why the fetched subgraph is enough: after expanding <c>rF</c> levels from <c>from</c> and <c>rB</c> from <c>to</c>,
/// every relationship of every node closer than <c>rF</c> to <c>from</c> or closer than <c>rB</c> to <c>to</c> is
/// fetched. Edge <c>i</c> of a path of length <c>L ≤ rF + rB</c> leaves a node at most <c>i</c> hops from <c>from</c>
/// and enters one at most <c>L − i − 1</c> hops from <c>to</c>, so either <c>i &lt; rF</c> or <c>L − i − 1 &lt; rB</c>:
/// every path up to that bound lies in the fetched subgraph, and enumerating it gives exactly the paths (and order) the
/// whole graph would. The search stops as soon as that bound yields <c>first</c> paths, the bound reaches
/// <c>maxHops</c>, or one side has nothing left to expand (its whole component is fetched). Until the two visited
/// sets meet, no path within the bound exists and nothing is enumerated.
/// </para>
/// </summary>
public sealed partial class Neo4jGraphStore
{
    public async Task<IReadOnlyList<GraphPath>> FindPathsAsync(
        string fromId, string toId, RelationshipFilter filter, int maxHops, int first, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fromId);
        ArgumentNullException.ThrowIfNull(toId);
        ArgumentNullException.ThrowIfNull(filter);
        if (maxHops <= 0 || first <= 0) return [];
        var ends = await GetEntitiesAsync([fromId, toId], ct).ConfigureAwait(false);
        if (!ends.TryGetValue(fromId, out var from) || !ends.TryGetValue(toId, out var to) || from.Id == to.Id) return [];

        var parameters = LevelParameters(filter, Steps(filter with { Direction = Direction.Both }));
        var edges = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        var forward = new SearchFront(from.Id);
        var backward = new SearchFront(to.Id);
        IReadOnlyList<ShortestSimplePaths.Found> paths = [];
        while (true)
        {
            var complete = forward.Exhausted || backward.Exhausted;
            var bound = complete ? maxHops : Math.Min(maxHops, forward.Radius + backward.Radius);
            if (complete || forward.Meets(backward))
            {
                paths = ShortestSimplePaths.Find(edges.Values, from.Id, to.Id, bound, first);
                if (paths.Count >= first || bound == maxHops) break;
            }
            else if (bound == maxHops) break;
            var side = forward.Frontier.Count <= backward.Frontier.Count ? forward : backward;
            side.Advance(await FetchLevelAsync(side.Frontier, parameters, ct).ConfigureAwait(false), edges);
        }

        var entities = await GetEntitiesAsync(paths.SelectMany(p => p.Nodes).Distinct().ToArray(), ct).ConfigureAwait(false);
        return paths.Select(p => new GraphPath(p.Nodes.Select(n => entities[n]).ToList(), p.Relationships)).ToList();
    }

    /// <summary>One side of the bidirectional search: what it has reached, how far, and the level it expands next.</summary>
    private sealed class SearchFront(string startId)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal) { startId };

        public List<string> Frontier { get; private set; } = [startId];
        public int Radius { get; private set; }
        public bool Exhausted => Frontier.Count == 0;

        public bool Meets(SearchFront other) =>
            _visited.Count <= other._visited.Count ? _visited.Overlaps(other._visited) : other._visited.Overlaps(_visited);

        public void Advance(ILookup<string, Relationship> level, Dictionary<string, Relationship> edges)
        {
            var next = new List<string>();
            foreach (var node in Frontier)
            {
                foreach (var r in level[node])
                {
                    edges.TryAdd(r.Id, r);
                    var other = r.OtherEnd(node);
                    if (_visited.Add(other)) next.Add(other);
                }
            }
            Frontier = next;
            Radius++;
        }
    }
}
