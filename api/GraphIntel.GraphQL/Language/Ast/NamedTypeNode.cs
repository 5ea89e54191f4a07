namespace GraphIntel.GraphQL.Language;

/// <summary>NamedType : Name</summary>
public sealed class NamedTypeNode : TypeNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.NamedType;

    /// <summary>The type name.</summary>
    public required NameNode Name { get; init; }
}
