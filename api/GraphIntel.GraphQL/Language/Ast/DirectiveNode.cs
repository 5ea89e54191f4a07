namespace GraphIntel.GraphQL.Language;

/// <summary>Directive : @ Name Arguments?</summary>
public sealed class DirectiveNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Directive;

    /// <summary>The directive name, without the "@".</summary>
    public required NameNode Name { get; init; }

    /// <summary>The arguments (empty when none).</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
}
