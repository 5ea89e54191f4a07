namespace GraphIntel.GraphQL.Language;

/// <summary>EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?</summary>
public sealed class EnumTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.EnumTypeDefinition;

    /// <summary>The values (empty when none).</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}
