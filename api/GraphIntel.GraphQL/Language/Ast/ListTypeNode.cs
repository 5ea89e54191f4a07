namespace GraphIntel.GraphQL.Language;

/// <summary>ListType : [ Type ]</summary>
public sealed class ListTypeNode : TypeNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ListType;

    /// <summary>The item type.</summary>
    public required TypeNode Type { get; init; }
}
