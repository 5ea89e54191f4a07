using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Introspection;

/// <summary>
/// The introspection types (<c>__Schema</c>, <c>__Type</c>, <c>__Field</c>, <c>__InputValue</c>, <c>__EnumValue</c>,
/// <c>__Directive</c>, <c>__TypeKind</c>, <c>__DirectiveLocation</c>) built from SDL and bound to resolvers like any
/// other types, and the meta fields <c>__schema</c>, <c>__type(name:)</c> and <c>__typename</c>. Shared by every schema.
/// </summary>
public static class IntrospectionSchema
{
    private static readonly IReadOnlyDictionary<string, NamedType> Types;

    static IntrospectionSchema()
    {
        Types = SchemaBuilder.BuildIntrospectionTypes(IntrospectionSdl.Text);
        IntrospectionResolvers.Bind(Types);
        SchemaType = (ObjectType)Types["__Schema"];
        TypeType = (ObjectType)Types["__Type"];
        SchemaField = new FieldDefinition("__schema", new NonNullType(SchemaType), "Access the current type schema of this server.")
        {
            Resolver = static context => new ValueTask<object?>(context.Schema),
            Coordinate = "__schema",
        };
        TypeField = new FieldDefinition("__type", TypeType, "Request the type information of a single type.")
        {
            Resolver = static context => new ValueTask<object?>(context.Schema.GetType(context.GetArgument<string>("name"))),
            Coordinate = "__type",
        };
        var typeArguments = new DefinitionMap<InputValueDefinition>(1);
        typeArguments.TryAdd(new InputValueDefinition("name", new NonNullType(BuiltInScalars.String)));
        TypeField.Arguments = typeArguments;
        TypeNameField = new FieldDefinition("__typename", new NonNullType(BuiltInScalars.String), "The name of the current Object type at runtime.")
        {
            Resolver = static context => new ValueTask<object?>(context.ParentType.Name),
            Coordinate = "__typename",
        };
        IsBuilt = true;
    }

    /// <summary>Whether the introspection types exist (false only while they are being built).</summary>
    internal static bool IsBuilt { get; }

    /// <summary>The <c>__Schema</c> type.</summary>
    public static ObjectType SchemaType { get; }

    /// <summary>The <c>__Type</c> type.</summary>
    public static ObjectType TypeType { get; }

    /// <summary><c>__schema: __Schema!</c>, available on the query type.</summary>
    public static FieldDefinition SchemaField { get; }

    /// <summary><c>__type(name: String!): __Type</c>, available on the query type.</summary>
    public static FieldDefinition TypeField { get; }

    /// <summary><c>__typename: String!</c>, available on every object, interface and union.</summary>
    public static FieldDefinition TypeNameField { get; }

    /// <summary>The introspection type named <paramref name="name"/>, or null.</summary>
    public static NamedType? GetType(string name) => Types.GetValueOrDefault(name);

    /// <summary>The introspection types by name.</summary>
    public static IReadOnlyDictionary<string, NamedType> All => Types;
}
