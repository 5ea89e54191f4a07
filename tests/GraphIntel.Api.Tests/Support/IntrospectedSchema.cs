using System.Text.Json;

namespace GraphIntel.Api.Tests.Support;

/// <summary>
/// The schema as the API serves it, read over HTTP by introspection (not from the code): its types by name, the
/// Mutation fields, and selections of every readable field of a type, so tests that must cover "every field" follow
/// the served schema as it grows.
/// </summary>
public sealed class IntrospectedSchema
{
    private const string TypeRef = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";

    private static readonly string Query = $$"""
        {
          __schema {
            mutationType { name }
            types {
              kind name
              fields { name type { {{TypeRef}} } args { name defaultValue type { {{TypeRef}} } } }
              inputFields { name defaultValue type { {{TypeRef}} } }
              enumValues { name }
              possibleTypes { name }
            }
          }
        }
        """;

    private readonly Dictionary<string, JsonElement> _types;

    private IntrospectedSchema(JsonElement schema)
    {
        _types = schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        MutationTypeName = schema.GetProperty("mutationType") is { ValueKind: JsonValueKind.Object } m ? m.GetProperty("name").GetString() : null;
    }

    /// <summary>Introspects the API (with <paramref name="key"/>, so an option refusing anonymous introspection doesn't stop it).</summary>
    public static async Task<IntrospectedSchema> LoadAsync(ApiHost api, string key) =>
        new((await api.QueryAsync(Query, key: key)).Ok().GetProperty("__schema").Clone());

    /// <summary>The name of the Mutation root type; null when the schema has none.</summary>
    public string? MutationTypeName { get; }

    /// <summary>Every field of the Mutation root type, as introspection returned it.</summary>
    public IReadOnlyList<JsonElement> MutationFields =>
        MutationTypeName is null ? [] : [.. Type(MutationTypeName).GetProperty("fields").EnumerateArray()];

    /// <summary>The introspected type named <paramref name="name"/>.</summary>
    public JsonElement Type(string name) => _types[name];

    /// <summary>Whether a type of that name exists.</summary>
    public bool Has(string name) => _types.ContainsKey(name);

    /// <summary>The named type under NON_NULL and LIST wrappers.</summary>
    public static JsonElement Named(JsonElement typeRef) =>
        typeRef.GetProperty("ofType") is { ValueKind: JsonValueKind.Object } inner ? Named(inner) : typeRef;

    /// <summary>
    /// A selection of every field of <paramref name="typeName"/> that needs no argument: leaves as they are, object
    /// fields with their own leaves (one level down), abstract types through __typename.
    /// </summary>
    public string SelectionOf(string typeName, int depth = 2)
    {
        var type = Type(typeName);
        var fields = new List<string> { "__typename" };
        if (type.GetProperty("fields") is not { ValueKind: JsonValueKind.Array } all) return "{ __typename }";
        foreach (var field in all.EnumerateArray())
        {
            if (field.GetProperty("args").EnumerateArray().Any(a => a.GetProperty("type").GetProperty("kind").GetString() == "NON_NULL" && a.GetProperty("defaultValue").ValueKind == JsonValueKind.Null)) continue;
            var named = Named(field.GetProperty("type"));
            var name = field.GetProperty("name").GetString()!;
            switch (named.GetProperty("kind").GetString())
            {
                case "SCALAR" or "ENUM":
                    fields.Add(name);
                    break;
                case "OBJECT" or "INTERFACE" or "UNION" when depth > 1:
                    fields.Add(name + " " + SelectionOf(named.GetProperty("name").GetString()!, depth - 1));
                    break;
            }
        }
        return "{ " + string.Join(" ", fields) + " }";
    }

    /// <summary>The object types an abstract type may be (possibleTypes), or the type itself.</summary>
    public IEnumerable<string> PossibleTypes(string typeName) =>
        Type(typeName).GetProperty("possibleTypes") is { ValueKind: JsonValueKind.Array } possible
            ? possible.EnumerateArray().Select(p => p.GetProperty("name").GetString()!)
            : [typeName];
}
