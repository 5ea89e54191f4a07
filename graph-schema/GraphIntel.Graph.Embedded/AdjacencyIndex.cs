using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Embedded;

/// <summary>A relationship as traversal sees it: interned endpoints, type, status and its <see cref="TemporalProfile"/>.</summary>
internal struct EdgeRef
{
    public int From;
    public int To;
    /// <summary>What asOf filters decide by (<see cref="TemporalProfile.StatusOn(int, int)"/>).</summary>
    public TemporalProfile Time;
    public RelationshipType Type;
    public ClaimStatus Status;

    public readonly int Other(int node) => From == node ? To : From;
}

/// <summary>
/// The relationship graph in memory for traversals: entity and relationship ids interned as ints, edges in a struct
/// array, per-entity incidence lists kept sorted by relationship id (so every traversal visits edges in one stable
/// order). Built once from the database, then patched by each committed write. Not thread-safe: the store guards it.
/// </summary>
internal sealed class AdjacencyIndex
{
    private readonly Dictionary<string, int> _nodeByName = new(StringComparer.Ordinal);
    private readonly List<string> _nodeNames = [];
    private readonly Dictionary<string, int> _edgeByName = new(StringComparer.Ordinal);
    private readonly List<string> _edgeNames = [];
    private EdgeRef[] _edges = new EdgeRef[16];
    private int[][] _incidence = new int[16][];
    private int[] _degree = new int[16];

    public int NodeCount => _nodeNames.Count;
    public int EdgeCount => _edgeNames.Count;

    public string NodeName(int node) => _nodeNames[node];
    public string EdgeName(int edge) => _edgeNames[edge];
    public ref readonly EdgeRef Edge(int edge) => ref _edges[edge];
    public bool TryGetNode(string id, out int node) => _nodeByName.TryGetValue(id, out node);

    /// <summary>The relationships touching <paramref name="node"/>, in relationship id order.</summary>
    public ReadOnlySpan<int> Incident(int node) => _incidence[node].AsSpan(0, _degree[node]);

    /// <summary>
    /// Builds the index from relationships delivered in relationship id order. That is the database's order (UTF-8
    /// bytes), which is <see cref="PathOrder.CompareIds"/> (code points) for well-formed text; were it not, the
    /// incidence lists are sorted again.
    /// </summary>
    public static AdjacencyIndex Build(IEnumerable<(string Id, RelationshipType Type, string From, string To, TemporalProfile Time, ClaimStatus Status)> edgesInIdOrder)
    {
        var index = new AdjacencyIndex();
        var inOrder = true;
        string? previous = null;
        foreach (var (id, type, from, to, time, status) in edgesInIdOrder)
        {
            inOrder &= previous is null || PathOrder.CompareIds(previous, id) < 0;
            previous = id;
            var edge = index.NewEdge(id);
            index._edges[edge] = new EdgeRef
            {
                From = index.Intern(from), To = index.Intern(to), Type = type, Status = status, Time = time,
            };
        }
        var degree = new int[index._nodeNames.Count];
        for (var e = 0; e < index.EdgeCount; e++)
        {
            degree[index._edges[e].From]++;
            if (index._edges[e].To != index._edges[e].From) degree[index._edges[e].To]++;
        }
        index._incidence = new int[Math.Max(16, degree.Length)][];
        for (var n = 0; n < degree.Length; n++) index._incidence[n] = new int[degree[n]];
        index._degree = new int[index._incidence.Length];
        for (var e = 0; e < index.EdgeCount; e++)
        {
            ref var edge = ref index._edges[e];
            index._incidence[edge.From][index._degree[edge.From]++] = e;
            if (edge.To != edge.From) index._incidence[edge.To][index._degree[edge.To]++] = e;
        }
        if (!inOrder)
        {
            var byId = Comparer<int>.Create((a, b) => PathOrder.CompareIds(index._edgeNames[a], index._edgeNames[b]));
            for (var n = 0; n < degree.Length; n++) Array.Sort(index._incidence[n], 0, index._degree[n], byId);
        }
        return index;
    }

    /// <summary>Adds or updates one relationship (a write's delta).</summary>
    public void Upsert(Relationship r)
    {
        var from = Intern(r.FromId);
        var to = Intern(r.ToId);
        var updated = new EdgeRef
        {
            From = from, To = to, Type = r.Type, Status = r.Status, Time = TemporalProfile.Of(r),
        };
        if (_edgeByName.TryGetValue(r.Id, out var edge))
        {
            var old = _edges[edge];
            if (old.From != from || old.To != to)
            {
                Detach(old.From, edge);
                if (old.To != old.From) Detach(old.To, edge);
                Attach(from, edge, r.Id);
                if (to != from) Attach(to, edge, r.Id);
            }
            _edges[edge] = updated;
            return;
        }
        edge = NewEdge(r.Id);
        _edges[edge] = updated;
        Attach(from, edge, r.Id);
        if (to != from) Attach(to, edge, r.Id);
    }

    private int NewEdge(string id)
    {
        var edge = _edgeNames.Count;
        _edgeNames.Add(id);
        _edgeByName[id] = edge;
        if (edge == _edges.Length) Array.Resize(ref _edges, _edges.Length * 2);
        return edge;
    }

    private int Intern(string id)
    {
        if (_nodeByName.TryGetValue(id, out var node)) return node;
        node = _nodeNames.Count;
        _nodeNames.Add(id);
        _nodeByName[id] = node;
        if (node >= _incidence.Length)
        {
            Array.Resize(ref _incidence, _incidence.Length * 2);
            Array.Resize(ref _degree, _incidence.Length);
        }
        _incidence[node] ??= [];
        return node;
    }

    /// <summary>Inserts an edge into a node's incidence list at its place in relationship id order.</summary>
    private void Attach(int node, int edge, string edgeId)
    {
        var list = _incidence[node];
        var count = _degree[node];
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (PathOrder.CompareIds(_edgeNames[list[mid]], edgeId) < 0) lo = mid + 1; else hi = mid;
        }
        if (count == list.Length) Array.Resize(ref list, Math.Max(4, count * 2));
        Array.Copy(list, lo, list, lo + 1, count - lo);
        list[lo] = edge;
        _incidence[node] = list;
        _degree[node] = count + 1;
    }

    private void Detach(int node, int edge)
    {
        var list = _incidence[node];
        var count = _degree[node];
        var at = Array.IndexOf(list, edge, 0, count);
        if (at < 0) return;
        Array.Copy(list, at + 1, list, at, count - at - 1);
        _degree[node] = count - 1;
    }
}
