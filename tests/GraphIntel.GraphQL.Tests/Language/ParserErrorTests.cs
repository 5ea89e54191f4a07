using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Tests.Language;

public sealed class ParserErrorTests
{
    // Messages and positions are those graphql-js 16.15 reports for the same documents.
    [Theory]
    [InlineData("", "Unexpected <EOF>.", 1, 1)]
    [InlineData("{", "Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ a", "Expected Name, found <EOF>.", 1, 4)]
    [InlineData("query", "Expected \"{\", found <EOF>.", 1, 6)]
    [InlineData("query Q", "Expected \"{\", found <EOF>.", 1, 8)]
    [InlineData("query Q(", "Expected \"$\", found <EOF>.", 1, 9)]
    [InlineData("query Q($a) { a }", "Expected \":\", found \")\".", 1, 11)]
    [InlineData("query Q($a:) { a }", "Expected Name, found \")\".", 1, 12)]
    [InlineData("query Q($a: Int = $b) { a }", "Unexpected variable \"$b\" in constant value.", 1, 19)]
    [InlineData("query Q($a: Int = [1 $b]) { a }", "Unexpected variable \"$b\" in constant value.", 1, 22)]
    [InlineData("query Q($a: Int = {x: $b}) { a }", "Unexpected variable \"$b\" in constant value.", 1, 23)]
    [InlineData("query Q($a: Int = $) { a }", "Unexpected \"$\".", 1, 19)]
    [InlineData("query Q($a: Int @dir(x: $y)) { a }", "Unexpected variable \"$y\" in constant value.", 1, 25)]
    [InlineData("{ a(b: ) }", "Unexpected \")\".", 1, 8)]
    [InlineData("{ a(b) }", "Expected \":\", found \")\".", 1, 6)]
    [InlineData("{ ...on }", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("{ ... }", "Expected \"{\", found \"}\".", 1, 7)]
    [InlineData("fragment on on T { a }", "Unexpected Name \"on\".", 1, 10)]
    [InlineData("fragment F on T", "Expected \"{\", found <EOF>.", 1, 16)]
    [InlineData("fragment F T { a }", "Expected \"on\", found Name \"T\".", 1, 12)]
    [InlineData("fragment F($a: Int) on T { a }", "Expected \"on\", found \"(\".", 1, 11)]
    [InlineData("\"desc\" { a }", "Unexpected description, descriptions are not supported on shorthand queries.", 1, 1)]
    [InlineData("\"desc\" extend type T @a", "Unexpected description, only GraphQL definitions support descriptions.", 1, 1)]
    [InlineData("extend", "Unexpected <EOF>.", 1, 7)]
    [InlineData("extend query", "Unexpected Name \"query\".", 1, 8)]
    [InlineData("extend type T", "Unexpected <EOF>.", 1, 14)]
    [InlineData("extend schema", "Unexpected <EOF>.", 1, 14)]
    [InlineData("extend scalar S", "Unexpected <EOF>.", 1, 16)]
    [InlineData("extend union U", "Unexpected <EOF>.", 1, 15)]
    [InlineData("extend enum E", "Unexpected <EOF>.", 1, 14)]
    [InlineData("extend input I", "Unexpected <EOF>.", 1, 15)]
    [InlineData("extend interface I", "Unexpected <EOF>.", 1, 19)]
    [InlineData("schema {}", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("schema { query Q }", "Expected \":\", found Name \"Q\".", 1, 16)]
    [InlineData("schema { foo: Q }", "Unexpected Name \"foo\".", 1, 10)]
    [InlineData("type T {}", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("type T { a }", "Expected \":\", found \"}\".", 1, 12)]
    [InlineData("type T implements { a: B }", "Expected Name, found \"{\".", 1, 19)]
    [InlineData("type T implements A, B", "Unexpected Name \"B\".", 1, 22)]
    [InlineData("union U = ", "Expected Name, found <EOF>.", 1, 11)]
    [InlineData("union U = A |", "Expected Name, found <EOF>.", 1, 14)]
    [InlineData("enum E { true }", "Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("enum E { null }", "Name \"null\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("enum E {}", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("input I { a: Int = $x }", "Unexpected variable \"$x\" in constant value.", 1, 20)]
    [InlineData("directive @d on", "Expected Name, found <EOF>.", 1, 16)]
    [InlineData("directive @d on FOO", "Unexpected Name \"FOO\".", 1, 17)]
    [InlineData("directive d on FIELD", "Expected \"@\", found Name \"d\".", 1, 11)]
    [InlineData("directive @d on query", "Unexpected Name \"query\".", 1, 17)]
    [InlineData("type T { f: Int } \"desc\"", "Unexpected <EOF>.", 1, 25)]
    [InlineData("\"d\" \"e\" type T", "Unexpected String \"e\".", 1, 5)]
    [InlineData("query Q { a(b: 1 }", "Expected Name, found \"}\".", 1, 18)]
    [InlineData("query Q { a(b: {c 1}) }", "Expected \":\", found Int \"1\".", 1, 19)]
    [InlineData("{ a @ }", "Expected Name, found \"}\".", 1, 7)]
    [InlineData("{ a() }", "Expected Name, found \")\".", 1, 5)]
    [InlineData("query Q() { a }", "Expected \"$\", found \")\".", 1, 9)]
    [InlineData("query Q { }", "Expected Name, found \"}\".", 1, 11)]
    [InlineData("{ a(b: $) }", "Expected Name, found \")\".", 1, 9)]
    [InlineData("type T { a(): Int }", "Expected Name, found \")\".", 1, 12)]
    [InlineData("input I {}", "Expected Name, found \"}\".", 1, 10)]
    [InlineData("{ a }\n  { b\n", "Expected Name, found <EOF>.", 3, 1)]
    [InlineData("query Q {\n  a(\n    b: 1,\n    c: ]\n  )\n}", "Unexpected \"]\".", 4, 8)]
    [InlineData("mutation M { a } subscription", "Expected \"{\", found <EOF>.", 1, 30)]
    [InlineData("scalar", "Expected Name, found <EOF>.", 1, 7)]
    [InlineData("interface I implements", "Expected Name, found <EOF>.", 1, 23)]
    [InlineData("{ f(a: \"s\" \"t\") }", "Expected Name, found String \"t\".", 1, 12)]
    [InlineData("query Q($a: [Int!) { a }", "Expected \"]\", found \")\".", 1, 18)]
    [InlineData("type T { a: [Int }", "Expected \"]\", found \"}\".", 1, 18)]
    [InlineData("union U @d = A B", "Unexpected Name \"B\".", 1, 16)]
    public void Reports_syntax_errors_like_graphql_js(string document, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(document));
        Assert.Equal("Syntax Error: " + message, error.Message);
        var graphQLError = Assert.Single(error.Errors);
        Assert.Equal("Syntax Error: " + message, graphQLError.Message);
        Assert.Equal([new SourceLocation(line, column)], graphQLError.Locations);
        Assert.Equal(message, error.Description);
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
    [InlineData("", "Unexpected <EOF>.", 1, 1)]
    [InlineData("1 2", "Expected <EOF>, found Int \"2\".", 1, 3)]
    [InlineData("{a: 1", "Expected Name, found <EOF>.", 1, 6)]
    [InlineData("[1, 2", "Unexpected <EOF>.", 1, 6)]
    public void ParseValue_reports_errors(string text, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseValue(text));
        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    [Theory]
    [InlineData("", "Expected Name, found <EOF>.", 1, 1)]
    [InlineData("[String", "Expected \"]\", found <EOF>.", 1, 8)]
    [InlineData("String!!", "Expected <EOF>, found \"!\".", 1, 8)]
    [InlineData("String Int", "Expected <EOF>, found Name \"Int\".", 1, 8)]
    public void ParseType_reports_errors(string text, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseType(text));
        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    [Fact]
    public void ParseConstValue_rejects_variables()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseConstValue("[1, $var]"));
        Assert.Equal("Syntax Error: Unexpected variable \"$var\" in constant value.", error.Message);
        Assert.Equal(new SourceLocation(1, 5), error.Location);
    }
}
