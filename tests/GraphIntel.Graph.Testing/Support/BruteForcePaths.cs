using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// The expected answer of <c>FindPathsAsync</c>, computed without the stores' code: every simple path (no entity twice)
/// of up to maxHops relationships, taken in either direction, enumerated exhaustively, then sorted by the contract's
/// order written out here on its own: fewer relationships first, then the relationship ids compared one by one as
/// sequences of Unicode code points, the first difference deciding.
/// </summary>
public static class BruteForcePaths
{
    /// <summary>All simple paths from <paramref name="from"/> to <paramref name="to"/> over <paramref name="relationships"/>, in the contract's order; null when there are more than <paramref name="cap"/>.</summary>
    public static List<Relationship[]>? All(IEnumerable<Relationship> relationships, string from, string to, int maxHops, int cap = 20_000)
    {
        var incident = relationships.SelectMany(r => new[] { (Node: r.FromId, Rel: r), (Node: r.ToId, Rel: r) })
            .ToLookup(x => x.Node, x => x.Rel);
        var paths = new List<Relationship[]>();
        var stack = new List<Relationship>();
        var onPath = new HashSet<string> { from };
        Walk(from);
        if (paths.Count > cap) return null;
        paths.Sort(Compare);
        return paths;

        void Walk(string node)
        {
            if (node == to) { paths.Add([.. stack]); return; }
            if (stack.Count == maxHops || paths.Count > cap) return;
            foreach (var r in incident[node])
            {
                var next = r.FromId == node ? r.ToId : r.FromId;
                if (!onPath.Add(next)) continue;
                stack.Add(r);
                Walk(next);
                stack.RemoveAt(stack.Count - 1);
                onPath.Remove(next);
            }
        }
    }

    private static int Compare(Relationship[] a, Relationship[] b)
    {
        if (a.Length != b.Length) return a.Length < b.Length ? -1 : 1;
        for (var i = 0; i < a.Length; i++)
        {
            var (x, y) = (a[i].Id.EnumerateRunes().Select(r => r.Value).ToArray(), b[i].Id.EnumerateRunes().Select(r => r.Value).ToArray());
            for (var c = 0; c < Math.Min(x.Length, y.Length); c++)
                if (x[c] != y[c]) return x[c] < y[c] ? -1 : 1;
            if (x.Length != y.Length) return x.Length < y.Length ? -1 : 1;
        }
        return 0;
    }

    /// <summary>A path as its relationship ids joined, for comparing answers.</summary>
    public static string Key(IEnumerable<Relationship> path) => string.Join(" ", path.Select(r => r.Id));
}
