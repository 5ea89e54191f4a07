namespace GraphIntel.GraphQL.Language;

/// <summary>IntValue :: IntegerPart</summary>
public sealed class IntValueNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.IntValue;

    /// <summary>The digits as written in the source.</summary>
    public required string Value { get; init; }
}
