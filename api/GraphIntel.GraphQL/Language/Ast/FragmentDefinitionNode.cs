namespace GraphIntel.GraphQL.Language;

/// <summary>FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet</summary>
public sealed class FragmentDefinitionNode : ExecutableDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.FragmentDefinition;

    /// <summary>The fragment name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The type condition.</summary>
    public required NamedTypeNode TypeCondition { get; init; }
}
