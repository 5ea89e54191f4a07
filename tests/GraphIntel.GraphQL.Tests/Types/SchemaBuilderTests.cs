using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Tests.Types;

/// <summary>Building from SDL, <c>extend</c>, and resolver binding checked both ways.</summary>
public sealed class SchemaBuilderTests
{
    private sealed class Human
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
    }

    private enum Color
    {
        Red,
        DarkBlue,
    }

    private static IReadOnlyList<string> Problems(SchemaBuilder builder) =>
        Assert.Throws<SchemaValidationException>(builder.Build).Errors.Select(e => e.ToString()).ToList();

    [Fact]
    public void Builds_types_fields_arguments_and_root_types()
    {
        var schema = SchemaBuilder.FromSdl("""
            "The root"
            type Query { human(id: ID!, limit: Int = 5): Human humans: [Human!]! }
            type Human { id: ID! name: String }
            type Mutation { rename(name: String!): Human }
            """)
            .UseDefaultFieldResolver()
            .Build();

        Assert.Equal("Query", schema.QueryType.Name);
        Assert.Equal("Mutation", schema.MutationType!.Name);
        Assert.Null(schema.SubscriptionType);
        Assert.Equal("The root", schema.QueryType.Description);
        var human = schema.QueryType.Fields["human"]!;
        Assert.Equal("Human", human.Type.ToString());
        Assert.Equal(["id", "limit"], human.Arguments.Select(a => a.Name));
        Assert.Equal("ID!", human.Arguments["id"]!.Type.ToString());
        Assert.Equal(5, human.Arguments["limit"]!.CoercedDefaultValue);
        Assert.Equal("[Human!]!", schema.QueryType.Fields["humans"]!.Type.ToString());
        Assert.Same(schema.GetType("Human"), schema.QueryType.Fields["humans"]!.Type.GetNamedType());
        Assert.Same(BuiltInScalars.String, schema.GetType("String"));
    }

    [Fact]
    public void Schema_definition_and_extensions_are_merged()
    {
        var schema = SchemaBuilder.FromSdl("""
            schema { query: Root }
            type Root { a: Int }
            extend type Root { b: String }
            interface Named { name: String }
            extend type Root implements Named { name: String }
            enum E { A }
            extend enum E { B }
            input I { x: Int }
            extend input I { y: Int }
            union U = Root
            type Other { o: Int }
            extend union U = Other
            extend schema { mutation: Other }
            """)
            .UseDefaultFieldResolver()
            .Build();

        Assert.Equal(["a", "b", "name"], schema.QueryType.Fields.Select(f => f.Name));
        Assert.Equal("Named", Assert.Single(schema.QueryType.Interfaces).Name);
        Assert.Equal(["A", "B"], ((EnumType)schema.GetType("E")!).Values.Select(v => v.Name));
        Assert.Equal(["x", "y"], ((InputObjectType)schema.GetType("I")!).Fields.Select(v => v.Name));
        Assert.Equal(["Root", "Other"], ((UnionType)schema.GetType("U")!).Types.Select(t => t.Name));
        Assert.Equal("Other", schema.MutationType!.Name);
    }

    [Fact]
    public void BindType_reads_properties_case_insensitively_and_resolves_abstract_types()
    {
        var schema = SchemaBuilder.FromSdl("type Query { h: Human } type Human { id: ID! NAME: String }")
            .BindType<Human>("Human")
            .BindResolver("Query", "h", _ => new Human { Id = "1", Name = "Luke" })
            .Build();
        Assert.NotNull(schema.QueryType.Fields["h"]!.Resolver);
        Assert.NotNull(((ObjectType)schema.GetType("Human")!).Fields["NAME"]!.Resolver);
    }

    [Fact]
    public void A_field_without_resolver_is_a_start_up_error_with_its_location()
    {
        var problems = Problems(SchemaBuilder.FromSdl("type Query {\n  a: Int\n  b: Int\n}").BindResolver("Query", "a", _ => 1));
        Assert.Equal(
            ["Field \"Query.b\" has no resolver: bind one with BindResolver(\"Query\", \"b\", …) or bind a CLR type with a \"b\" property with BindType<T>(\"Query\"). (3:3)"],
            problems);
    }

    [Fact]
    public void A_bound_type_without_the_property_names_both()
    {
        var problems = Problems(SchemaBuilder.FromSdl("type Query { h: Human }\ntype Human { id: ID! age: Int }")
            .BindType<Human>("Human").BindResolver("Query", "h", _ => null));
        Assert.Equal(
            ["Field \"Human.age\" has no resolver: Human (bound with BindType) has no property \"age\"; add one or bind a resolver with BindResolver(\"Human\", \"age\", …). (2:22)"],
            problems);
    }

    [Fact]
    public void Bindings_to_missing_types_or_fields_are_start_up_errors_all_reported_at_once()
    {
        var problems = Problems(SchemaBuilder.FromSdl("type Query { hero: String }")
            .BindResolver("Query", "hero", _ => "x")
            .BindResolver("Query", "heroes", _ => "x")
            .BindResolver("Mutation", "save", _ => "x")
            .BindResolver("String", "length", _ => 1)
            .BindType<Human>("Humn")
            .BindScalar("Date", PassThroughScalarCoercion.Instance)
            .BindTypeResolver("Query", (_, _) => null));
        Assert.Equal(
            [
                "BindType<Human>(\"Humn\"): type \"Humn\" is not defined in the schema.",
                "BindScalar(\"Date\"): type \"Date\" is not defined in the schema.",
                "BindTypeResolver(\"Query\"): type \"Query\" is an object type; type resolvers bind to interfaces and unions. (1:1)",
                "BindResolver(\"Query\", \"heroes\"): field \"Query.heroes\" is not defined in the schema. Did you mean \"hero\"? (1:1)",
                "BindResolver(\"Mutation\", \"save\"): type \"Mutation\" is not defined in the schema.",
                "BindResolver(\"String\", \"length\"): type \"String\" is a scalar type, not an object type.",
            ],
            problems);
    }

    [Fact]
    public void BindEnum_maps_values_to_clr_members_and_reports_missing_ones()
    {
        var schema = SchemaBuilder.FromSdl("type Query { c: Color } enum Color { RED DARK_BLUE }")
            .BindEnum<Color>("Color").BindResolver("Query", "c", _ => Color.DarkBlue).Build();
        var color = (EnumType)schema.GetType("Color")!;
        Assert.Equal(Color.DarkBlue, color.GetValue("DARK_BLUE")!.Value);
        Assert.Equal("DARK_BLUE", color.Serialize(Color.DarkBlue));

        var problems = Problems(SchemaBuilder.FromSdl("type Query { c: Color }\nenum Color { RED GREEN }")
            .BindEnum<Color>("Color").BindResolver("Query", "c", _ => null));
        Assert.Equal(["BindEnum<Color>(\"Color\"): enum value Color.GREEN has no member in Color. (2:18)"], problems);
    }

    [Fact]
    public void Sdl_errors_carry_locations()
    {
        var problems = Problems(SchemaBuilder.FromSdl("type Query { a: Strin }\ntype Query { b: Int }\nextend type Missing { c: Int }").UseDefaultFieldResolver());
        Assert.Equal(
            [
                "There can be only one type named \"Query\". (2:6)",
                "Cannot extend type \"Missing\" because it is not defined. (3:13)",
                "Unknown type \"Strin\". Did you mean \"String\"? (1:17)",
            ],
            problems);
    }

    [Fact]
    public void Syntax_errors_are_reported_as_schema_errors()
    {
        var exception = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl("type Query {", "api.graphql").Build());
        Assert.StartsWith("Syntax Error:", exception.Errors[0].Message);
        Assert.Contains("api.graphql (1:13)", exception.Message);
    }

    [Fact]
    public void Missing_query_type_is_reported()
    {
        var problems = Problems(SchemaBuilder.FromSdl("type Foo { a: Int }").UseDefaultFieldResolver());
        Assert.Equal(["Query root type must be provided."], problems);
    }
}
