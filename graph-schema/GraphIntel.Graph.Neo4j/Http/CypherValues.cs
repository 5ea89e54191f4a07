using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace GraphIntel.Graph.Neo4j.Http;

/// <summary>Writes parameter values as the JSON Neo4j's HTTP endpoint accepts: scalars, lists and maps.</summary>
internal static class CypherValues
{
    public static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case double d: w.WriteNumberValue(d); break;
            case DateOnly d: w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case IReadOnlyDictionary<string, object?> map:
                w.WriteStartObject();
                foreach (var (k, v) in map) { w.WritePropertyName(k); Write(w, v); }
                w.WriteEndObject();
                break;
            case IEnumerable list:
                w.WriteStartArray();
                foreach (var item in list) Write(w, item);
                w.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"cannot send a {value.GetType().Name} to Neo4j as a parameter");
        }
    }
}
