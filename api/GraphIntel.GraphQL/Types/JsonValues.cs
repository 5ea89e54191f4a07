using System.Text.Json;

namespace GraphIntel.GraphQL.Types;

/// <summary>Converts <see cref="JsonElement"/> values into the plain CLR values the engine coerces.</summary>
public static class JsonValues
{
    /// <summary>
    /// string; long for integers that fit, else double (as JavaScript reads JSON numbers); bool; null;
    /// <see cref="List{T}"/> of values; <see cref="Dictionary{TKey,TValue}"/> of values.
    /// </summary>
    public static object? ToClr(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out var l) ? (object)l : element.GetDouble();
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(ToClr(item));
                }
                return list;
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = ToClr(property.Value);
                }
                return map;
            default:
                return null;
        }
    }
}
