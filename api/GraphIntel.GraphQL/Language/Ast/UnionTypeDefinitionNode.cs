namespace GraphIntel.GraphQL.Language;

/// <summary>UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?</summary>
public sealed class UnionTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.UnionTypeDefinition;

    /// <summary>The member types (empty when none).</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}
