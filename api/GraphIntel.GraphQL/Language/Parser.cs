namespace GraphIntel.GraphQL.Language;

/// <summary>
/// A recursive-descent parser for GraphQL documents (spec §2 "Language" and §3 "Type System"): one method per
/// grammar production, split in partial files by spec section.
/// </summary>
public ref partial struct Parser
{
    /// <summary>Parses an executable or type-system document.</summary>
    /// <exception cref="GraphQLSyntaxException">The text is not a valid document, or exceeds a limit in <paramref name="options"/>.</exception>
    public static DocumentNode Parse(string source, ParseOptions? options = null) => Parse(new Source(source), options);

    /// <summary>Parses an executable or type-system document.</summary>
    public static DocumentNode Parse(Source source, ParseOptions? options = null) => throw new NotImplementedException();

    /// <summary>Parses a single value (e.g. <c>[1, "two", {three: $four}]</c>); variables are allowed.</summary>
    public static ValueNode ParseValue(string source, ParseOptions? options = null) => throw new NotImplementedException();

    /// <summary>Parses a constant value (variables are a syntax error).</summary>
    public static ValueNode ParseConstValue(string source, ParseOptions? options = null) => throw new NotImplementedException();

    /// <summary>Parses a type reference (e.g. <c>[String!]!</c>).</summary>
    public static TypeNode ParseType(string source, ParseOptions? options = null) => throw new NotImplementedException();
}
