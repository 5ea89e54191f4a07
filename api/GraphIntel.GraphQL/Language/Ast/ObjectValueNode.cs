namespace GraphIntel.GraphQL.Language;

/// <summary>ObjectValue : { } | { ObjectField+ }</summary>
public sealed class ObjectValueNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ObjectValue;

    /// <summary>The fields, in source order.</summary>
    public IReadOnlyList<ObjectFieldNode> Fields { get; init; } = [];
}
