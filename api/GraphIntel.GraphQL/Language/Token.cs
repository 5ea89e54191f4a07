namespace GraphIntel.GraphQL.Language;

/// <summary>
/// A lexical token: its kind, the character offsets it spans (<see cref="Start"/> inclusive, <see cref="End"/> exclusive)
/// and the 1-based line and column where it starts. The text is read from the <see cref="Lexer"/> on demand.
/// </summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column)
{
    /// <summary>The 1-based position of the token's first character.</summary>
    public SourceLocation Location => new(Line, Column);
}
