namespace GraphIntel.GraphQL.Language;

/// <summary>Document : Definition+</summary>
public sealed class DocumentNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Document;

    /// <summary>The definitions, in source order.</summary>
    public IReadOnlyList<DefinitionNode> Definitions { get; init; } = [];
}
