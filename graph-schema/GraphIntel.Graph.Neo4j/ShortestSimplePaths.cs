using GraphIntel.Graph.Model;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j;

/// <summary>
/// The first k simple paths in <see cref="PathOrder"/> between two nodes of a small in-memory multigraph, following
/// relationships in either direction. Parallel relationships make distinct paths. Lengths are tried in increasing
/// order; within a length, depth-first search takes each node's relationships in id order, which enumerates the paths
/// of that length in order of their id sequences, so stopping at k leaves exactly the first k.
/// Exact hop distances to the target prune every branch that cannot arrive within the length being tried.
/// </summary>
internal static class ShortestSimplePaths
{
    public sealed record Found(IReadOnlyList<string> Nodes, IReadOnlyList<Relationship> Relationships);

    public static IReadOnlyList<Found> Find(IEnumerable<Relationship> edges, string from, string to, int maxHops, int k)
    {
        var adjacency = new Dictionary<string, List<Relationship>>(StringComparer.Ordinal);
        foreach (var r in edges)
        {
            if (r.FromId == r.ToId) continue;
            Add(adjacency, r.FromId, r);
            Add(adjacency, r.ToId, r);
        }
        foreach (var list in adjacency.Values) list.Sort((a, b) => PathOrder.CompareIds(a.Id, b.Id));

        var distance = DistancesTo(adjacency, to);
        if (!distance.TryGetValue(from, out var shortest) || shortest > maxHops) return [];

        var found = new List<Found>();
        var nodes = new List<string> { from };
        var rels = new List<Relationship>();
        var onPath = new HashSet<string>(StringComparer.Ordinal) { from };
        for (var length = shortest; length <= maxHops && found.Count < k; length++)
            Search(from, length);
        return found;

        void Search(string node, int length)
        {
            if (found.Count >= k) return;
            if (node == to)
            {
                if (rels.Count == length) found.Add(new Found(nodes.ToArray(), rels.ToArray()));
                return;
            }
            var remaining = length - rels.Count;
            foreach (var r in adjacency[node])
            {
                var next = r.OtherEnd(node);
                if (onPath.Contains(next) || !distance.TryGetValue(next, out var d) || d > remaining - 1) continue;
                nodes.Add(next); rels.Add(r); onPath.Add(next);
                Search(next, length);
                nodes.RemoveAt(nodes.Count - 1); rels.RemoveAt(rels.Count - 1); onPath.Remove(next);
                if (found.Count >= k) return;
            }
        }
    }

    private static void Add(Dictionary<string, List<Relationship>> adjacency, string node, Relationship r)
    {
        if (!adjacency.TryGetValue(node, out var list)) adjacency[node] = list = [];
        list.Add(r);
    }

    private static Dictionary<string, int> DistancesTo(Dictionary<string, List<Relationship>> adjacency, string target)
    {
        var distance = new Dictionary<string, int>(StringComparer.Ordinal) { [target] = 0 };
        if (!adjacency.ContainsKey(target)) return distance;
        var queue = new Queue<string>();
        queue.Enqueue(target);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var r in adjacency[node])
            {
                var next = r.OtherEnd(node);
                if (distance.TryAdd(next, distance[node] + 1)) queue.Enqueue(next);
            }
        }
        return distance;
    }
}
