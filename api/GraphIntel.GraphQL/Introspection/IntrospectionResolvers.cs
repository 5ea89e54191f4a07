using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Introspection;

/// <summary>The resolvers of the introspection types (graphql-js <c>introspection.ts</c>).</summary>
internal static class IntrospectionResolvers
{
    public static void Bind(IReadOnlyDictionary<string, NamedType> types)
    {
        Bind(types, "__Schema", new Dictionary<string, IntrospectionField>
        {
            ["description"] = FromSource(s => ((Schema)s).Description),
            ["types"] = FromSource(s => ((Schema)s).Types),
            ["queryType"] = FromSource(s => ((Schema)s).QueryType),
            ["mutationType"] = FromSource(s => ((Schema)s).MutationType),
            ["subscriptionType"] = FromSource(s => ((Schema)s).SubscriptionType),
            ["directives"] = Context(c => Filter(Schema(c).Directives, c, d => d.DeprecationReason is not null)),
        });
        Bind(types, "__Type", new Dictionary<string, IntrospectionField>
        {
            ["kind"] = FromSource(s => KindName((GraphQLType)s)),
            ["name"] = FromSource(s => (s as NamedType)?.Name),
            ["description"] = FromSource(s => (s as NamedType)?.Description),
            ["specifiedByURL"] = FromSource(s => (s as ScalarType)?.SpecifiedByUrl),
            ["fields"] = Context(c => Type(c) is FieldsType t ? Filter(t.Fields, c, f => f.IsDeprecated) : null),
            ["interfaces"] = FromSource(s => (s as FieldsType)?.Interfaces),
            ["possibleTypes"] = Context(c => Type(c) is NamedType { IsAbstractType: true } t ? c.Schema.GetPossibleTypes(t) : null),
            ["enumValues"] = Context(c => Type(c) is EnumType t ? Filter(t.Values, c, v => v.IsDeprecated) : null),
            ["inputFields"] = Context(c => Type(c) is InputObjectType t ? Filter(t.Fields, c, f => f.IsDeprecated) : null),
            ["ofType"] = FromSource(s => s switch
            {
                ListType list => list.OfType,
                NonNullType nonNull => nonNull.OfType,
                _ => null,
            }),
            ["isOneOf"] = FromSource(s => s is InputObjectType t ? t.IsOneOf : null),
        });
        Bind(types, "__Field", new Dictionary<string, IntrospectionField>
        {
            ["name"] = FromSource(s => ((FieldDefinition)s).Name),
            ["description"] = FromSource(s => ((FieldDefinition)s).Description),
            ["args"] = Context(c => Filter(Source<FieldDefinition>(c).Arguments, c, a => a.IsDeprecated)),
            ["type"] = FromSource(s => ((FieldDefinition)s).Type),
            ["isDeprecated"] = FromSource(s => ((FieldDefinition)s).IsDeprecated),
            ["deprecationReason"] = FromSource(s => ((FieldDefinition)s).DeprecationReason),
        });
        Bind(types, "__InputValue", new Dictionary<string, IntrospectionField>
        {
            ["name"] = FromSource(s => ((InputValueDefinition)s).Name),
            ["description"] = FromSource(s => ((InputValueDefinition)s).Description),
            ["type"] = FromSource(s => ((InputValueDefinition)s).Type),
            ["defaultValue"] = FromSource(s => ((InputValueDefinition)s).DefaultValue is { } value ? Printer.Print(value) : null),
            ["isDeprecated"] = FromSource(s => ((InputValueDefinition)s).IsDeprecated),
            ["deprecationReason"] = FromSource(s => ((InputValueDefinition)s).DeprecationReason),
        });
        Bind(types, "__EnumValue", new Dictionary<string, IntrospectionField>
        {
            ["name"] = FromSource(s => ((EnumValueDefinition)s).Name),
            ["description"] = FromSource(s => ((EnumValueDefinition)s).Description),
            ["isDeprecated"] = FromSource(s => ((EnumValueDefinition)s).IsDeprecated),
            ["deprecationReason"] = FromSource(s => ((EnumValueDefinition)s).DeprecationReason),
        });
        Bind(types, "__Directive", new Dictionary<string, IntrospectionField>
        {
            ["name"] = FromSource(s => ((DirectiveDefinition)s).Name),
            ["description"] = FromSource(s => ((DirectiveDefinition)s).Description),
            ["isRepeatable"] = FromSource(s => ((DirectiveDefinition)s).IsRepeatable),
            ["locations"] = FromSource(s => LocationNames(((DirectiveDefinition)s).Locations)),
            ["args"] = Context(c => Filter(Source<DirectiveDefinition>(c).Arguments, c, a => a.IsDeprecated)),
            ["isDeprecated"] = FromSource(s => ((DirectiveDefinition)s).DeprecationReason is not null),
            ["deprecationReason"] = FromSource(s => ((DirectiveDefinition)s).DeprecationReason),
        });
    }

    private static void Bind(
        IReadOnlyDictionary<string, NamedType> types, string typeName, Dictionary<string, IntrospectionField> resolvers)
    {
        var type = (ObjectType)types[typeName];
        foreach (var field in type.Fields)
        {
            if (!resolvers.TryGetValue(field.Name, out var resolve))
            {
                throw new InvalidOperationException($"Introspection field {typeName}.{field.Name} has no resolver.");
            }
            if (resolve.FromSource is { } fromSource)
            {
                field.SourceGetter = fromSource;
                field.Resolver = context => new ValueTask<object?>(fromSource(context.Source!));
            }
            else
            {
                var fromContext = resolve.FromContext!;
                field.Resolver = context => new ValueTask<object?>(fromContext(context));
            }
        }
    }

    /// <summary>How one introspection field resolves: from its parent value alone, or with the resolver context.</summary>
    private sealed record IntrospectionField(Func<object, object?>? FromSource, Func<IResolveFieldContext, object?>? FromContext);

    private static IntrospectionField FromSource(Func<object, object?> resolve) => new(resolve, null);

    private static IntrospectionField Context(Func<IResolveFieldContext, object?> resolve) => new(null, resolve);

    private static Schema Schema(IResolveFieldContext context) => (Schema)context.Source!;

    private static GraphQLType Type(IResolveFieldContext context) => (GraphQLType)context.Source!;

    private static T Source<T>(IResolveFieldContext context) => (T)context.Source!;

    private static string KindName(GraphQLType type) => type switch
    {
        ScalarType => "SCALAR",
        ObjectType => "OBJECT",
        InterfaceType => "INTERFACE",
        UnionType => "UNION",
        EnumType => "ENUM",
        InputObjectType => "INPUT_OBJECT",
        ListType => "LIST",
        _ => "NON_NULL",
    };

    private static string[] LocationNames(IReadOnlyList<DirectiveLocation> locations)
    {
        var names = new string[locations.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = locations[i].ToName();
        }
        return names;
    }

    private static IReadOnlyList<T> Filter<T>(IReadOnlyList<T> items, IResolveFieldContext context, Func<T, bool> isDeprecated)
    {
        if (context.GetArgument("includeDeprecated", false))
        {
            return items;
        }
        var any = false;
        foreach (var item in items)
        {
            any |= isDeprecated(item);
        }
        if (!any)
        {
            return items;
        }
        var kept = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (!isDeprecated(item))
            {
                kept.Add(item);
            }
        }
        return kept;
    }
}
