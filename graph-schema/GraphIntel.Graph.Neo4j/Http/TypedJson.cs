using System.Collections;
using System.Globalization;
using System.Text.Json;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Http;

/// <summary>
/// The Query API's JSON with type information (<c>application/vnd.neo4j.query</c>): every value is
/// <c>{"$type": …, "_value": …}</c>, integers and floats as strings. Parameters go out typed, so an integer is an
/// INTEGER and a float a FLOAT whatever its digits; results come back typed and are read into the plain shape the
/// transactional endpoint's <c>row</c> format gives (numbers, strings, lists, maps; a node or relationship as its
/// property map), so the rows the store reads are the same on both protocols.
/// </summary>
internal static class TypedJson
{
    public const string MediaType = "application/vnd.neo4j.query";

    /// <summary>Writes a parameter value typed. Dates travel as strings, as on the transactional endpoint (the store keeps ISO text).</summary>
    public static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: Typed(w, "Null", () => w.WriteNullValue()); break;
            case string s: Typed(w, "String", () => w.WriteStringValue(s)); break;
            case bool b: Typed(w, "Boolean", () => w.WriteBooleanValue(b)); break;
            case int i: Typed(w, "Integer", () => w.WriteStringValue(i.ToString(CultureInfo.InvariantCulture))); break;
            case long l: Typed(w, "Integer", () => w.WriteStringValue(l.ToString(CultureInfo.InvariantCulture))); break;
            case double d: Typed(w, "Float", () => w.WriteStringValue(FloatText(d))); break;
            case DateOnly d: Typed(w, "String", () => w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))); break;
            case IReadOnlyDictionary<string, object?> map:
                Typed(w, "Map", () =>
                {
                    w.WriteStartObject();
                    foreach (var (k, v) in map) { w.WritePropertyName(k); Write(w, v); }
                    w.WriteEndObject();
                });
                break;
            case IEnumerable list:
                Typed(w, "List", () =>
                {
                    w.WriteStartArray();
                    foreach (var item in list) Write(w, item);
                    w.WriteEndArray();
                });
                break;
            default:
                throw new ArgumentException($"cannot send a {value.GetType().Name} to Neo4j as a parameter");
        }
    }

    private static void Typed(Utf8JsonWriter w, string type, Action value)
    {
        w.WriteStartObject();
        w.WriteString("$type", type);
        w.WritePropertyName("_value");
        value();
        w.WriteEndObject();
    }

    private static string FloatText(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity"
        : d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A typed result value as plain JSON; <paramref name="where"/> names the value in an error.</summary>
    public static JsonElement ToPlain(JsonElement typed, string where)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) WritePlain(w, typed, where);
        using var doc = JsonDocument.Parse(buffer.ToArray());
        return doc.RootElement.Clone();
    }

    private static void WritePlain(Utf8JsonWriter w, JsonElement typed, string where)
    {
        if (typed.ValueKind != JsonValueKind.Object || !typed.TryGetProperty("$type", out var typeElement) || typeElement.GetString() is not { } type)
            throw Unreadable(where, "a value without a \"$type\"");
        typed.TryGetProperty("_value", out var value);
        switch (type)
        {
            case "Null": w.WriteNullValue(); break;
            case "Boolean": w.WriteBooleanValue(value.GetBoolean()); break;
            case "Integer":
                w.WriteNumberValue(long.TryParse(Text(value, where), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? l : throw Unreadable(where, $"the Integer '{value}'"));
                break;
            case "Float":
                var f = Text(value, where);
                if (!double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                    w.WriteStringValue(f); // NaN and the infinities have no JSON number
                else if (IsJsonNumber(f) && f.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
                    w.WriteRawValue(f); // as the server wrote it ("1.0", "3.2E9"): still a float to whoever reads it
                else
                    w.WriteRawValue(d.ToString("0.0###############", CultureInfo.InvariantCulture));
                break;
            case "List" or "Path":
                w.WriteStartArray();
                var i = 0;
                foreach (var item in value.EnumerateArray()) WritePlain(w, item, $"{where}[{i++}]");
                w.WriteEndArray();
                break;
            case "Map":
                WriteMap(w, value, where);
                break;
            case "Node" or "Relationship":
                // The transactional endpoint's row format gives an entity as its properties: so does this reader.
                WriteMap(w, value.TryGetProperty("_properties", out var properties) ? properties : default, where);
                break;
            default:
                // String, Base64, temporal types, Point, Duration...: their text, as plain JSON gives them.
                w.WriteStringValue(Text(value, where));
                break;
        }
    }

    private static bool IsJsonNumber(string text)
    {
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
            return reader.Read() && reader.TokenType == JsonTokenType.Number && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void WriteMap(Utf8JsonWriter w, JsonElement map, string where)
    {
        w.WriteStartObject();
        if (map.ValueKind == JsonValueKind.Object)
            foreach (var p in map.EnumerateObject())
            {
                w.WritePropertyName(p.Name);
                WritePlain(w, p.Value, $"{where}.{p.Name}");
            }
        w.WriteEndObject();
    }

    private static string Text(JsonElement value, string where) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Unreadable(where, $"a _value that is not a string ({value.ValueKind})");

    private static GraphStoreException Unreadable(string where, string what) =>
        new($"Neo4j's Query API answered {what} at {where}: not JSON with type information ({MediaType})", isTransient: false);
}
