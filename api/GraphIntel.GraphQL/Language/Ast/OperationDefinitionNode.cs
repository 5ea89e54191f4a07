namespace GraphIntel.GraphQL.Language;

/// <summary>OperationDefinition : OperationType Name? VariablesDefinition? Directives? SelectionSet | SelectionSet</summary>
public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.OperationDefinition;

    /// <summary>query, mutation or subscription (query for the shorthand form).</summary>
    public OperationType Operation { get; init; }

    /// <summary>The operation name; null for an anonymous operation.</summary>
    public NameNode? Name { get; init; }

    /// <summary>The variable definitions (empty when none).</summary>
    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];
}
