namespace GraphIntel.GraphQL.Language;

/// <summary>EnumTypeExtension : extend enum Name Directives[Const]? EnumValuesDefinition | extend enum Name Directives[Const]</summary>
public sealed class EnumTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.EnumTypeExtension;

    /// <summary>The added values (empty when none).</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}
