using System.Text.Json;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL;

/// <summary>A position in a GraphQL source text, 1-based, as it appears in an error's <c>locations</c>.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// The one error type of the engine (spec §7.1.2 "Errors"): a message, the source locations it refers to,
/// the response path of the field that raised it, and free-form extensions.
/// </summary>
public sealed class GraphQLError
{
    /// <summary>Creates an error.</summary>
    /// <param name="message">What went wrong, for a developer to read.</param>
    /// <param name="locations">Where in the document (1-based line and column), or null.</param>
    /// <param name="path">The response path: <see cref="string"/> field names and <see cref="int"/> list indices, or null.</param>
    /// <param name="extensions">Extra information (for example a <c>code</c>), or null.</param>
    public GraphQLError(
        string message,
        IReadOnlyList<SourceLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
        Locations = locations is { Count: > 0 } ? locations : null;
        Path = path;
        Extensions = extensions;
    }

    /// <summary>Creates an error located at the start of each of the given AST nodes (nodes without a location are skipped).</summary>
    public GraphQLError(string message, IReadOnlyList<Node> nodes, IReadOnlyList<object>? path = null, IReadOnlyDictionary<string, object?>? extensions = null)
        : this(message, LocationsOf(nodes), path, extensions)
    {
        Nodes = nodes;
    }

    /// <summary>What went wrong.</summary>
    public string Message { get; }

    /// <summary>The 1-based line/column positions in the document this error refers to; null when there are none.</summary>
    public IReadOnlyList<SourceLocation>? Locations { get; }

    /// <summary>The response path of the field that raised the error: string field names (response keys) and int list indices.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>Additional entries written under <c>extensions</c>; null or empty writes nothing.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The AST nodes the error refers to, when it was created from nodes. Not serialized.</summary>
    public IReadOnlyList<Node>? Nodes { get; }

    /// <summary>The exception that caused this error (for example thrown by a resolver). Not serialized.</summary>
    public Exception? OriginalError { get; init; }

    /// <summary>Returns a copy of this error with the given response path.</summary>
    public GraphQLError WithPath(IReadOnlyList<object>? path) =>
        new(Message, Locations, path, Extensions) { OriginalError = OriginalError };

    /// <summary>Writes the spec's error shape: <c>{"message", "locations"?, "path"?, "extensions"?}</c>.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("message", Message);
        if (Locations is { Count: > 0 } locations)
        {
            writer.WritePropertyName("locations");
            writer.WriteStartArray();
            for (var i = 0; i < locations.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", locations[i].Line);
                writer.WriteNumber("column", locations[i].Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (Path is { } path)
        {
            writer.WritePropertyName("path");
            writer.WriteStartArray();
            for (var i = 0; i < path.Count; i++)
            {
                switch (path[i])
                {
                    case string key: writer.WriteStringValue(key); break;
                    case int index: writer.WriteNumberValue(index); break;
                    default:
                        throw new InvalidOperationException(
                            $"GraphQLError path segment {i} is a {path[i]?.GetType().Name ?? "null"}; only string and int segments are allowed.");
                }
            }
            writer.WriteEndArray();
        }
        if (Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            Execution.ExecutionResult.WriteValue(writer, extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>The error as a JSON object string (spec shape).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The message followed by each location, e.g. <c>Syntax Error: Unexpected "}". (2:3)</c>.</summary>
    public override string ToString()
    {
        if (Locations is not { Count: > 0 } locations)
        {
            return Message;
        }
        var text = new System.Text.StringBuilder(Message);
        for (var i = 0; i < locations.Count; i++)
        {
            text.Append(" (").Append(locations[i].Line).Append(':').Append(locations[i].Column).Append(')');
        }
        return text.ToString();
    }

    private static IReadOnlyList<SourceLocation>? LocationsOf(IReadOnlyList<Node> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        List<SourceLocation>? locations = null;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i]?.Location is { } location)
            {
                (locations ??= new List<SourceLocation>(nodes.Count)).Add(location.StartLocation);
            }
        }
        return locations;
    }
}
