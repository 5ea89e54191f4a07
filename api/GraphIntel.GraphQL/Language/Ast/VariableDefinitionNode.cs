namespace GraphIntel.GraphQL.Language;

/// <summary>VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?</summary>
public sealed class VariableDefinitionNode : Node, IHasDirectives, IHasDescription
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.VariableDefinition;

    /// <summary>The description (current draft), or null.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The variable being defined.</summary>
    public required VariableNode Variable { get; init; }

    /// <summary>The declared input type.</summary>
    public required TypeNode Type { get; init; }

    /// <summary>The default value (a constant), or null.</summary>
    public ValueNode? DefaultValue { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
