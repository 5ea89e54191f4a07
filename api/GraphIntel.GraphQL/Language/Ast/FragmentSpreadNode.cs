namespace GraphIntel.GraphQL.Language;

/// <summary>FragmentSpread : ... FragmentName Directives?</summary>
public sealed class FragmentSpreadNode : SelectionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.FragmentSpread;

    /// <summary>The name of the spread fragment.</summary>
    public required NameNode Name { get; init; }
}
