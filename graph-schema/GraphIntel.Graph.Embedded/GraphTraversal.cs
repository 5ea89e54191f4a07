using System.Collections.Concurrent;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Embedded;

/// <summary>Node and relationship ordinals a traversal reached, in the order it reached them.</summary>
internal sealed record TraversalResult(IReadOnlyList<int> Nodes, IReadOnlyList<int> Edges);

/// <summary>A path as ordinals: nodes[i] and nodes[i+1] are joined by edges[i].</summary>
internal sealed record OrdinalPath(int[] Nodes, int[] Edges);

/// <summary>
/// Lineage, neighbourhood and k-shortest-paths over an <see cref="AdjacencyIndex"/>. Edges are visited in
/// relationship id order, so results are deterministic. The caller holds the index's read lock.
/// </summary>
internal sealed class GraphTraversal(AdjacencyIndex index)
{
    private static readonly ConcurrentBag<BfsScratch> ScratchPool = [];

    /// <summary>Breadth-first from <paramref name="start"/> following edges the direction test accepts, to <paramref name="maxDepth"/> hops.</summary>
    public TraversalResult Expand(int start, int maxDepth, EdgeFilter filter, IReadOnlyList<Func<EdgeRef, int, bool>> directions)
    {
        var nodes = new List<int> { start };
        var reached = new HashSet<int> { start };
        var edges = new List<int>();
        var followed = new HashSet<int>();
        foreach (var follows in directions)
        {
            var visited = new HashSet<int> { start };
            var frontier = new List<int> { start };
            for (var depth = 0; depth < maxDepth && frontier.Count > 0; depth++)
            {
                var next = new List<int>();
                foreach (var node in frontier)
                {
                    foreach (var e in index.Incident(node))
                    {
                        ref readonly var edge = ref index.Edge(e);
                        if (!filter.Allows(edge) || !follows(edge, node)) continue;
                        if (followed.Add(e)) edges.Add(e);
                        var other = edge.Other(node);
                        if (visited.Add(other)) next.Add(other);
                        if (reached.Add(other)) nodes.Add(other);
                    }
                }
                frontier = next;
            }
        }
        return new TraversalResult(nodes, edges);
    }

    public static Func<EdgeRef, int, bool> Follows(Direction direction) => direction switch
    {
        Direction.Outgoing => static (edge, node) => edge.From == node,
        Direction.Incoming => static (edge, node) => edge.To == node,
        _ => static (_, _) => true,
    };

    /// <summary>
    /// Up to <paramref name="k"/> simple paths from <paramref name="source"/> to <paramref name="target"/> of at most
    /// <paramref name="maxHops"/> hops, edges taken in either direction: exactly the first k in <see cref="PathOrder"/>.
    /// Yen's algorithm holds for any order in which a fixed prefix plus the least spur is the least path with that prefix,
    /// as (length, id sequence) is; so each spur search returns the least path in that order: shortest, and of those the
    /// one with the least id sequence (<see cref="ShortestPath"/>).
    /// </summary>
    public List<OrdinalPath> ShortestPaths(int source, int target, EdgeFilter filter, int maxHops, int k)
    {
        var found = new List<OrdinalPath>();
        if (k <= 0 || maxHops <= 0 || source == target) return found;
        var scratch = ScratchPool.TryTake(out var s) ? s : new BfsScratch();
        try
        {
            scratch.EnsureCapacity(index.NodeCount, index.EdgeCount);
            var first = ShortestPath(scratch, source, target, filter, maxHops, [], []);
            if (first is null) return found;
            found.Add(first);
            var seen = new HashSet<string> { Key(first) };
            var candidates = new SortedSet<OrdinalPath>(Comparer<OrdinalPath>.Create(ComparePaths));
            while (found.Count < k)
            {
                // A deviation of the last path found may come before candidates already held, even of equal length, so
                // every found path is deviated from before the next is taken.
                var previous = found[^1];
                var need = k - found.Count;
                for (var i = 0; i < previous.Edges.Length; i++)
                {
                    // Only candidates no longer than the need-th best one held can still be chosen; search no further than that.
                    var bound = candidates.Count >= need ? candidates.ElementAt(need - 1).Edges.Length : maxHops;
                    if (i + 1 > bound) break;
                    var spurNode = previous.Nodes[i];
                    var blockedEdges = new List<int>();
                    foreach (var p in found)
                    {
                        if (p.Edges.Length > i && p.Edges.AsSpan(0, i).SequenceEqual(previous.Edges.AsSpan(0, i)))
                            blockedEdges.Add(p.Edges[i]);
                    }
                    var blockedNodes = previous.Nodes.AsSpan(0, i).ToArray();
                    var spur = ShortestPath(scratch, spurNode, target, filter, bound - i, blockedNodes, blockedEdges);
                    if (spur is null) continue;
                    var candidate = new OrdinalPath(
                        [.. previous.Nodes.AsSpan(0, i), .. spur.Nodes],
                        [.. previous.Edges.AsSpan(0, i), .. spur.Edges]);
                    if (seen.Add(Key(candidate))) candidates.Add(candidate);
                }
                if (candidates.Count == 0) break;
                var best = candidates.Min!;
                candidates.Remove(best);
                found.Add(best);
            }
        }
        finally
        {
            ScratchPool.Add(scratch);
        }
        return found;
    }

