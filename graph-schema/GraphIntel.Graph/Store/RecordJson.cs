using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store;

/// <summary>
/// The canonical JSON of records (sources, entities, relationships, estimates, snapshots): camelCase names, enums in
/// their contract spelling, dates as ISO partial dates, intervals and their ends in EDTF (\"2015/[..2024]\"), computed properties left out. Audit before/after images use
/// it, and two records with the same JSON are the same content (an upsert of it changes nothing).
/// </summary>
public static class RecordJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize<T>(T record) => JsonSerializer.Serialize(record, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"expected a {typeof(T).Name}, got null");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitComputedProperties } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.Converters.Add(new PartialDateConverter());
        options.Converters.Add(new DateBoundConverter());
        options.Converters.Add(new ValidityConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Drops get-only properties (Entity.Names, Entity.Existence, ...): they are derived, not content.</summary>
    private static void OmitComputedProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Set is null) info.Properties.RemoveAt(i);
        }
    }

    private sealed class PartialDateConverter : JsonConverter<PartialDate>
    {
        public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            PartialDate.TryParse(reader.GetString(), out var date, out var error) ? date : throw new JsonException(error);

        public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    private sealed class DateBoundConverter : JsonConverter<DateBound>
    {
        public override DateBound Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateBound.TryParse(reader.GetString(), out var bound, out var error) ? bound : throw new JsonException(error);

        public override void Write(Utf8JsonWriter writer, DateBound value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    /// <summary>
    /// An interval as EDTF text ("2015-01/[..2024]"). Audit images written before intervals had bounds hold
    /// <c>{"from": "2015", "to": null}</c>; those still read, as exact ends.
    /// </summary>
    private sealed class ValidityConverter : JsonConverter<Validity>
    {
        public override Validity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
                return Validity.TryParse(reader.GetString(), out var validity, out var error) ? validity : throw new JsonException(error);
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected an EDTF interval such as \"2015/..\"");
            PartialDate? from = null, to = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                PartialDate? value = reader.TokenType == JsonTokenType.Null ? null
                    : PartialDate.TryParse(reader.GetString(), out var date, out var error) ? date : throw new JsonException(error);
                if (string.Equals(name, "from", StringComparison.OrdinalIgnoreCase)) from = value;
                else if (string.Equals(name, "to", StringComparison.OrdinalIgnoreCase)) to = value;
            }
            return Validity.Between(from, to);
        }

        public override void Write(Utf8JsonWriter writer, Validity value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
