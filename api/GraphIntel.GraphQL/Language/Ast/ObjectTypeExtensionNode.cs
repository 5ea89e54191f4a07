namespace GraphIntel.GraphQL.Language;

/// <summary>ObjectTypeExtension : extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition (or with only interfaces or directives)</summary>
public sealed class ObjectTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ObjectTypeExtension;

    /// <summary>The added interfaces (empty when none).</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    /// <summary>The added fields (empty when none).</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}
