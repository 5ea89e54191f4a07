namespace GraphIntel.GraphQL.Language;

/// <summary>EnumValue : Name but not true or false or null</summary>
public sealed class EnumValueNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.EnumValue;

    /// <summary>The enum value name.</summary>
    public required string Value { get; init; }
}
