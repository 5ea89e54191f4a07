using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Tests.Conformance;

namespace GraphIntel.GraphQL.Tests.Language;

/// <summary>
/// The printer: every expected output is graphql-js 16's for the same input (<c>print</c>, asked in one node run,
/// tests/conformance/parse-oracle.mjs), except where a comment says the expectation is our own.
/// </summary>
public sealed class PrinterTests
{
    /// <summary>Documents whose print must be graphql-js's <c>print(parse(document))</c> (asked in the test).</summary>
    public static TheoryData<string> Documents =>
    [
        KitchenSink.Query,
        KitchenSink.Schema,
        "\"op desc\" query Q { a }",
        "\"frag\" fragment F on T { a }",
        "query Q(\"var desc\" $a: Int, $b: String) { a }",
        "query Q($b: String = \"\"\"x\ny\"\"\") { a }",
        "query ($a: Int) { a }",
        "query @d { a }",
        "query { a }",
        "mutation { a }",
        "{ f(a: \"\"\"block\n  string\n\"\"\", b: 1) { g(c: \"\"\"x\ny\"\"\") } }",
        "{ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(b: 1, c: 2) }",
        "{ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(b: 1) }",
        "{ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(b: 1) }",
        "{ a(b: \"\\u007F\\u0080\\u009F\\u00A0 \\b\\f\\r\\u000B\\u001F\") }",
        "type T { f(a: Int = \"\"\"x\ny\"\"\"): Int }",
        "type T { f(\"\"\"d\"\"\" a: Int, b: Int): Int }",
        "directive @d(\"\"\"multi\nline\"\"\" a: Int) on FIELD",
        "type T implements A & B @d { a(b: Int = 1, c: [String!] = [\"x\"]): Int @f }",
        "union U @d = | A | B",
        "enum E { A @d \"desc\" B }",
        "input I { \"d\" a: Int = 1 @d, b: [I!]! }",
        "schema @d { query: Q } extend schema @e",
        "extend type T implements I",
        "extend union U = A",
        "extend enum E @d",
        "{ a(b: [], c: {}, d: {e: [1.5, -0.0, 1e10]}) }",
        "fragment F on T @d(a: 1) { ...G ... on U { b } ... @skip(if: true) { c } }",
    ];

    /// <summary>String values whose printed form must be graphql-js's <c>printString</c>.</summary>
    public static TheoryData<string> Strings =>
    [
        "",
        "plain",
        "quote \" backslash \\",
        "\u0000\u0001\u001F\u007F\u009F\u00A0",
        "\b\t\n\u000B\f\r",
        "\U0001F600 \u00e9",
    ];

    private const string TypeText = "[ String ! ]";
    private const string ValueText = "{ a : [ 1 , 2.5 ENUM null $v ] }";

    private static readonly GraphqlJsAnswers GraphqlJs = new(
    [
        .. Documents.Texts().Select(text => new ParseRequest(text)),
        .. Strings.Texts().Select(text => new ParseRequest(text, ParseRequest.StringValue)),
        new ParseRequest(TypeText, ParseRequest.Type),
        new ParseRequest(ValueText, ParseRequest.Value),
    ]);

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Prints_like_graphql_js(string document)
    {
        var expected = (await GraphqlJs.ForAsync(new ParseRequest(document))).Print;
        Assert.Equal(expected, Printer.Print(Parser.Parse(document)));
    }

    public static TheoryData<string> Corpus =>
    [
        KitchenSink.Query,
        KitchenSink.Schema,
        "{ a(b: \"\"\"  indented first line\n  then\n    more\"\"\") }",
        "\"\"\"\n  Description with \\\"\"\" escaped quotes\n\"\"\"\ntype T { a: Int }",
        "query Q($a: [Int!]! = [1, 2], $b: In = {a: {b: [null]}}) @d(x: \"y\") { ... on T { ...F } }",
    ];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Printing_is_a_fixed_point_after_one_round(string document)
    {
        var printed = Printer.Print(Parser.Parse(document));
        Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
    }

    [Fact]
    public void Prints_hand_built_nodes_without_locations()
    {
        var field = new FieldNode
        {
            Alias = new NameNode { Value = "who" },
            Name = new NameNode { Value = "group" },
            Arguments = [new ArgumentNode { Name = new NameNode { Value = "id" }, Value = new StringValueNode { Value = "g\"1" } }],
        };
        // Our own expectation: a node built without a location prints as a parsed one would.
        Assert.Equal("who: group(id: \"g\\\"1\")", Printer.Print(field));
    }

    [Fact]
    public async Task Prints_types_and_values_like_graphql_js()
    {
        Assert.Equal((await GraphqlJs.ForAsync(new ParseRequest(TypeText, ParseRequest.Type))).Print, Printer.Print(Parser.ParseType(TypeText)));
        Assert.Equal((await GraphqlJs.ForAsync(new ParseRequest(ValueText, ParseRequest.Value))).Print, Printer.Print(Parser.ParseValue(ValueText)));
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public async Task PrintString_escapes_like_graphql_js(string value)
    {
        Assert.Equal((await GraphqlJs.ForAsync(new ParseRequest(value, ParseRequest.StringValue))).Print, Printer.PrintString(value));
    }

    // Our own choice: ToString is the printer's output.
    [Fact]
    public void Node_ToString_prints_the_node()
    {
        Assert.Equal("{\n  a\n}", Parser.Parse("{a}").ToString());
    }
}
