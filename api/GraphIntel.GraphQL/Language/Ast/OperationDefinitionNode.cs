namespace GraphIntel.GraphQL.Language;

/// <summary>OperationDefinition : Description? OperationType Name? VariableDefinitions? Directives? SelectionSet | SelectionSet</summary>
public sealed class OperationDefinitionNode : ExecutableDefinitionNode, IHasDescription
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.OperationDefinition;

    /// <summary>The description (current draft: descriptions on executable definitions), or null.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>query, mutation or subscription (query for the shorthand form).</summary>
    public OperationType Operation { get; init; }

    /// <summary>The operation name; null for an anonymous operation.</summary>
    public NameNode? Name { get; init; }

    /// <summary>The variable definitions (empty when none).</summary>
    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];
}
