namespace GraphIntel.GraphQL.Language;

/// <summary>DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations</summary>
public sealed class DirectiveDefinitionNode : TypeSystemDefinitionNode, IHasDescription
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.DirectiveDefinition;

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <summary>The directive name, without the "@".</summary>
    public required NameNode Name { get; init; }

    /// <summary>The argument definitions (empty when none).</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    /// <summary>Whether the directive is repeatable.</summary>
    public bool Repeatable { get; init; }

    /// <summary>The directive locations (e.g. FIELD, OBJECT).</summary>
    public IReadOnlyList<NameNode> Locations { get; init; } = [];
}
