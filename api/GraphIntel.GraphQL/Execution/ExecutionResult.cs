using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace GraphIntel.GraphQL.Execution;

/// <summary>
/// The result of a request (spec §7.1 "Response Format"). <see cref="HasData"/> tells a request that failed before
/// execution (no <c>data</c> entry) from one whose data is null. Serializes as graphql-js does:
/// <c>{"errors":[…],"data":…,"extensions":…}</c>, each entry only when present.
/// </summary>
public sealed class ExecutionResult
{
    /// <summary>A result of an executed operation.</summary>
    public ExecutionResult(IReadOnlyDictionary<string, object?>? data, IReadOnlyList<GraphQLError>? errors = null)
    {
        Data = data;
        HasData = true;
        Errors = errors is { Count: > 0 } ? errors : null;
    }

    private ExecutionResult(IReadOnlyList<GraphQLError> errors)
    {
        Errors = errors;
        HasData = false;
    }

    /// <summary>A result of a request that failed before execution started (syntax, validation, variables): errors only.</summary>
    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A request error result needs at least one error.", nameof(errors));
        }
        return new ExecutionResult(errors);
    }

    /// <summary>The data: ordered maps (<see cref="ResultMap"/>), lists, strings, numbers, booleans and nulls.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; }

    /// <summary>Whether the result has a <c>data</c> entry (execution started).</summary>
    public bool HasData { get; }

    /// <summary>The errors, or null when there are none.</summary>
    public IReadOnlyList<GraphQLError>? Errors { get; }

    /// <summary>Extensions to write under <c>extensions</c>, or null.</summary>
    public IDictionary<string, object?>? Extensions { get; set; }

    /// <summary>Writes the response JSON.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (Errors is { } errors)
        {
            writer.WritePropertyName("errors");
            writer.WriteStartArray();
            foreach (var error in errors)
            {
                error.WriteTo(writer);
            }
            writer.WriteEndArray();
        }
        if (HasData)
        {
            writer.WritePropertyName("data");
            WriteValue(writer, Data);
        }
        if (Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writer options that escape like JavaScript's <c>JSON.stringify</c> (quotes as <c>\"</c>, non-ASCII text as is),
    /// so responses match graphql-js byte for byte.
    /// </summary>
    public static JsonWriterOptions JsonWriterOptions { get; } = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The response as a JSON string (written with <see cref="JsonWriterOptions"/>).</summary>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonWriterOptions))
        {
            WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a result value (or an error's extensions) as JSON: scalars, result maps, dictionaries, sequences.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        // Most common first: a response is mostly strings, objects and lists.
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case ResultMap map:
                writer.WriteStartObject();
                for (var i = 0; i < map.Count; i++)
                {
                    writer.WritePropertyName(map.EncodedKeyAt(i));
                    WriteValue(writer, map.ValueAt(i));
                }
                writer.WriteEndObject();
                break;
            case object?[] array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case JsonElement element: element.WriteTo(writer); break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                writer.WriteStartObject();
                foreach (var (key, item) in pairs)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    WriteValue(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
