namespace GraphIntel.GraphQL.Language;

/// <summary>
/// Where a node lies in its <see cref="Language.Source"/>: character offsets of its first and last token
/// (<see cref="Start"/> inclusive, <see cref="End"/> exclusive) and the 1-based line/column of its start token.
/// </summary>
public sealed class Location
{
    /// <summary>Creates a location.</summary>
    public Location(int start, int end, int line, int column, Source source)
    {
        Start = start;
        End = end;
        Line = line;
        Column = column;
        Source = source;
    }

    /// <summary>Offset of the first character of the node's start token.</summary>
    public int Start { get; }

    /// <summary>Offset just past the last character of the node's end token.</summary>
    public int End { get; }

    /// <summary>1-based line of the start token.</summary>
    public int Line { get; }

    /// <summary>1-based column of the start token.</summary>
    public int Column { get; }

    /// <summary>The source the node was parsed from.</summary>
    public Source Source { get; }

    /// <summary>The start token's line and column, as used in <see cref="GraphQLError.Locations"/>.</summary>
    public SourceLocation StartLocation => new(Line, Column);

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column} [{Start}..{End})";
}
