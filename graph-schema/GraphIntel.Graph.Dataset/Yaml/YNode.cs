namespace GraphIntel.Graph.Dataset.Yaml;

/// <summary>
/// A YAML node that remembers where it was written. The data-set reader builds this small tree from YamlDotNet's
/// parser events (rather than its representation model) so that duplicate keys are reported instead of fatal.
/// </summary>
internal abstract class YNode(DatasetLocation at)
{
    public DatasetLocation At { get; } = at;

    /// <summary>What the node is, for messages: "a mapping", "a list", "the text 'abc'".</summary>
    public abstract string Describe();
}

internal sealed class YScalar(DatasetLocation at, string value, bool isPlain) : YNode(at)
{
    public string Value { get; } = value;

    /// <summary>A plain (unquoted) <c>null</c>, <c>~</c> or nothing at all; a quoted "null" is text.</summary>
    public bool IsNull { get; } = isPlain && value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "null" : $"the text '{Value}'";
}

internal sealed class YSequence(DatasetLocation at, IReadOnlyList<YNode> items) : YNode(at)
{
    public IReadOnlyList<YNode> Items { get; } = items;

    public override string Describe() => "a list";
}

internal sealed class YMapping(DatasetLocation at, IReadOnlyList<KeyValuePair<YScalar, YNode>> entries) : YNode(at)
{
    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries { get; } = entries;

    public override string Describe() => "a mapping";
}
