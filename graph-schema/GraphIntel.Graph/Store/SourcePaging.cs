using System.Text;
using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store;

/// <summary>
/// How sources are paged, the same for every backend: in id order, each source's cursor is "source:" and its id in
/// base64. A backend reads the sources after <see cref="AfterId"/> (at most <see cref="SourceQuery.First"/> + 1 of
/// them), the total count and whether the cursor's source exists, and <see cref="Page"/> makes the page.
/// </summary>
public static class SourcePaging
{
    private const string Prefix = "source:";

    public static string Cursor(string sourceId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + sourceId));

    /// <summary>
    /// The id of the source <paramref name="query"/>'s page starts after, or null for the first page. Throws
    /// <see cref="InvalidCursorException"/> for a cursor this paging did not issue.
    /// </summary>
    public static string? AfterId(SourceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.First < 0) throw new ArgumentOutOfRangeException(nameof(query), query.First, "SourceQuery.First must not be negative");
        if (query.After is not { } cursor) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            // Only the exact text this paging issued: another spelling of the same bytes is not one of its cursors.
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && Cursor(text[Prefix.Length..]) == cursor) return text[Prefix.Length..];
        }
        catch (FormatException)
        {
        }
        throw new InvalidCursorException(cursor);
    }

    /// <summary>
    /// The page of <paramref name="query"/> from the sources after its cursor, in id order (<paramref name="read"/>: up to
    /// First + 1, the extra one telling there is a next page). Throws <see cref="InvalidCursorException"/> when the
    /// cursor's source does not exist (<paramref name="afterExists"/>).
    /// </summary>
    public static SourcePage Page(SourceQuery query, IReadOnlyList<Source> read, int totalCount, bool afterExists)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(read);
        if (query.After is not null && !afterExists) throw new InvalidCursorException(query.After);
        var items = read.Take(query.First).ToList();
        var cursors = items.Select(s => Cursor(s.Id)).ToList();
        return new SourcePage(items, read.Count > query.First, totalCount, cursors.LastOrDefault()) { Cursors = cursors };
    }
}
