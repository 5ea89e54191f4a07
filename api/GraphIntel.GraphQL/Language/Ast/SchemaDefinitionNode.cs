namespace GraphIntel.GraphQL.Language;

/// <summary>SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }</summary>
public sealed class SchemaDefinitionNode : TypeSystemDefinitionNode, IHasDirectives, IHasDescription
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.SchemaDefinition;

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The root operation types.</summary>
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}
