namespace GraphIntel.GraphQL.Language;

/// <summary>BooleanValue : one of true false</summary>
public sealed class BooleanValueNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.BooleanValue;

    /// <summary>The value.</summary>
    public bool Value { get; init; }
}
