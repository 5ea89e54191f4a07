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

    internal static ResponsePath Index(ResponsePath parent, int index) => new(parent, BoxedIndex(index), parent.Depth + 1);

    /// <summary>List indices boxed once: a path into a list costs no boxing for the first <see cref="SharedIndices"/> items.</summary>
    private const int SharedIndices = 1024;

    private static readonly object[] Indices = CreateIndices();

    private static object BoxedIndex(int index) => (uint)index < SharedIndices ? Indices[index] : index;

    private static object[] CreateIndices()
    {
        var indices = new object[SharedIndices];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = i;
        }
        return indices;
    }

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
/// A response path not yet allocated. Its parent is the <see cref="ResultMap"/> of the enclosing object (which keeps
/// its own <see cref="PathRef"/>), an allocated <see cref="ResponsePath"/>, or nothing at the root; then a response
/// key, a list index, or both (an item of a list field). Completing a response allocates no path at all: one is
/// materialized only for a resolver that asks for its path and for errors.
/// </summary>
internal readonly struct PathRef
{
    private readonly object? _parent;
    private readonly string? _name;
    private readonly int _index;

    private PathRef(object? parent, string? name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    /// <summary>The path of the root object: no segments.</summary>
    public static PathRef Root => new(null, null, -1);

    /// <summary>An allocated path.</summary>
    public static PathRef Of(ResponsePath path) => new(path, null, -1);

    /// <summary>The field <paramref name="name"/> of the object whose result is <paramref name="parent"/>.</summary>
    public static PathRef Field(ResultMap parent, string name) => new(parent, name, -1);

    /// <summary>The item <paramref name="index"/> of the list this path leads to.</summary>
    public PathRef Item(int index) =>
        _name is not null && _index < 0
            ? new PathRef(_parent, _name, index) // an item of a list field: no path for the list itself
            : new PathRef(Materialize(), null, index);

    /// <summary>The allocated path (the root object has none: then this throws).</summary>
    public ResponsePath Materialize() =>
        MaterializeOrNull() ?? throw new InvalidOperationException("The root object has no response path.");

    private ResponsePath? MaterializeOrNull()
    {
        var path = _parent switch
        {
            ResultMap parent => parent.Path.MaterializeOrNull(),
            ResponsePath parent => parent,
            _ => null,
        };
        if (_name is not null)
        {
            path = ResponsePath.Field(path, _name);
        }
        return _index >= 0 ? ResponsePath.Index(path!, _index) : path;
    }
}
