namespace GraphIntel.GraphQL.Language;

/// <summary>SelectionSet : { Selection+ }</summary>
public sealed class SelectionSetNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.SelectionSet;

    /// <summary>The selections, in source order.</summary>
    public IReadOnlyList<SelectionNode> Selections { get; init; } = [];
}
