using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.Testing.Fuzz;

/// <summary>
/// Structural equality of two syntax trees, ignoring where the nodes lie (<see cref="Node.Location"/>): every public
/// property of every node, found by reflection, so a node kind or property added later is compared too.
/// </summary>
public static class AstEquality
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The path to the first difference between <paramref name="a"/> and <paramref name="b"/>, or null when they are equal.</summary>
    public static string? FirstDifference(Node a, Node b) => Compare(a, b, a.Kind.ToString());

    private static string? Compare(object? a, object? b, string path)
    {
        if (a is null || b is null) return a is null && b is null ? null : $"{path}: {Show(a)} vs {Show(b)}";
        if (a is Node nodeA)
        {
            if (a.GetType() != b.GetType()) return $"{path}: {a.GetType().Name} vs {b.GetType().Name}";
            foreach (var property in Properties.GetOrAdd(a.GetType(), PropertiesOf))
            {
                if (Compare(property.GetValue(nodeA), property.GetValue(b), path + "." + property.Name) is { } difference) return difference;
            }
            return null;
        }
        if (a is IList listA && b is IList listB)
        {
            if (listA.Count != listB.Count) return $"{path}: {listA.Count} items vs {listB.Count}";
            for (var i = 0; i < listA.Count; i++)
            {
                if (Compare(listA[i], listB[i], $"{path}[{i}]") is { } difference) return difference;
            }
            return null;
        }
        return Equals(a, b) ? null : $"{path}: {Show(a)} vs {Show(b)}";
    }

    private static PropertyInfo[] PropertiesOf(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name != nameof(Node.Location) && p.GetIndexParameters().Length == 0)
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ToArray();

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        _ => value.ToString() ?? "?",
    };
}
