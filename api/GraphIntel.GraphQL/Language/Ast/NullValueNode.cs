namespace GraphIntel.GraphQL.Language;

/// <summary>NullValue : null</summary>
public sealed class NullValueNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.NullValue;
}
