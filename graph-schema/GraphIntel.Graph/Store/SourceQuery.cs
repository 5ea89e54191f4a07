using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store;

/// <summary>A keyset page over sources, in id order (ordinal).</summary>
public sealed record SourceQuery
{
    public int First { get; init; } = 50;
    /// <summary>
    /// A cursor from a previous page (<see cref="SourcePage.EndCursor"/> or one of <see cref="SourcePage.Cursors"/>): the
    /// page starts after that source. A cursor that is garbled or names no stored source is refused with
    /// <see cref="InvalidCursorException"/>.
    /// </summary>
    public string? After { get; init; }
}

public sealed record SourcePage(IReadOnlyList<Source> Items, bool HasNextPage, int TotalCount, string? EndCursor)
{
    /// <summary>The cursor of each item, aligned with <see cref="Items"/>.</summary>
    public IReadOnlyList<string> Cursors { get; init; } = [];
}
