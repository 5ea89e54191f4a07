namespace GraphIntel.GraphQL.Language;

/// <summary>InlineFragment : ... TypeCondition? Directives? SelectionSet</summary>
public sealed class InlineFragmentNode : SelectionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.InlineFragment;

    /// <summary>The type condition, or null.</summary>
    public NamedTypeNode? TypeCondition { get; init; }

    /// <summary>The selections.</summary>
    public required SelectionSetNode SelectionSet { get; init; }
}
