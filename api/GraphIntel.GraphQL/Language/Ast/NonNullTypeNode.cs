namespace GraphIntel.GraphQL.Language;

/// <summary>NonNullType : NamedType ! | ListType !</summary>
public sealed class NonNullTypeNode : TypeNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.NonNullType;

    /// <summary>The nullable type made non-null (a NamedTypeNode or ListTypeNode).</summary>
    public required TypeNode Type { get; init; }
}
