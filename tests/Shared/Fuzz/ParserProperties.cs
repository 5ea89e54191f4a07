using GraphIntel.GraphQL.Language;

namespace GraphIntel.Testing.Fuzz;

/// <summary>
/// What the parser must do with any text, as checks that return the failure (null when the property holds), so the
/// tests assert them and the long fuzz run counts them.
/// </summary>
public static class ParserProperties
{
    /// <summary>
    /// Any text parses, or fails with a <see cref="GraphQLSyntaxException"/> — the documented error — whose message
    /// starts with "Syntax Error: " and whose single location is the line and column of its position in the text.
    /// A document that parses prints to a document that parses to the same tree (locations aside).
    /// </summary>
    public static string? ParsesOrFailsWithALocatedSyntaxError(string text)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(text);
        }
        catch (GraphQLSyntaxException e)
        {
            if (!e.Message.StartsWith("Syntax Error: ", StringComparison.Ordinal)) return $"a syntax error without the prefix: {e.Message}";
            if (e.Errors is not [{ Locations: [var location] }]) return $"a syntax error without exactly one location: {e.Message}";
            if (e.Position < 0 || e.Position > text.Length) return $"a syntax error at {e.Position}, outside the text of {text.Length} characters: {e.Message}";
            if (location != new Source(text).GetLocation(e.Position)) return $"a syntax error whose location {location} is not that of its position {e.Position}: {e.Message}";
            return null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name} escaped the parser: {e.Message}\n{e.StackTrace}";
        }
        return RoundTrips(document);
    }

    /// <summary>A valid document must parse; then print → parse gives the same tree and printing is a fixed point.</summary>
    public static string? ParsesAndRoundTrips(string text)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(text);
        }
        catch (Exception e)
        {
            return $"a valid document was refused: {e.GetType().Name}: {e.Message}";
        }
        return RoundTrips(document);
    }

    private static string? RoundTrips(DocumentNode document)
    {
        string printed;
        DocumentNode reparsed;
        try
        {
            printed = Printer.Print(document);
            reparsed = Parser.Parse(printed);
        }
        catch (Exception e)
        {
            return $"the printed document does not parse: {e.GetType().Name}: {e.Message}";
        }
        // graphql-js's print (which ours follows) writes an anonymous query as the shorthand "{ … }": after a type definition
        // without a body ("enum E" then "query { A }") the shorthand reads back as that body. Such a document mixes
        // type-system and executable definitions — never valid to execute or to build a schema from — so it is only
        // required to print to something that parses.
        if (IsMixed(document)) return null;
        if (AstEquality.FirstDifference(document, reparsed) is { } difference) return $"print → parse changed the tree at {difference}\nprinted: {printed}";
        var reprinted = Printer.Print(reparsed);
        return reprinted == printed ? null : $"printing is not a fixed point:\n{printed}\n---\n{reprinted}";
    }

    private static bool IsMixed(DocumentNode document) =>
        document.Definitions.Any(d => d is ExecutableDefinitionNode) && document.Definitions.Any(d => d is not ExecutableDefinitionNode);
}
