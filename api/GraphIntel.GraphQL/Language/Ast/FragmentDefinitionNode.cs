namespace GraphIntel.GraphQL.Language;

/// <summary>FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet</summary>
public sealed class FragmentDefinitionNode : ExecutableDefinitionNode, IHasDescription
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.FragmentDefinition;

    /// <summary>The description (current draft: descriptions on executable definitions), or null.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The fragment name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The type condition.</summary>
    public required NamedTypeNode TypeCondition { get; init; }
}
