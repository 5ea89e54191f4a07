namespace GraphIntel.GraphQL.Language;

/// <summary>StringValue :: " StringCharacter* " | """ BlockStringCharacter* """</summary>
public sealed class StringValueNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.StringValue;

    /// <summary>The string value (escapes resolved; block strings dedented).</summary>
    public required string Value { get; init; }

    /// <summary>Whether it was written as a block string.</summary>
    public bool Block { get; init; }
}
