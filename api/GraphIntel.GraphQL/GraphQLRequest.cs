using System.Text.Json;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL;

/// <summary>One GraphQL request: the document text, the operation to run, its variables, and what resolvers receive.</summary>
public sealed class GraphQLRequest
{
    /// <summary>The GraphQL document text.</summary>
    public string? Query { get; init; }

    /// <summary>The operation to run; may be null when the document has one operation.</summary>
    public string? OperationName { get; init; }

    /// <summary>
    /// Variable values as plain values: string, long/int/double/decimal, bool, null, <see cref="List{T}"/> of values,
    /// <see cref="Dictionary{TKey,TValue}"/> (string keys) of values. A missing key means "not provided".
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>The request's <c>extensions</c> entry, or null.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>The parent value of the root fields.</summary>
    public object? RootValue { get; init; }

    /// <summary>The request's services, passed to resolvers.</summary>
    public IServiceProvider? RequestServices { get; init; }

    /// <summary>Per-request state passed to resolvers; a new dictionary when null.</summary>
    public IDictionary<string, object?>? UserContext { get; init; }

    /// <summary>
    /// Reads the GraphQL-over-HTTP request shape <c>{"query", "operationName", "variables", "extensions"}</c>;
    /// throws <see cref="FormatException"/> saying which entry is malformed.
    /// </summary>
    public static GraphQLRequest FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"A GraphQL request must be a JSON object, not {Describe(json.ValueKind)}.");
        }
        string? query = null;
        string? operationName = null;
        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, object?>? extensions = null;
        foreach (var property in json.EnumerateObject())
        {
            switch (property.Name)
            {
                case "query":
                    query = ReadString(property);
                    break;
                case "operationName":
                    operationName = ReadString(property);
                    break;
                case "variables":
                    variables = ReadMap(property);
                    break;
                case "extensions":
                    extensions = ReadMap(property);
                    break;
            }
        }
        return new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions };
    }

    private static string? ReadString(JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.String => property.Value.GetString(),
        JsonValueKind.Null => null,
        var kind => throw new FormatException($"The request's \"{property.Name}\" must be a string or null, not {Describe(kind)}."),
    };

    private static IReadOnlyDictionary<string, object?>? ReadMap(JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.Object => (Dictionary<string, object?>)JsonValues.ToClr(property.Value)!,
        JsonValueKind.Null => null,
        var kind => throw new FormatException($"The request's \"{property.Name}\" must be an object or null, not {Describe(kind)}."),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };
}
