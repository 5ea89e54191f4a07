namespace GraphIntel.GraphQL.Language;

/// <summary>Field : Alias? Name Arguments? Directives? SelectionSet?</summary>
public sealed class FieldNode : SelectionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Field;

    /// <summary>The alias, or null.</summary>
    public NameNode? Alias { get; init; }

    /// <summary>The field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The arguments (empty when none).</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    /// <summary>The sub-selections, or null for a leaf field.</summary>
    public SelectionSetNode? SelectionSet { get; init; }

    /// <summary>The key of this field in the response: the alias if present, otherwise the name.</summary>
    public string ResponseKey => Alias?.Value ?? Name.Value;
}
