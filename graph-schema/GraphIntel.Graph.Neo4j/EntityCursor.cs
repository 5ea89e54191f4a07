using System.Text;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j;

/// <summary>Opaque keyset cursors over entities in (sort key, id) order.</summary>
internal static class EntityCursor
{
    public static string Encode(string sortKey, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(sortKey + "\n" + id));

    /// <summary>
    /// The key after which a page starts: none for no cursor (the first page); <see cref="InvalidCursorException"/> for
    /// any text this class did not encode, the empty string included.
    /// </summary>
    public static (string? SortKey, string? Id) Decode(string? cursor)
    {
        if (cursor is null) return (null, null);
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            var split = text.IndexOf('\n');
            if (split >= 0) return (text[..split], text[(split + 1)..]);
        }
        catch (FormatException)
        {
        }
        throw new InvalidCursorException(cursor);
    }
}
