namespace GraphIntel.GraphQL.Language;

/// <summary>ListValue : [ ] | [ Value+ ]</summary>
public sealed class ListValueNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ListValue;

    /// <summary>The items.</summary>
    public IReadOnlyList<ValueNode> Values { get; init; } = [];
}
