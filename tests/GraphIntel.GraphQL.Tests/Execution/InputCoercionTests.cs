using System.Text.Json;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;
using static GraphIntel.GraphQL.Tests.Execution.ExecutionHarness;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>
/// CoerceVariableValues and CoerceArgumentValues: input objects with defaults, OneOf, lists, enums. Expected
/// responses are graphql-js 16's for the same schema, documents and variables, re-checked against graphql-js
/// (tests/conformance/execute-oracle.mjs) by <see cref="Graphql_js_answers_every_case_alike"/>.
/// </summary>
public sealed class InputCoercionTests
{
    private const string Sdl = """
        type Query { f(input: In): String  o(by: By): String  n(x: Int!): Int  list(xs: [Int!]): [Int] e(c: Color): Color }
        input In { a: Int! b: String = "dflt" c: [Int] }
        input By @oneOf { id: ID name: String }
        enum Color { RED GREEN }
        """;

    /// <summary>Each field returns its argument's coerced value (f and o as JSON text): the same in graphql-js (execute-oracle.mjs's "echo").</summary>
    private static readonly Dictionary<string, string[]> Echo = new()
    {
        ["f"] = ["input", "json"], ["o"] = ["by", "json"], ["n"] = ["x"], ["list"] = ["xs"], ["e"] = ["c"],
    };

    private static readonly Schema Schema = SchemaBuilder.FromSdl(Sdl)
        .BindResolver("Query", "f", c => JsonSerializer.Serialize(c.Arguments["input"]))
        .BindResolver("Query", "o", c => JsonSerializer.Serialize(c.Arguments["by"]))
        .BindResolver("Query", "n", c => c.Arguments["x"])
        .BindResolver("Query", "list", c => c.Arguments["xs"])
        .BindResolver("Query", "e", c => c.Arguments["c"])
        .Build();

