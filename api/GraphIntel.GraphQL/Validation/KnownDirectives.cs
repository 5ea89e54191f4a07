using System.Runtime.CompilerServices;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation;

/// <summary>What the directive rules need to know of one directive, whether the schema or the document defines it.</summary>
/// <param name="Name">The name, without <c>@</c>.</param>
/// <param name="Locations">The location names (e.g. <c>FIELD</c>) where it may be used.</param>
/// <param name="IsRepeatable">Whether it may appear more than once at one location.</param>
/// <param name="ArgumentNames">Its argument names, in definition order.</param>
/// <param name="RequiredArguments">Its non-null arguments without a default: name and printed type.</param>
internal sealed record KnownDirective(
    string Name,
    IReadOnlyList<string> Locations,
    bool IsRepeatable,
    IReadOnlyList<string> ArgumentNames,
    IReadOnlyList<(string Name, string Type)> RequiredArguments);

/// <summary>
/// The directives a document may use: the schema's (computed once per schema), overridden by directive definitions
/// in the document itself (as graphql-js does).
/// </summary>
internal static class KnownDirectives
{
    private static readonly ConditionalWeakTable<Schema, IReadOnlyDictionary<string, KnownDirective>> BySchema = new();

    public static IReadOnlyDictionary<string, KnownDirective> From(ValidationContext context)
    {
        var schemaDirectives = BySchema.GetValue(context.Schema, FromSchema);
        Dictionary<string, KnownDirective>? known = null;
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode node)
            {
                known ??= new Dictionary<string, KnownDirective>(schemaDirectives, StringComparer.Ordinal);
                known[node.Name.Value] = new KnownDirective(
                    node.Name.Value,
                    [.. node.Locations.Select(l => l.Value)],
                    node.Repeatable,
                    [.. node.Arguments.Select(a => a.Name.Value)],
                    [.. node.Arguments.Where(a => a.Type is NonNullTypeNode && a.DefaultValue is null).Select(a => (a.Name.Value, Print(a.Type)))]);
            }
        }
        return known ?? schemaDirectives;
    }

    private static IReadOnlyDictionary<string, KnownDirective> FromSchema(Schema schema)
    {
        var known = new Dictionary<string, KnownDirective>(StringComparer.Ordinal);
        foreach (var directive in schema.Directives)
        {
            known[directive.Name] = new KnownDirective(
                directive.Name,
                [.. directive.Locations.Select(l => l.ToName())],
                directive.IsRepeatable,
                [.. directive.Arguments.Select(a => a.Name)],
                [.. directive.Arguments.Where(a => a.Type is NonNullType && !a.HasDefaultValue).Select(a => (a.Name, a.Type.ToString()))]);
        }
        return known;
    }

    private static string Print(TypeNode type) => type switch
    {
        NamedTypeNode named => named.Name.Value,
        ListTypeNode list => "[" + Print(list.Type) + "]",
        NonNullTypeNode nonNull => Print(nonNull.Type) + "!",
        _ => type.Kind.ToString(),
    };
}
