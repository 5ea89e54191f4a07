using System.Collections.Concurrent;
using GraphIntel.Graph.Ontology;

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
    /// <paramref name="maxHops"/> hops, edges taken in either direction: Yen's algorithm over bidirectional BFS.
    /// Ordered by length, then by the sequence of relationship ids.
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
                var previous = found[^1];
                var need = k - found.Count;
                // No later path is shorter than the last one found: if enough candidates already have its length, they finish the list.
                if (candidates.TakeWhile(c => c.Edges.Length == previous.Edges.Length).Count() >= need)
                {
                    found.AddRange(candidates.Take(need));
                    break;
                }
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
        found.Sort(ComparePaths);
        return found;
    }

    private int ComparePaths(OrdinalPath a, OrdinalPath b)
    {
        if (a.Edges.Length != b.Edges.Length) return a.Edges.Length.CompareTo(b.Edges.Length);
        for (var i = 0; i < a.Edges.Length; i++)
        {
            var c = string.CompareOrdinal(index.EdgeName(a.Edges[i]), index.EdgeName(b.Edges[i]));
            if (c != 0) return c;
        }
        return 0;
    }

    private static string Key(OrdinalPath p) => string.Join(',', p.Edges);

    /// <summary>
    /// One shortest path by bidirectional BFS, avoiding <paramref name="blockedNodes"/> and <paramref name="blockedEdges"/>,
    /// of at most <paramref name="maxHops"/> hops; each round expands the smaller frontier by one whole level.
    /// </summary>
    private OrdinalPath? ShortestPath(BfsScratch scratch, int source, int target, EdgeFilter filter, int maxHops,
        int[] blockedNodes, List<int> blockedEdges)
    {
        if (maxHops <= 0) return null;
        var stamp = scratch.NextStamp();
        foreach (var n in blockedNodes) scratch.Blocked[n] = stamp;
        foreach (var e in blockedEdges) scratch.BlockedEdge[e] = stamp;
        if (scratch.Blocked[source] == stamp || scratch.Blocked[target] == stamp) return null;
        var sides = new[] { new BfsSide(scratch.ForwardMark, scratch.ForwardParentEdge, scratch.ForwardDepth),
                            new BfsSide(scratch.BackwardMark, scratch.BackwardParentEdge, scratch.BackwardDepth) };
        sides[0].Visit(source, -1, 0, stamp);
        sides[1].Visit(target, -1, 0, stamp);
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
                    side.Visit(v, e, levels[s] + 1, stamp);
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

        var nodes = new List<int>();
        var edges = new List<int>();
        for (var n = meet; n != source;)
        {
            var e = sides[0].ParentEdge[n];
            nodes.Add(n);
            edges.Add(e);
            n = index.Edge(e).Other(n);
        }
        nodes.Add(source);
        nodes.Reverse();
        edges.Reverse();
        for (var n = meet; n != target;)
        {
            var e = sides[1].ParentEdge[n];
            edges.Add(e);
            n = index.Edge(e).Other(n);
            nodes.Add(n);
        }
        return new OrdinalPath([.. nodes], [.. edges]);
    }

    private long IncidentCount(List<int> frontier)
    {
        long total = 0;
        foreach (var node in frontier) total += index.Incident(node).Length;
        return total;
    }

    private readonly record struct BfsSide(int[] Mark, int[] ParentEdge, int[] Depth)
    {
        public void Visit(int node, int parentEdge, int depth, int stamp)
        {
            Mark[node] = stamp;
            ParentEdge[node] = parentEdge;
            Depth[node] = depth;
        }
    }

    /// <summary>Per-search arrays reused across searches; a stamp marks which entries belong to the current search.</summary>
    private sealed class BfsScratch
    {
        private int _stamp;
        public int[] Blocked = [], BlockedEdge = [], ForwardMark = [], ForwardParentEdge = [], ForwardDepth = [],
            BackwardMark = [], BackwardParentEdge = [], BackwardDepth = [];

        public void EnsureCapacity(int nodes, int edges)
        {
            if (BlockedEdge.Length < edges)
            {
                BlockedEdge = new int[Math.Max(edges, BlockedEdge.Length * 2)];
                _stamp = 0;
                Array.Clear(Blocked); Array.Clear(ForwardMark); Array.Clear(BackwardMark);
            }
            if (Blocked.Length >= nodes) return;
            var size = Math.Max(nodes, Blocked.Length * 2);
            Blocked = new int[size];
            ForwardMark = new int[size];
            ForwardParentEdge = new int[size];
            ForwardDepth = new int[size];
            BackwardMark = new int[size];
            BackwardParentEdge = new int[size];
            BackwardDepth = new int[size];
            Array.Clear(BlockedEdge);
            _stamp = 0;
        }

        public int NextStamp()
        {
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(Blocked); Array.Clear(BlockedEdge); Array.Clear(ForwardMark); Array.Clear(BackwardMark);
                _stamp = 1;
            }
            return _stamp;
        }
    }
}
