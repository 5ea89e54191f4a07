namespace GraphIntel.GraphQL.Language;

/// <summary>EnumValueDefinition : Description? EnumValue Directives[Const]?</summary>
public sealed class EnumValueDefinitionNode : Node, IHasDirectives, IHasDescription
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.EnumValueDefinition;

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <summary>The enum value name.</summary>
    public required NameNode Name { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
