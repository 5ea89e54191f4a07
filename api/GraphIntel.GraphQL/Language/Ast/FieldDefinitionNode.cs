namespace GraphIntel.GraphQL.Language;

/// <summary>FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?</summary>
public sealed class FieldDefinitionNode : Node, IHasDirectives, IHasDescription
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.FieldDefinition;

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <summary>The field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The argument definitions (empty when none).</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    /// <summary>The output type.</summary>
    public required TypeNode Type { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
