namespace GraphIntel.GraphQL.Language;

/// <summary>InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?</summary>
public sealed class InputValueDefinitionNode : Node, IHasDirectives, IHasDescription
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.InputValueDefinition;

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <summary>The argument or input field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The input type.</summary>
    public required TypeNode Type { get; init; }

    /// <summary>The default value (a constant), or null.</summary>
    public ValueNode? DefaultValue { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
