using GraphIntel.GraphQL.Types;
using static GraphIntel.GraphQL.Tests.Execution.ExecutionHarness;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>ResolveAbstractType: type resolvers, bound CLR types, <c>__typename</c> entries, isTypeOf, and the errors.</summary>
public sealed class AbstractTypeTests
{
    private const string Sdl = """
        type Query { pets: [Pet] search: [Result] }
        interface Pet { name: String! }
        type Dog implements Pet { name: String! barks: Boolean! }
        type Cat implements Pet { name: String! lives: Int! }
        union Result = Dog | Cat
        """;

    private sealed record Dog(string Name, bool Barks);

    private sealed record Cat(string Name, int Lives);

    private const string Query = "{ pets { name __typename ... on Dog { barks } ... on Cat { lives } } search { ... on Cat { name } } }";

    private const string Expected = """
        {"data":{"pets":[{"name":"Rex","__typename":"Dog","barks":true},{"name":"Tom","__typename":"Cat","lives":9}],"search":[{},{"name":"Tom"}]}}
        """;

    private static readonly object[] Pets = [new Dog("Rex", true), new Cat("Tom", 9)];

    [Fact]
    public async Task Bound_clr_types_resolve_interfaces_and_unions()
    {
        var schema = SchemaBuilder.FromSdl(Sdl).BindType<Dog>("Dog").BindType<Cat>("Cat")
            .BindResolver("Query", "pets", _ => Pets).BindResolver("Query", "search", _ => Pets).Build();
        AssertJson(Expected, await ExecuteJsonAsync(schema, Query));
    }

    [Fact]
    public async Task Type_resolvers_decide_when_bound()
    {
        var schema = SchemaBuilder.FromSdl(Sdl).UseDefaultFieldResolver()
            .BindTypeResolver("Pet", (value, _) => ((IReadOnlyDictionary<string, object?>)value).ContainsKey("barks") ? "Dog" : "Cat")
            .BindTypeResolver("Result", (value, _) => ((IReadOnlyDictionary<string, object?>)value).ContainsKey("barks") ? "Dog" : "Cat")
            .BindResolver("Query", "pets", _ => Maps())
            .BindResolver("Query", "search", _ => Maps())
            .Build();
        AssertJson(Expected, await ExecuteJsonAsync(schema, Query));

        static object[] Maps() =>
        [
            new Dictionary<string, object?> { ["name"] = "Rex", ["barks"] = true },
            new Dictionary<string, object?> { ["name"] = "Tom", ["lives"] = 9 },
        ];
    }

    [Fact]
    public async Task Typename_entries_and_isTypeOf_resolve_without_a_type_resolver()
    {
        var schema = SchemaBuilder.FromSdl(Sdl).UseDefaultFieldResolver()
            .BindIsTypeOf("Dog", (value, _) => value is Dog)
            .BindIsTypeOf("Cat", (value, _) => value is Cat)
            .BindResolver("Query", "pets", _ => new object[]
            {
                new Dictionary<string, object?> { ["__typename"] = "Dog", ["name"] = "Rex", ["barks"] = true },
                new Cat("Tom", 9),
            })
            .BindResolver("Query", "search", _ => Pets)
            .Build();
        // isTypeOf also guards object fields: a dictionary under Dog fails Dog's check.
        var json = await ExecuteJsonAsync(schema, Query);
        AssertJson(
            """
            {"errors":[{"message":"Expected value of type \"Dog\" but got: { __typename: \"Dog\", name: \"Rex\", barks: true }.","locations":[{"line":1,"column":3}],"path":["pets",0]}],
             "data":{"pets":[null,{"name":"Tom","__typename":"Cat","lives":9}],"search":[{},{"name":"Tom"}]}}
            """,
            json);
    }

    [Fact]
    public async Task Unresolvable_values_are_field_errors_with_graphql_js_messages()
    {
        const string sdl = Sdl + " type Other { x: Int }";
        const string query = "{ pets { name } search { __typename } }";
        // Pet has no type resolver; Result's names the type the value names. The same in graphql-js (execute-oracle.mjs).
        var schema = SchemaBuilder.FromSdl(sdl).UseDefaultFieldResolver()
            .BindTypeResolver("Result", (value, _) => (string)value)
            .BindResolver("Query", "pets", _ => new object[] { 42 })
            .BindResolver("Query", "search", _ => new object[] { "Nope", "Other", "Pet" })
            .Build();
        var expected = await GraphqlJsResponsesAsync(new
        {
            sdl,
            root = new { pets = new object[] { 42 }, search = new[] { "Nope", "Other", "Pet" } },
            typeIsValue = new[] { "Result" },
            queries = new[] { query },
        });
        AssertJson(Assert.Single(expected), await ExecuteJsonAsync(schema, query));
    }
}
