using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Tests.Language;

public sealed class PrinterTests
{
    [Fact]
    public void Prints_the_kitchen_sink_query_as_graphql_js_does()
    {
        Assert.Equal(KitchenSink.PrintedQuery, Printer.Print(Parser.Parse(KitchenSink.Query)));
    }

    [Fact]
    public void Prints_the_kitchen_sink_schema_as_graphql_js_does()
    {
        Assert.Equal(KitchenSink.PrintedSchema, Printer.Print(Parser.Parse(KitchenSink.Schema)));
    }

    // Expected outputs are graphql-js 16.15 print(parse(document)).
    [Theory]
    [InlineData("\"op desc\" query Q { a }", "\"op desc\"\nquery Q {\n  a\n}")]
    [InlineData("\"frag\" fragment F on T { a }", "\"frag\"\nfragment F on T {\n  a\n}")]
    [InlineData("query Q(\"var desc\" $a: Int, $b: String) { a }", "query Q(\n\"var desc\"\n$a: Int\n$b: String\n) {\n  a\n}")]
    [InlineData("query Q($b: String = \"\"\"x\ny\"\"\") { a }", "query Q(\n$b: String = \"\"\"\nx\ny\n\"\"\"\n) {\n  a\n}")]
    [InlineData("query ($a: Int) { a }", "query ($a: Int) {\n  a\n}")]
    [InlineData("query @d { a }", "query @d {\n  a\n}")]
    [InlineData("query { a }", "{\n  a\n}")]
    [InlineData("mutation { a }", "mutation {\n  a\n}")]
    [InlineData("{ f(a: \"\"\"block\n  string\n\"\"\", b: 1) { g(c: \"\"\"x\ny\"\"\") } }", "{\n  f(a: \"\"\"\n  block\n  string\n  \"\"\", b: 1) {\n    g(c: \"\"\"\n    x\n    y\n    \"\"\")\n  }\n}")]
    [InlineData("{ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(b: 1, c: 2) }", "{\n  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(\n    b: 1\n    c: 2\n  )\n}")]
    [InlineData("{ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(b: 1) }", "{\n  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(b: 1)\n}")]
    [InlineData("{ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(b: 1) }", "{\n  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa(b: 1)\n}")]
    [InlineData("{ a(b: \"\\u007F\\u0080\\u009F\\u00A0 \\b\\f\\r\\u000B\\u001F\") }", "{\n  a(b: \"\\u007F\\u0080\\u009F  \\b\\f\\r\\u000B\\u001F\")\n}")]
    [InlineData("type T { f(a: Int = \"\"\"x\ny\"\"\"): Int }", "type T {\n  f(\n    a: Int = \"\"\"\n    x\n    y\n    \"\"\"\n  ): Int\n}")]
    [InlineData("type T { f(\"\"\"d\"\"\" a: Int, b: Int): Int }", "type T {\n  f(\n    \"\"\"d\"\"\"\n    a: Int\n    b: Int\n  ): Int\n}")]
    [InlineData("directive @d(\"\"\"multi\nline\"\"\" a: Int) on FIELD", "directive @d(\n  \"\"\"\n  multi\n  line\n  \"\"\"\n  a: Int\n) on FIELD")]
    [InlineData("type T implements A & B @d { a(b: Int = 1, c: [String!] = [\"x\"]): Int @f }", "type T implements A & B @d {\n  a(b: Int = 1, c: [String!] = [\"x\"]): Int @f\n}")]
    [InlineData("union U @d = | A | B", "union U @d = A | B")]
    [InlineData("enum E { A @d \"desc\" B }", "enum E {\n  A @d\n  \"desc\"\n  B\n}")]
    [InlineData("input I { \"d\" a: Int = 1 @d, b: [I!]! }", "input I {\n  \"d\"\n  a: Int = 1 @d\n  b: [I!]!\n}")]
    [InlineData("schema @d { query: Q } extend schema @e", "schema @d {\n  query: Q\n}\n\nextend schema @e")]
    [InlineData("extend type T implements I", "extend type T implements I")]
    [InlineData("extend union U = A", "extend union U = A")]
    [InlineData("extend enum E @d", "extend enum E @d")]
    [InlineData("{ a(b: [], c: {}, d: {e: [1.5, -0.0, 1e10]}) }", "{\n  a(b: [], c: {}, d: {e: [1.5, -0.0, 1e10]})\n}")]
    [InlineData("fragment F on T @d(a: 1) { ...G ... on U { b } ... @skip(if: true) { c } }", "fragment F on T @d(a: 1) {\n  ...G\n  ... on U {\n    b\n  }\n  ... @skip(if: true) {\n    c\n  }\n}")]
    public void Prints_like_graphql_js(string document, string expected)
    {
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
        Assert.Equal("who: group(id: \"g\\\"1\")", Printer.Print(field));
        Assert.Equal("[String!]", Printer.Print(Parser.ParseType("[ String ! ]")));
        Assert.Equal("{a: [1, 2.5, ENUM, null, $v]}", Printer.Print(Parser.ParseValue("{ a : [ 1 , 2.5 ENUM null $v ] }")));
    }

    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote \" backslash \\", "\"quote \\\" backslash \\\\\"")]
    [InlineData("\u0000\u0001\u001F\u007F\u009F\u00A0", "\"\\u0000\\u0001\\u001F\\u007F\\u009F\u00A0\"")]
    [InlineData("\b\t\n\u000B\f\r", "\"\\b\\t\\n\\u000B\\f\\r\"")]
    [InlineData("\U0001F600 \u00e9", "\"\U0001F600 \u00e9\"")]
    public void PrintString_escapes_like_graphql_js(string value, string expected)
    {
        Assert.Equal(expected, Printer.PrintString(value));
    }

    [Fact]
    public void Node_ToString_prints_the_node()
    {
        Assert.Equal("{\n  a\n}", Parser.Parse("{a}").ToString());
    }
}
