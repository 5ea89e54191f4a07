namespace GraphIntel.GraphQL.Language;

/// <summary>FloatValue :: IntegerPart FractionalPart | IntegerPart ExponentPart | IntegerPart FractionalPart ExponentPart</summary>
public sealed class FloatValueNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.FloatValue;

    /// <summary>The number as written in the source.</summary>
    public required string Value { get; init; }
}
