using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GraphIntel.GraphQL.Types;

/// <summary>
/// Formats runtime values for error messages the way graphql-js <c>inspect</c> does
/// (strings JSON-quoted, numbers as JavaScript prints them, lists as <c>[1, 2]</c>, objects as <c>{ a: 1 }</c>).
/// </summary>
public static class Inspect
{
    private const int MaxDepth = 2;
    private const int MaxListItems = 10;

    /// <summary>The value as graphql-js would show it in a message.</summary>
    public static string Value(object? value)
    {
        var text = new StringBuilder();
        Append(text, value, 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append(JsonSerializer.Serialize(s));
                return;
            case bool b:
                text.Append(b ? "true" : "false");
                return;
            case JsonElement element:
                Append(text, JsonValues.ToClr(element), depth);
                return;
        }
        if (JsNumber.TryGetDouble(value, out var number))
        {
            text.Append(JsNumber.ToString(number));
            return;
        }
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> map:
                if (depth > MaxDepth)
                {
                    text.Append("[Object]");
                    return;
                }
                var first = true;
                foreach (var (key, item) in map)
                {
                    text.Append(first ? "{ " : ", ").Append(key).Append(": ");
                    Append(text, item, depth + 1);
                    first = false;
                }
                text.Append(first ? "{}" : " }");
                return;
            case IEnumerable list:
                if (depth > MaxDepth)
                {
                    text.Append("[Array]");
                    return;
                }
                text.Append('[');
                var count = 0;
                foreach (var item in list)
                {
                    if (count == MaxListItems)
                    {
                        text.Append(", ... more items");
                        break;
                    }
                    if (count > 0)
                    {
                        text.Append(", ");
                    }
                    Append(text, item, depth + 1);
                    count++;
                }
                text.Append(']');
                return;
            case Enum e:
                text.Append(JsonSerializer.Serialize(e.ToString()));
                return;
            default:
                text.Append('{').Append(value.GetType().Name).Append('}');
                return;
        }
    }
}
