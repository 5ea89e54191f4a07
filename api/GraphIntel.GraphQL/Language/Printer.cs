namespace GraphIntel.GraphQL.Language;

/// <summary>Prints an AST as GraphQL, exactly as graphql-js <c>print</c> does.</summary>
public static partial class Printer
{
    /// <summary>Prints <paramref name="node"/>.</summary>
    public static string Print(Node node) => throw new NotImplementedException("Printer is being written.");
}
