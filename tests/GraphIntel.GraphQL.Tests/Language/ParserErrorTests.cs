using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Tests.Conformance;

namespace GraphIntel.GraphQL.Tests.Language;

/// <summary>
/// Syntax errors: for each broken document, value and type, the message and location graphql-js reports (asked in one
/// node run, tests/conformance/parse-oracle.mjs) are the ones we must report.
/// </summary>
public sealed class ParserErrorTests
{
    /// <summary>Broken documents; the message and position each must fail with are graphql-js's (asked in the test).</summary>
    public static TheoryData<string> Documents =>
    [
        "",
        "{",
        "{ a",
        "query",
        "query Q",
        "query Q(",
        "query Q($a) { a }",
        "query Q($a:) { a }",
        "query Q($a: Int = $b) { a }",
        "query Q($a: Int = [1 $b]) { a }",
        "query Q($a: Int = {x: $b}) { a }",
        "query Q($a: Int = $) { a }",
        "query Q($a: Int @dir(x: $y)) { a }",
        "{ a(b: ) }",
        "{ a(b) }",
        "{ ...on }",
        "{ ... }",
        "fragment on on T { a }",
        "fragment F on T",
        "fragment F T { a }",
        "fragment F($a: Int) on T { a }",
        "\"desc\" { a }",
        "\"desc\" extend type T @a",
        "extend",
        "extend query",
        "extend type T",
        "extend schema",
        "extend scalar S",
        "extend union U",
        "extend enum E",
        "extend input I",
        "extend interface I",
        "schema {}",
        "schema { query Q }",
        "schema { foo: Q }",
        "type T {}",
        "type T { a }",
        "type T implements { a: B }",
        "type T implements A, B",
        "union U = ",
        "union U = A |",
        "enum E { true }",
        "enum E { null }",
        "enum E {}",
        "input I { a: Int = $x }",
        "directive @d on",
        "directive @d on FOO",
        "directive d on FIELD",
        "directive @d on query",
        "type T { f: Int } \"desc\"",
        "\"d\" \"e\" type T",
        "query Q { a(b: 1 }",
        "query Q { a(b: {c 1}) }",
        "{ a @ }",
        "{ a() }",
        "query Q() { a }",
        "query Q { }",
        "{ a(b: $) }",
        "type T { a(): Int }",
        "input I {}",
        "{ a }\n  { b\n",
        "query Q {\n  a(\n    b: 1,\n    c: ]\n  )\n}",
        "mutation M { a } subscription",
        "scalar",
        "interface I implements",
        "{ f(a: \"s\" \"t\") }",
        "query Q($a: [Int!) { a }",
        "type T { a: [Int }",
        "union U @d = A B",
    ];

    /// <summary>Broken values (<see cref="Parser.ParseValue(string)"/>).</summary>
    public static TheoryData<string> Values => ["", "1 2", "{a: 1", "[1, 2"];

    /// <summary>Broken types (<see cref="Parser.ParseType(string)"/>).</summary>
    public static TheoryData<string> Types => ["", "[String", "String!!", "String Int"];

    private const string ConstValueWithAVariable = "[1, $var]";

    private static readonly GraphqlJsAnswers GraphqlJs = new(
    [
        .. Documents.Texts().Select(text => new ParseRequest(text)),
        .. Values.Texts().Select(text => new ParseRequest(text, ParseRequest.Value)),
        .. Types.Texts().Select(text => new ParseRequest(text, ParseRequest.Type)),
        new ParseRequest(ConstValueWithAVariable, ParseRequest.ConstValue),
    ]);

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Reports_syntax_errors_like_graphql_js(string document)
    {
        var (message, location) = (await GraphqlJs.ForAsync(new ParseRequest(document))).Error;
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(document));
        Assert.Equal(message, error.Message);
        var graphQLError = Assert.Single(error.Errors);
        Assert.Equal(message, graphQLError.Message);
        Assert.Equal([location], graphQLError.Locations);
        Assert.Equal("Syntax Error: " + error.Description, error.Message);
    }

    [Fact]
    public void A_syntax_error_is_a_GraphQLException_with_the_source_and_position()
    {
        var source = new Source("{ a(b: ) }", "my-query.graphql");
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));
        Assert.IsAssignableFrom<GraphQLException>(error);
        Assert.Same(source, error.GraphQLSource);
        Assert.Equal(7, error.Position);
        Assert.Equal(new SourceLocation(1, 8), error.Location);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public async Task ParseValue_reports_errors_like_graphql_js(string text)
    {
        var (message, location) = (await GraphqlJs.ForAsync(new ParseRequest(text, ParseRequest.Value))).Error;
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseValue(text));
        Assert.Equal(message, error.Message);
        Assert.Equal(location, error.Location);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task ParseType_reports_errors_like_graphql_js(string text)
    {
        var (message, location) = (await GraphqlJs.ForAsync(new ParseRequest(text, ParseRequest.Type))).Error;
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseType(text));
        Assert.Equal(message, error.Message);
        Assert.Equal(location, error.Location);
    }

    [Fact]
    public async Task ParseConstValue_rejects_variables_like_graphql_js()
    {
        var (message, location) = (await GraphqlJs.ForAsync(new ParseRequest(ConstValueWithAVariable, ParseRequest.ConstValue))).Error;
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseConstValue(ConstValueWithAVariable));
        Assert.Equal(message, error.Message);
        Assert.Equal(location, error.Location);
    }
}