    private int ComparePaths(OrdinalPath a, OrdinalPath b) => PathOrder.Compare<int>(a.Edges, b.Edges, index.EdgeName);

    private static string Key(OrdinalPath p) => string.Join(',', p.Edges);

    /// <summary>
    /// The least path in <see cref="PathOrder"/> of at most <paramref name="maxHops"/> hops, avoiding
    /// <paramref name="blockedNodes"/> and <paramref name="blockedEdges"/>. A bidirectional BFS (each round expands the
    /// cheaper frontier by one whole level) finds the distance d = a + b when the forward levels 0..a meet the backward
    /// levels 0..b; then <see cref="LeastShortestPath"/> picks, of all paths of length d, the one with the least ids.
    /// </summary>
    private OrdinalPath? ShortestPath(BfsScratch scratch, int source, int target, EdgeFilter filter, int maxHops,
        int[] blockedNodes, List<int> blockedEdges)
    {
        if (maxHops <= 0) return null;
        var stamp = scratch.NextStamp();
        foreach (var n in blockedNodes) scratch.Blocked[n] = stamp;
        foreach (var e in blockedEdges) scratch.BlockedEdge[e] = stamp;
        if (scratch.Blocked[source] == stamp || scratch.Blocked[target] == stamp) return null;
        var sides = new[] { new BfsSide(scratch.ForwardMark, scratch.ForwardDepth),
                            new BfsSide(scratch.BackwardMark, scratch.BackwardDepth) };
        sides[0].Visit(source, 0, stamp);
        sides[1].Visit(target, 0, stamp);
        var frontiers = new[] { new List<int> { source }, new List<int> { target } };
        var levels = new int[2];
        int meet = -1, bestLength = int.MaxValue;

        while (frontiers[0].Count > 0 && frontiers[1].Count > 0 && levels[0] + levels[1] < maxHops)
        {
            // Expand the side whose next level costs less: the one whose frontier has fewer incident relationships.
            var s = IncidentCount(frontiers[0]) <= IncidentCount(frontiers[1]) ? 0 : 1;
            var side = sides[s];
            var other = sides[1 - s];
            var next = new List<int>();
            foreach (var node in frontiers[s])
            {
                foreach (var e in index.Incident(node))
                {
                    if (scratch.BlockedEdge[e] == stamp) continue;
                    ref readonly var edge = ref index.Edge(e);
                    if (!filter.Allows(edge)) continue;
                    var v = edge.Other(node);
                    if (scratch.Blocked[v] == stamp || side.Mark[v] == stamp) continue;
                    side.Visit(v, levels[s] + 1, stamp);
                    next.Add(v);
                    if (other.Mark[v] == stamp && levels[s] + 1 + other.Depth[v] < bestLength)
                    {
                        bestLength = levels[s] + 1 + other.Depth[v];
                        meet = v;
                    }
                }
            }
            levels[s]++;
            frontiers[s] = next;
            if (meet >= 0) break;
        }
        if (meet < 0 || bestLength > maxHops) return null;
        return LeastShortestPath(scratch, source, sides[0], sides[1], levels[0], bestLength, stamp, filter);
    }

