namespace GraphIntel.GraphQL.Language;

/// <summary>Name :: NameStart NameContinue* (a lexical token).</summary>
public sealed class NameNode : Node
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Name;

    /// <summary>The name text.</summary>
    public required string Value { get; init; }
}
