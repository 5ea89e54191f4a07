namespace GraphIntel.Graph.Store;

/// <summary>
/// The order of the paths <see cref="IGraphStore.FindPathsAsync"/> returns, which decides which <c>first</c> of several
/// equally short paths come back: fewer hops first; paths of one length by their sequences of relationship ids,
/// compared element by element in <see cref="CodePointOrder"/> (Unicode code points), the first difference deciding (a
/// sequence that is a prefix of another comes first, which only arises between different lengths). Ids are unique, so
/// this is a total order on distinct paths, and every backend returns exactly the first <c>first</c> paths in it.
/// </summary>
public static class PathOrder
{
    /// <summary>The order of two relationship ids within the sequences: code point order.</summary>
    public static int CompareIds(string a, string b) => CodePointOrder.Compare(a, b);

    /// <summary>Compares two paths given as relationships of any representation, read as ids through <paramref name="id"/>.</summary>
    public static int Compare<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Func<T, string> id)
    {
        if (a.Length != b.Length) return a.Length.CompareTo(b.Length);
        for (var i = 0; i < a.Length; i++)
        {
            var c = CompareIds(id(a[i]), id(b[i]));
            if (c != 0) return c;
        }
        return 0;
    }
}
