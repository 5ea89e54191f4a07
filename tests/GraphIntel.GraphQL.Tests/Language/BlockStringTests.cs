using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Tests.Language;

public sealed class BlockStringTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("  \n\t\n  ", "")]
    [InlineData("single line", "single line")]
    [InlineData("\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  ", "Hello,\n  World!\n\nYours,\n  GraphQL.")]
    [InlineData("\n\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n\n", "Hello,\n  World!\n\nYours,\n  GraphQL.")]
    [InlineData("    Hello,\n      World!\n\n    Yours,\n      GraphQL.", "    Hello,\n  World!\n\nYours,\n  GraphQL.")]
    [InlineData("\n    Hello,\r\n      World!\r    Yours,\n", "Hello,\n  World!\nYours,")]
    [InlineData("\t\tHello,\n\t\t  World!", "\t\tHello,\nWorld!")]
    [InlineData("first\n   \n  second", "first\n \nsecond")]
    [InlineData("a \\\"\"\" b\n  c \\\"\"\"", "a \"\"\" b\nc \"\"\"")]
    public void Value_implements_BlockStringValue(string raw, string expected)
    {
        Assert.Equal(expected, BlockString.Value(raw));
    }

    [Theory]
    [InlineData("", "\"\"\"\"\"\"")]
    [InlineData("single line", "\"\"\"single line\"\"\"")]
    [InlineData("  leading space", "\"\"\"  leading space\"\"\"")]
    [InlineData("\tleading tab", "\"\"\"\tleading tab\"\"\"")]
    [InlineData("trailing quote\"", "\"\"\"\ntrailing quote\"\n\"\"\"")]
    [InlineData("trailing slash\\", "\"\"\"\ntrailing slash\\\n\"\"\"")]
    [InlineData("has \"\"\" triple quotes", "\"\"\"has \\\"\"\" triple quotes\"\"\"")]
    [InlineData("ends in triple quotes\"\"\"", "\"\"\"\nends in triple quotes\\\"\"\"\n\"\"\"")]
    [InlineData("multi\nline", "\"\"\"\nmulti\nline\n\"\"\"")]
    [InlineData("multi\n  indented", "\"\"\"\nmulti\n  indented\n\"\"\"")]
    [InlineData("  leading\n  common indent", "\"\"\"\n  leading\n  common indent\n\"\"\"")]
    [InlineData("first\n\n  blank line", "\"\"\"\nfirst\n\n  blank line\n\"\"\"")]
    public void Print_matches_graphql_js_printBlockString(string value, string expected)
    {
        Assert.Equal(expected, BlockString.Print(value));
    }

    [Fact]
    public void Print_puts_long_single_lines_on_their_own_line()
    {
        var seventy = new string('x', 70);
        Assert.Equal("\"\"\"" + seventy + "\"\"\"", BlockString.Print(seventy));
        Assert.Equal("\"\"\"\n" + seventy + "y\n\"\"\"", BlockString.Print(seventy + "y"));
    }

    [Fact]
    public void Print_with_minimize_keeps_quotes_tight_unless_needed()
    {
        Assert.Equal("\"\"\"multi\nline\"\"\"", BlockString.Print("multi\nline", minimize: true));
        Assert.Equal("\"\"\"trailing\"\n\"\"\"", BlockString.Print("trailing\"", minimize: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("simple")]
    [InlineData("  indented first")]
    [InlineData("a\n  b\n    c")]
    [InlineData("\"quotes\" and \"\"\" triple and trailing \"")]
    [InlineData("back\\slash\\")]
    [InlineData("  leading first\nsecond\n  third")]
    public void Printed_block_strings_lex_back_to_the_same_value(string value)
    {
        var printed = BlockString.Print(value);
        var lexer = new Lexer(new Source(printed));
        var token = lexer.Advance();
        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal(value, lexer.GetValue(token));
    }
}
