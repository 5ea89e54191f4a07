namespace GraphIntel.GraphQL.Language;

/// <summary>SchemaExtension : extend schema Directives[Const]? { RootOperationTypeDefinition+ } | extend schema Directives[Const]</summary>
public sealed class SchemaExtensionNode : TypeSystemExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.SchemaExtension;

    /// <summary>The added root operation types (empty when none).</summary>
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}
