using System.Text.Json;

namespace GraphIntel.GraphQL.Tests.Conformance;

/// <summary>
/// Compares GraphQL responses as parsed JSON: same values, same object keys in the same order, same array
/// order — except the top-level <c>errors</c>, whose order the GraphQL spec leaves open (an engine that runs
/// fields in parallel may report them in another order), so it is compared as a multiset. Numbers compare by
/// value (<c>1</c> equals <c>1.0</c>).
/// </summary>
internal static class JsonComparison
{
    /// <summary>Every difference, each as "at $.path: what", empty when the responses agree.</summary>
    public static List<string> ResponseDifferences(JsonElement expected, JsonElement actual)
    {
        var differences = new List<string>();
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            CompareObjects(expected, actual, "$", differences, unorderedArrayProperty: "errors");
        }
        else
        {
            Compare(expected, actual, "$", differences);
        }
        return differences;
    }

    /// <summary>Whether two JSON values are equal under the rules above (all arrays ordered).</summary>
    public static bool DeepEquals(JsonElement a, JsonElement b)
    {
        var differences = new List<string>();
        Compare(a, b, "$", differences);
        return differences.Count == 0;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (Kind(expected) != Kind(actual))
        {
            differences.Add($"at {path}: expected {Describe(expected)}, got {Describe(actual)}");
            return;
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                CompareObjects(expected, actual, path, differences, unorderedArrayProperty: null);
                break;
            case JsonValueKind.Array:
                CompareArrays(expected, actual, path, differences);
                break;
            case JsonValueKind.Number:
                if (expected.GetDouble() != actual.GetDouble())
                {
                    differences.Add($"at {path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }
                break;
            case JsonValueKind.String:
                if (!string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal))
                {
                    differences.Add($"at {path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                if (expected.ValueKind != actual.ValueKind)
                {
                    differences.Add($"at {path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }
                break;
        }
    }

    private static void CompareObjects(JsonElement expected, JsonElement actual, string path, List<string> differences, string? unorderedArrayProperty)
    {
        var expectedKeys = expected.EnumerateObject().Select(p => p.Name).ToList();
        var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToList();
        if (!expectedKeys.SequenceEqual(actualKeys, StringComparer.Ordinal))
        {
            differences.Add($"at {path}: expected keys [{string.Join(", ", expectedKeys)}], got [{string.Join(", ", actualKeys)}]");
        }
        foreach (var property in expected.EnumerateObject())
        {
            if (!actual.TryGetProperty(property.Name, out var actualValue))
            {
                continue;
            }
            var childPath = $"{path}.{property.Name}";
            if (property.Name == unorderedArrayProperty
                && property.Value.ValueKind == JsonValueKind.Array
                && actualValue.ValueKind == JsonValueKind.Array)
            {
                CompareAsMultiset(property.Value, actualValue, childPath, differences);
            }
            else
            {
                Compare(property.Value, actualValue, childPath, differences);
            }
        }
    }

    private static void CompareArrays(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        var expectedLength = expected.GetArrayLength();
        var actualLength = actual.GetArrayLength();
        if (expectedLength != actualLength)
        {
            differences.Add($"at {path}: expected {expectedLength} items, got {actualLength}: expected {Truncate(expected.GetRawText())}, got {Truncate(actual.GetRawText())}");
            return;
        }
        for (var i = 0; i < expectedLength; i++)
        {
            Compare(expected[i], actual[i], $"{path}[{i}]", differences);
        }
    }

    private static void CompareAsMultiset(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        var unmatched = actual.EnumerateArray().ToList();
        var missing = new List<JsonElement>();
        foreach (var item in expected.EnumerateArray())
        {
            var index = unmatched.FindIndex(candidate => DeepEquals(item, candidate));
            if (index >= 0)
            {
                unmatched.RemoveAt(index);
            }
            else
            {
                missing.Add(item);
            }
        }
        if (missing.Count == 1 && unmatched.Count == 1)
        {
            // One error differs: say exactly where.
            Compare(missing[0], unmatched[0], path + "[?]", differences);
            return;
        }
        foreach (var item in missing)
        {
            differences.Add($"at {path}: expected an entry {item.GetRawText()}, not found");
        }
        foreach (var item in unmatched)
        {
            differences.Add($"at {path}: unexpected entry {item.GetRawText()}");
        }
    }

    private static JsonValueKind Kind(JsonElement element) =>
        element.ValueKind == JsonValueKind.False ? JsonValueKind.True : element.ValueKind;

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object " + Truncate(element.GetRawText()),
        JsonValueKind.Array => "an array " + Truncate(element.GetRawText()),
        _ => element.GetRawText(),
    };

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
