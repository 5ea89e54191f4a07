namespace GraphIntel.GraphQL.Language;

/// <summary>
/// A syntax error found by the <see cref="Lexer"/> or <see cref="Parser"/>: one <see cref="GraphQLError"/>
/// whose message starts with "Syntax Error: " and whose location is where the problem is.
/// </summary>
public sealed class GraphQLSyntaxException : GraphQLException
{
    /// <summary>Creates a syntax error at <paramref name="position"/> (a character offset) in <paramref name="source"/>.</summary>
    public GraphQLSyntaxException(Source source, int position, string description)
        : base(new GraphQLError("Syntax Error: " + description, [source.GetLocation(position)]))
    {
        GraphQLSource = source;
        Position = position;
        Description = description;
    }

    /// <summary>The source text that failed to parse.</summary>
    public Source GraphQLSource { get; }

    /// <summary>The character offset of the problem.</summary>
    public int Position { get; }

    /// <summary>The message without the "Syntax Error: " prefix.</summary>
    public string Description { get; }

    /// <summary>The 1-based line and column of the problem.</summary>
    public SourceLocation Location => Errors[0].Locations![0];
}
