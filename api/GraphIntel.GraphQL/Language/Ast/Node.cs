namespace GraphIntel.GraphQL.Language;

/// <summary>The base of every AST node.</summary>
public abstract class Node
{
    /// <summary>What kind of node this is.</summary>
    public abstract NodeKind Kind { get; }

    /// <summary>Where the node lies in its source; null when parsed with <see cref="ParseOptions.NoLocation"/> or built by hand.</summary>
    public Location? Location { get; init; }

    /// <summary>The node printed as GraphQL (graphql-js <c>print</c>).</summary>
    public override string ToString() => Printer.Print(this);
}
