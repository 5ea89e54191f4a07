namespace GraphIntel.GraphQL.Language;

/// <summary>ObjectField : Name : Value</summary>
public sealed class ObjectFieldNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ObjectField;

    /// <summary>The field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The field value.</summary>
    public required ValueNode Value { get; init; }
}
