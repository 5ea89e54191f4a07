using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Tests.Language;

public sealed class ParserLimitTests
{
    [Fact]
    public void Defaults_are_15000_tokens_and_depth_64()
    {
        Assert.Equal(15_000, ParseOptions.Default.MaxTokens);
        Assert.Equal(64, ParseOptions.Default.MaxDepth);
        Assert.False(ParseOptions.Default.NoLocation);
    }

    [Fact]
    public void Limits_must_be_positive()
    {
        var tokens = Assert.Throws<ArgumentOutOfRangeException>(() => new ParseOptions { MaxTokens = 0 });
        Assert.Equal("MaxTokens", tokens.ParamName);
        var depth = Assert.Throws<ArgumentOutOfRangeException>(() => new ParseOptions { MaxDepth = -1 });
        Assert.Equal("MaxDepth", depth.ParamName);
    }

    [Fact]
    public void Accepts_a_document_with_exactly_the_maximum_number_of_tokens()
    {
        // "{ a b c }" has 5 tokens.
        Parser.Parse("{ a b c }", new ParseOptions { MaxTokens = 5 });
    }

    [Fact]
    public void Rejects_a_document_with_more_tokens_at_the_first_token_over_the_limit()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a b c }", new ParseOptions { MaxTokens = 4 }));
        Assert.Equal("Syntax Error: Document contains more than 4 tokens. Parsing aborted.", error.Message);
        Assert.Equal(new SourceLocation(1, 9), error.Location);
    }

    [Fact]
    public void Comments_do_not_count_as_tokens()
    {
        Parser.Parse("# one\n{ a # two\n b c } # three", new ParseOptions { MaxTokens = 5 });
    }

    [Fact]
    public void The_default_token_limit_stops_a_huge_document()
    {
        var huge = "{ " + string.Join(" ", Enumerable.Repeat("a", 15_000)) + " }";
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(huge));
        Assert.Equal("Syntax Error: Document contains more than 15000 tokens. Parsing aborted.", error.Message);
    }

    [Theory]
    [InlineData(3, "{ a { b { c } } }")]
    [InlineData(3, "{ a(v: [[1]]) }")]
    [InlineData(3, "{ a(v: {b: {}}) }")]
    [InlineData(3, "{ a(v: [{b: 1}]) }")]
    [InlineData(3, "query($v: [[[Int]]]) { a }")]
    public void Accepts_nesting_up_to_the_maximum_depth_counting_selection_sets_values_and_list_types_together(int maxDepth, string document)
    {
        Parser.Parse(document, new ParseOptions { MaxDepth = maxDepth });
    }

    [Theory]
    [InlineData("{ a { b { c { d } } } }", 1, 13)]
    [InlineData("{ a(v: [[[1]]]) }", 1, 10)]
    [InlineData("{ a(v: {b: {c: {}}}) }", 1, 16)]
    [InlineData("query($v: [[[[Int]]]]) { a }", 1, 14)]
    public void Rejects_nesting_deeper_than_the_maximum_where_it_goes_too_deep(string document, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(document, new ParseOptions { MaxDepth = 3 }));
        Assert.Equal("Syntax Error: Document exceeds the maximum nesting depth of 3. Parsing aborted.", error.Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    [Fact]
    public void The_default_depth_limit_stops_deeply_nested_input_before_the_stack_does()
    {
        var deep = "{ a(v: " + new string('[', 10_000) + new string(']', 10_000) + ") }";
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(deep));
        Assert.Equal("Syntax Error: Document exceeds the maximum nesting depth of 64. Parsing aborted.", error.Message);
    }

    [Fact]
    public void Depth_limit_counts_nesting_not_siblings()
    {
        var wide = "{ " + string.Join(" ", Enumerable.Range(0, 200).Select(i => $"f{i} {{ x }}")) + " }";
        Parser.Parse(wide, new ParseOptions { MaxDepth = 2 });
    }
}
