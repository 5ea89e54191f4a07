namespace GraphIntel.GraphQL.Execution;

/// <summary>A response path (spec §7.1.2 "Path"): a linked list of response keys and list indices, root first when listed.</summary>
public sealed class ResponsePath
{
    internal ResponsePath(ResponsePath? parent, object key, int depth)
    {
        Parent = parent;
        Key = key;
        Depth = depth;
    }

    /// <summary>The enclosing path, or null at the root field.</summary>
    public ResponsePath? Parent { get; }

    /// <summary>A response key (string) or a list index (int).</summary>
    public object Key { get; }

    /// <summary>The number of segments.</summary>
    public int Depth { get; }

    internal static ResponsePath Field(ResponsePath? parent, string key) => new(parent, key, (parent?.Depth ?? 0) + 1);

    internal static ResponsePath Index(ResponsePath parent, int index) => new(parent, index, parent.Depth + 1);

    /// <summary>The segments from the root, as in an error's <c>path</c>.</summary>
    public IReadOnlyList<object> ToList()
    {
        var segments = new object[Depth];
        for (var path = this; path is not null; path = path.Parent)
        {
            segments[path.Depth - 1] = path.Key;
        }
        return segments;
    }

    /// <summary>The path as <c>hero.friends[0].name</c>.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        foreach (var segment in ToList())
        {
            if (segment is int index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }
                text.Append(segment);
            }
        }
        return text.ToString();
    }
}

/// <summary>
/// A response path not yet allocated: a parent and a key. Leaf fields that complete without error never need their
/// path, so it is materialized only for resolver contexts, sub-selections and errors.
/// </summary>
internal readonly struct PathRef
{
    private readonly ResponsePath? _parent;
    private readonly string? _name;
    private readonly int _index;
    private readonly ResponsePath? _materialized;

    private PathRef(ResponsePath? parent, string? name, int index, ResponsePath? materialized)
    {
        _parent = parent;
        _name = name;
        _index = index;
        _materialized = materialized;
    }

    public static PathRef Of(ResponsePath path) => new(null, null, 0, path);

    public static PathRef Field(ResponsePath? parent, string name) => new(parent, name, 0, null);

    public static PathRef Item(ResponsePath parent, int index) => new(parent, null, index, null);

    public ResponsePath Materialize() =>
        _materialized ?? (_name is not null ? ResponsePath.Field(_parent, _name) : ResponsePath.Index(_parent!, _index));
}
