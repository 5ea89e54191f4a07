using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace GraphIntel.GraphQL.Execution;

/// <summary>
/// The ordered map of one object in a response: response keys in selection order, with their completed values. The
/// keys are those of the selection plan, shared by every object the plan completes; each map holds only its values.
/// </summary>
public sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    private readonly string[] _keys;
    private readonly JsonEncodedText[] _encodedKeys;
    private readonly object?[] _values;

    /// <param name="keys">The plan's response keys; not copied, never written.</param>
    /// <param name="encodedKeys">The same keys as JSON property names, in the same order; not copied, never written.</param>
    /// <param name="path">Where the object is in the response: its fields' paths start from it.</param>
    internal ResultMap(string[] keys, JsonEncodedText[] encodedKeys, PathRef path)
    {
        _keys = keys;
        _encodedKeys = encodedKeys;
        _values = keys.Length == 0 ? [] : new object?[keys.Length];
        Path = path;
    }

    /// <summary>The object's response path, materialized only when a field below needs its own.</summary>
    internal PathRef Path { get; }

    internal void Set(int index, object? value) => _values[index] = value;

    /// <inheritdoc />
    public int Count => _keys.Length;

    /// <summary>The key at a position.</summary>
    public string KeyAt(int index) => _keys[index];

    /// <summary>The key at a position, encoded as a JSON property name.</summary>
    internal JsonEncodedText EncodedKeyAt(int index) => _encodedKeys[index];

    /// <summary>The value at a position.</summary>
    public object? ValueAt(int index) => _values[index];

    /// <inheritdoc />
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The result has no key \"{key}\".");

    /// <inheritdoc />
    public IEnumerable<string> Keys => Array.AsReadOnly(_keys);

    /// <inheritdoc />
    public IEnumerable<object?> Values => _values;

    /// <inheritdoc />
    public bool ContainsKey(string key) => Array.IndexOf(_keys, key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = Array.IndexOf(_keys, key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
