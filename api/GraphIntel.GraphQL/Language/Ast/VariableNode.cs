namespace GraphIntel.GraphQL.Language;

/// <summary>Variable : $ Name</summary>
public sealed class VariableNode : ValueNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Variable;

    /// <summary>The variable name, without the "$".</summary>
    public required NameNode Name { get; init; }
}