    /// <summary>
    /// Of the paths of length <paramref name="length"/> = a + b from <paramref name="source"/> (a = <paramref name="forwardLevels"/>),
    /// the one with the least relationship ids. Incidence lists are in id order, so it is the first found walking from the
    /// source taking relationships in list order, keeping only steps that stay on a shortest path. Node i of such a path
    /// lies at forward depth i, and node a on it is reached by both searches; beyond a, a node at backward depth
    /// d − i − 1 always continues one (backward depths up to b are exact). Up to node a a depth-first search finds the
    /// first step that can reach a node met by both, marking nodes that cannot so each is tried once.
    /// </summary>
    private OrdinalPath LeastShortestPath(BfsScratch scratch, int source, BfsSide forward, BfsSide backward,
        int forwardLevels, int length, int stamp, EdgeFilter filter)
    {
        var nodes = new int[length + 1];
        var edges = new int[length];
        nodes[0] = source;
        if (!Descend(0)) throw new InvalidOperationException("a shortest path the search found could not be retraced");
        for (var i = forwardLevels; i < length; i++)
        {
            var node = nodes[i];
            foreach (var e in index.Incident(node))
            {
                var v = Step(node, e);
                if (v < 0 || backward.Mark[v] != stamp || backward.Depth[v] != length - i - 1) continue;
                nodes[i + 1] = v;
                edges[i] = e;
                break;
            }
        }
        return new OrdinalPath(nodes, edges);

        // Whether a path from nodes[i] (at forward depth i) reaches, at depth a, a node the backward search reached.
        bool Descend(int i)
        {
            if (i == forwardLevels) return backward.Mark[nodes[i]] == stamp;
            var node = nodes[i];
            foreach (var e in index.Incident(node))
            {
                var v = Step(node, e);
                if (v < 0 || forward.Mark[v] != stamp || forward.Depth[v] != i + 1 || scratch.Dead[v] == stamp) continue;
                nodes[i + 1] = v;
                edges[i] = e;
                if (Descend(i + 1)) return true;
                scratch.Dead[v] = stamp;
            }
            return false;
        }

        // The node across e from node if the search may take e (not blocked, allowed, to an unblocked node), else -1.
        int Step(int node, int e)
        {
            if (scratch.BlockedEdge[e] == stamp) return -1;
            ref readonly var edge = ref index.Edge(e);
            if (!filter.Allows(edge)) return -1;
            var v = edge.Other(node);
            return scratch.Blocked[v] == stamp ? -1 : v;
        }
    }

    private long IncidentCount(List<int> frontier)
    {
        long total = 0;
        foreach (var node in frontier) total += index.Incident(node).Length;
        return total;
    }

    private readonly record struct BfsSide(int[] Mark, int[] Depth)
    {
        public void Visit(int node, int depth, int stamp)
        {
            Mark[node] = stamp;
            Depth[node] = depth;
        }
    }

    /// <summary>Per-search arrays reused across searches; a stamp marks which entries belong to the current search.</summary>
    private sealed class BfsScratch
    {
        private int _stamp;
        public int[] Blocked = [], BlockedEdge = [], ForwardMark = [], ForwardDepth = [],
            BackwardMark = [], BackwardDepth = [], Dead = [];

        public void EnsureCapacity(int nodes, int edges)
        {
            if (BlockedEdge.Length < edges)
            {
                BlockedEdge = new int[Math.Max(edges, BlockedEdge.Length * 2)];
                _stamp = 0;
                Array.Clear(Blocked); Array.Clear(ForwardMark); Array.Clear(BackwardMark); Array.Clear(Dead);
            }
            if (Blocked.Length >= nodes) return;
            var size = Math.Max(nodes, Blocked.Length * 2);
            Blocked = new int[size];
            ForwardMark = new int[size];
            ForwardDepth = new int[size];
            BackwardMark = new int[size];
            BackwardDepth = new int[size];
            Dead = new int[size];
            Array.Clear(BlockedEdge);
            _stamp = 0;
        }

        public int NextStamp()
        {
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(Blocked); Array.Clear(BlockedEdge); Array.Clear(ForwardMark); Array.Clear(BackwardMark); Array.Clear(Dead);
                _stamp = 1;
            }
            return _stamp;
        }
    }
}