    public static TheoryData<string, string, string> Cases => new()
    {
        { "query($i: In){ f(input: $i) }", """{"i":{"a":1}}""", """{"data":{"f":"{\"a\":1,\"b\":\"dflt\"}"}}""" },
        {
            "query($i: In){ f(input: $i) }", """{"i":{"a":"x","z":1}}""",
            """{"errors":[{"message":"Variable \"$i\" got invalid value \"x\" at \"i.a\"; Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":7}]},{"message":"Variable \"$i\" got invalid value { a: \"x\", z: 1 }; Field \"z\" is not defined by type \"In\". Did you mean \"a\", \"b\", or \"c\"?","locations":[{"line":1,"column":7}]}]}"""
        },
        {
            "query($i: In){ f(input: $i) }", """{"i":{"b":"q"}}""",
            """{"errors":[{"message":"Variable \"$i\" got invalid value { b: \"q\" }; Field \"a\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":7}]}]}"""
        },
        {
            "query($i: In){ f(input: $i) }", """{"i":[1]}""",
            """{"errors":[{"message":"Variable \"$i\" got invalid value [1]; Expected type \"In\" to be an object.","locations":[{"line":1,"column":7}]}]}"""
        },
        {
            "query($b: By){ o(by: $b) }", """{"b":{"id":1,"name":"x"}}""",
            """{"errors":[{"message":"Variable \"$b\" got invalid value { id: 1, name: \"x\" }; Exactly one key must be specified for OneOf type \"By\".","locations":[{"line":1,"column":7}]}]}"""
        },
        {
            "query($b: By){ o(by: $b) }", """{"b":{"id":null}}""",
            """{"errors":[{"message":"Variable \"$b\" got invalid value null at \"b.id\"; Field \"id\" must be non-null.","locations":[{"line":1,"column":7}]}]}"""
        },
        { "query($b: By){ o(by: $b) }", """{"b":{"name":"x"}}""", """{"data":{"o":"{\"name\":\"x\"}"}}""" },
        {
            "query($x: Int!){ n(x: $x) }", "{}",
            """{"errors":[{"message":"Variable \"$x\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":7}]}]}"""
        },
        {
            "query($x: Int!){ n(x: $x) }", """{"x":null}""",
            """{"errors":[{"message":"Variable \"$x\" of non-null type \"Int!\" must not be null.","locations":[{"line":1,"column":7}]}]}"""
        },
        {
            "query($x: Int!){ n(x: $x) }", """{"x":1.5}""",
            """{"errors":[{"message":"Variable \"$x\" got invalid value 1.5; Int cannot represent non-integer value: 1.5","locations":[{"line":1,"column":7}]}]}"""
        },
        {
            "query($xs: [Int!]){ list(xs: $xs) }", """{"xs":[1,null,"a"]}""",
            """{"errors":[{"message":"Variable \"$xs\" got invalid value null at \"xs[1]\"; Expected non-nullable type \"Int!\" not to be null.","locations":[{"line":1,"column":7}]},{"message":"Variable \"$xs\" got invalid value \"a\" at \"xs[2]\"; Int cannot represent non-integer value: \"a\"","locations":[{"line":1,"column":7}]}]}"""
        },
        { "query($xs: [Int!]){ list(xs: $xs) }", """{"xs":3}""", """{"data":{"list":[3]}}""" },
        {
            "query($c: Color){ e(c: $c) }", """{"c":"GREN"}""",
            """{"errors":[{"message":"Variable \"$c\" got invalid value \"GREN\"; Value \"GREN\" does not exist in \"Color\" enum. Did you mean the enum value \"GREEN\" or \"RED\"?","locations":[{"line":1,"column":7}]}]}"""
        },
        { "query($c: Color){ e(c: $c) }", """{"c":"GREEN"}""", """{"data":{"e":"GREEN"}}""" },
        { """{ f(input: {a: 1, c: 2}) o(by: {name: "n"}) }""", "{}", """{"data":{"f":"{\"a\":1,\"b\":\"dflt\",\"c\":[2]}","o":"{\"name\":\"n\"}"}}""" },
        { "query Q($x: Int = 3){ n(x: $x) }", "{}", """{"data":{"n":3}}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Coerces_like_graphql_js(string query, string variablesJson, string expected)
    {
        using var json = JsonDocument.Parse($$"""{"query": {{JsonSerializer.Serialize(query)}}, "variables": {{variablesJson}}}""");
        var request = GraphQLRequest.FromJson(json.RootElement);
        var result = await new GraphQLService(Schema).ExecuteAsync(request);
        AssertJson(expected, result.ToJson());
    }

    [Fact]
    public async Task Graphql_js_answers_every_case_alike()
    {
        var cases = ((IEnumerable<object?[]>)Cases).Select(row => (Query: (string)row[0]!, Variables: (string)row[1]!, Expected: (string)row[2]!)).ToArray();
        var answers = await GraphqlJsResponsesAsync(new
        {
            sdl = Sdl,
            root = new { },
            echo = Echo,
            queries = cases.Select(c => new { query = c.Query, variables = JsonDocument.Parse(c.Variables).RootElement }),
        });
        Assert.Equal(cases.Length, answers.Length);
        for (var i = 0; i < cases.Length; i++) Assert.True(Compact(cases[i].Expected) == Compact(answers[i]), $"{cases[i].Query} {cases[i].Variables}: graphql-js answers {answers[i]}");
    }

    [Fact]
    public async Task GetArgument_converts_to_the_requested_clr_type()
    {
        object? seen = null;
        var schema = SchemaBuilder.FromSdl("type Query { f(ids: [ID!]!, n: Int, ratio: Float, color: Color): Int } enum Color { RED DARK_BLUE }")
            .BindResolver("Query", "f", c =>
            {
                seen = (c.GetArgument<string[]>("ids"), c.GetArgument<List<string>>("ids"), c.GetArgument<long>("n"),
                    c.GetArgument<decimal>("ratio"), c.GetArgument("missing", 9), c.GetArgument<string>("color"));
                return 1;
            })
            .Build();
        await ExecuteAsync(schema, """{ f(ids: ["a", "b"], n: 3, ratio: 0.5, color: DARK_BLUE) }""");
        var (array, list, n, ratio, missing, color) = ((string[], List<string>, long, decimal, int, string))seen!;
        Assert.Equal(["a", "b"], array);
        Assert.Equal(["a", "b"], list);
        Assert.Equal(3L, n);
        Assert.Equal(0.5m, ratio);
        Assert.Equal(9, missing);
        Assert.Equal("DARK_BLUE", color);
    }

    [Fact]
    public void ValueFromAst_reports_invalid_literals_as_false()
    {
        var input = (InputObjectType)Schema.GetType("In")!;
        Assert.False(ValueCoercion.TryValueFromAst(GraphIntel.GraphQL.Language.Parser.ParseValue("{b: \"x\"}"), input, null, out _));
        Assert.True(ValueCoercion.TryValueFromAst(GraphIntel.GraphQL.Language.Parser.ParseValue("{a: 2}"), input, null, out var value));
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 2, ["b"] = "dflt" }, value);
    }
}
