namespace GraphIntel.GraphQL.Language;

/// <summary>UnionTypeExtension : extend union Name Directives[Const]? UnionMemberTypes | extend union Name Directives[Const]</summary>
public sealed class UnionTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.UnionTypeExtension;

    /// <summary>The added member types (empty when none).</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}
