namespace GraphIntel.GraphQL.Language;

/// <summary>RootOperationTypeDefinition : OperationType : NamedType</summary>
public sealed class OperationTypeDefinitionNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.OperationTypeDefinition;

    /// <summary>The operation type.</summary>
    public OperationType Operation { get; init; }

    /// <summary>The root type for it.</summary>
    public required NamedTypeNode Type { get; init; }
}
