namespace GraphIntel.GraphQL.Language;

/// <summary>ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?</summary>
public sealed class ObjectTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ObjectTypeDefinition;

    /// <summary>The implemented interfaces (empty when none).</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    /// <summary>The fields (empty when none).</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}
