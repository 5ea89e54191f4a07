using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace GraphIntel.GraphQL.Types;

/// <summary>
/// Definitions (fields, arguments, enum values, …) in definition order, with lookup by name.
/// Read-only once the schema is built.
/// </summary>
public sealed class DefinitionMap<T> : IReadOnlyList<T>
    where T : class, INamedDefinition
{
    private readonly List<T> _items;
    private readonly Dictionary<string, T> _byName;

    /// <summary>An empty map.</summary>
    public static DefinitionMap<T> Empty { get; } = new(0);

    internal DefinitionMap(int capacity = 4)
    {
        _items = new List<T>(capacity);
        _byName = new Dictionary<string, T>(capacity, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <summary>The definition named <paramref name="name"/>, or null.</summary>
    public T? this[string name] => _byName.GetValueOrDefault(name);

    /// <summary>Looks a definition up by name.</summary>
    public bool TryGetValue(string name, [MaybeNullWhen(false)] out T value) => _byName.TryGetValue(name, out value);

    /// <summary>Whether a definition with this name exists.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Adds <paramref name="item"/> unless its name is taken; returns whether it was added.</summary>
    internal bool TryAdd(T item)
    {
        if (!_byName.TryAdd(item.Name, item))
        {
            return false;
        }
        _items.Add(item);
        return true;
    }

    /// <inheritdoc />
    public List<T>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
