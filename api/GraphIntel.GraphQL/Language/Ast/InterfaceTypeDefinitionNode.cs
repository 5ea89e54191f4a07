namespace GraphIntel.GraphQL.Language;

/// <summary>InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?</summary>
public sealed class InterfaceTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.InterfaceTypeDefinition;

    /// <summary>The implemented interfaces (empty when none).</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    /// <summary>The fields (empty when none).</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}
