namespace GraphIntel.GraphQL.Language;

/// <summary>Argument : Name : Value</summary>
public sealed class ArgumentNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Argument;

    /// <summary>The argument name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The argument value.</summary>
    public required ValueNode Value { get; init; }
}
