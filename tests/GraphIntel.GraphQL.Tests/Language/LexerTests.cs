using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Tests.Language;

public sealed class LexerTests
{
    private static (Token Token, string? Value) LexOne(string text)
    {
        var lexer = new Lexer(new Source(text));
        var token = lexer.Advance();
        return (token, lexer.GetValue(token));
    }

    private static List<(TokenKind Kind, string? Value)> LexAll(string text)
    {
        var lexer = new Lexer(new Source(text));
        var tokens = new List<(TokenKind, string?)>();
        for (var token = lexer.Advance(); token.Kind != TokenKind.EndOfFile; token = lexer.Advance())
        {
            tokens.Add((token.Kind, lexer.GetValue(token)));
        }
        return tokens;
    }

    private static GraphQLSyntaxException LexError(string text)
    {
        var lexer = new Lexer(new Source(text));
        try
        {
            while (lexer.Advance().Kind != TokenKind.EndOfFile)
            {
            }
        }
        catch (GraphQLSyntaxException e)
        {
            return e;
        }
        throw new Xunit.Sdk.XunitException($"Expected a syntax error lexing {text}");
    }

    [Fact]
    public void Starts_on_the_start_of_file_token_and_stays_on_end_of_file()
    {
        var lexer = new Lexer(new Source(" "));
        Assert.Equal(TokenKind.StartOfFile, lexer.Token.Kind);
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
        Assert.Equal(new Token(TokenKind.EndOfFile, 1, 1, 1, 2), lexer.Token);
    }

    [Fact]
    public void Lexes_every_punctuator()
    {
        var kinds = LexAll("! $ & ( ) ... : = @ [ ] { | }").Select(t => t.Kind);
        Assert.Equal(
            [
                TokenKind.Bang, TokenKind.Dollar, TokenKind.Amp, TokenKind.ParenL, TokenKind.ParenR, TokenKind.Spread,
                TokenKind.Colon, TokenKind.Equals, TokenKind.At, TokenKind.BracketL, TokenKind.BracketR, TokenKind.BraceL,
                TokenKind.Pipe, TokenKind.BraceR,
            ],
            kinds);
    }

    [Fact]
    public void Skips_whitespace_commas_comments_and_the_byte_order_mark_and_tracks_lines()
    {
        var lexer = new Lexer(new Source("\uFEFF\n\n    # a comment\r\n  ,,\t foo # trailing\r  bar"));
        var foo = lexer.Advance();
        Assert.Equal(new Token(TokenKind.Name, 26, 29, 4, 7), foo);
        Assert.Equal("foo", lexer.GetValue(foo));
        var bar = lexer.Advance();
        Assert.Equal(5, bar.Line);
        Assert.Equal(3, bar.Column);
        Assert.Equal(foo, lexer.LastToken);
    }

    [Fact]
    public void Lookahead_does_not_move_the_lexer()
    {
        var lexer = new Lexer(new Source("a b"));
        lexer.Advance();
        var next = lexer.Lookahead();
        Assert.Equal("b", lexer.GetValue(next));
        Assert.Equal("a", lexer.GetValue(lexer.Token));
        Assert.Equal(next, lexer.Advance());
    }

    [Theory]
    [InlineData("simple", "simple")]
    [InlineData("_under_score9", "_under_score9")]
    [InlineData("Az09_", "Az09_")]
    public void Lexes_names(string text, string expected)
    {
        var (token, value) = LexOne(text);
        Assert.Equal(TokenKind.Name, token.Kind);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("4", TokenKind.Int)]
    [InlineData("-4", TokenKind.Int)]
    [InlineData("0", TokenKind.Int)]
    [InlineData("-0", TokenKind.Int)]
    [InlineData("9007199254740993", TokenKind.Int)]
    [InlineData("4.123", TokenKind.Float)]
    [InlineData("-4.123", TokenKind.Float)]
    [InlineData("0.123", TokenKind.Float)]
    [InlineData("123e4", TokenKind.Float)]
    [InlineData("123E4", TokenKind.Float)]
    [InlineData("123e-4", TokenKind.Float)]
    [InlineData("123e+4", TokenKind.Float)]
    [InlineData("-1.123e4567", TokenKind.Float)]
    public void Lexes_numbers_keeping_their_text(string text, TokenKind kind)
    {
        var (token, value) = LexOne(text);
        Assert.Equal(kind, token.Kind);
        Assert.Equal(text, value);
    }

    [Theory]
    [InlineData("00", "Invalid number, unexpected digit after 0: \"0\".", 1, 2)]
    [InlineData("01", "Invalid number, unexpected digit after 0: \"1\".", 1, 2)]
    [InlineData("+1", "Unexpected character: \"+\".", 1, 1)]
    [InlineData("1.", "Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("1e", "Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("1.e1", "Invalid number, expected digit but got: \"e\".", 1, 3)]
    [InlineData(".123", "Unexpected character: \".\".", 1, 1)]
    [InlineData("1.A", "Invalid number, expected digit but got: \"A\".", 1, 3)]
    [InlineData("-A", "Invalid number, expected digit but got: \"A\".", 1, 2)]
    [InlineData("1.0e", "Invalid number, expected digit but got: <EOF>.", 1, 5)]
    [InlineData("1.0eA", "Invalid number, expected digit but got: \"A\".", 1, 5)]
    [InlineData("1.0e\"", "Invalid number, expected digit but got: '\"'.", 1, 5)]
    [InlineData("1.2e3e", "Invalid number, expected digit but got: \"e\".", 1, 6)]
    [InlineData("1.2e3.4", "Invalid number, expected digit but got: \".\".", 1, 6)]
    [InlineData("1.23.4", "Invalid number, expected digit but got: \".\".", 1, 5)]
    [InlineData("0xF1", "Invalid number, expected digit but got: \"x\".", 1, 2)]
    [InlineData("1_234", "Invalid number, expected digit but got: \"_\".", 1, 2)]
    [InlineData("1\u00DF", "Unexpected character: U+00DF.", 1, 2)]
    public void Rejects_malformed_numbers_and_numbers_followed_by_a_name(string text, string message, int line, int column)
    {
        var error = LexError(text);
        Assert.Equal("Syntax Error: " + message, error.Errors[0].Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\b\t\f")]
    [InlineData("\"slashes \\\\ \\/\"", "slashes \\ /")]
    [InlineData("\"unescaped unicode outside BMP \U0001F600\"", "unescaped unicode outside BMP \U0001F600")]
    [InlineData("\"unescaped maximal unicode outside BMP \U0010FFFF\"", "unescaped maximal unicode outside BMP \U0010FFFF")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"string with unicode escape outside BMP \\u{1F600}\"", "string with unicode escape outside BMP \U0001F600")]
    [InlineData("\"string with minimal unicode escape \\u{0}\"", "string with minimal unicode escape \u0000")]
    [InlineData("\"string with maximal unicode escape \\u{10FFFF}\"", "string with maximal unicode escape \U0010FFFF")]
    [InlineData("\"string with maximal minimal unicode escape \\u{00000000}\"", "string with maximal minimal unicode escape \u0000")]
    [InlineData("\"string with unicode surrogate pair escape \\uD83D\\uDE00\"", "string with unicode surrogate pair escape \U0001F600")]
    [InlineData("\"string with minimal surrogate pair escape \\uD800\\uDC00\"", "string with minimal surrogate pair escape \U00010000")]
    [InlineData("\"string with maximal surrogate pair escape \\uDBFF\\uDFFF\"", "string with maximal surrogate pair escape \U0010FFFF")]
    [InlineData("\"control \u0007 char\"", "control \u0007 char")]
    [InlineData("\"line separator \u2028 is not a line terminator\"", "line separator \u2028 is not a line terminator")]
    public void Lexes_strings_resolving_escapes(string text, string expected)
    {
        var (token, value) = LexOne(text);
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(expected, value);
        Assert.Equal(text.Length, token.End);
    }

    [Fact]
    public void Resolves_escapes_in_long_strings()
    {
        var body = string.Concat(Enumerable.Repeat("ab\\u00e9\\n", 200));
        var (_, value) = LexOne("\"" + body + "\"");
        Assert.Equal(string.Concat(Enumerable.Repeat("ab\u00e9\n", 200)), value);
    }

    [Theory]
    [InlineData("\"", "Unterminated string.", 1, 2)]
    [InlineData("\"\"\"", "Unterminated string.", 1, 4)]
    [InlineData("\"\"\"\"", "Unterminated string.", 1, 5)]
    [InlineData("\"no end quote", "Unterminated string.", 1, 14)]
    [InlineData("'single quotes'", "Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    [InlineData("\"multi\nline\"", "Unterminated string.", 1, 7)]
    [InlineData("\"multi\rline\"", "Unterminated string.", 1, 7)]
    [InlineData("\"bad \\z esc\"", "Invalid character escape sequence: \"\\z\".", 1, 6)]
    [InlineData("\"bad \\x esc\"", "Invalid character escape sequence: \"\\x\".", 1, 6)]
    [InlineData("\"bad \\u1 esc\"", "Invalid Unicode escape sequence: \"\\u1 es\".", 1, 6)]
    [InlineData("\"bad \\u0XX1 esc\"", "Invalid Unicode escape sequence: \"\\u0XX1\".", 1, 6)]
    [InlineData("\"bad \\uXXXX esc\"", "Invalid Unicode escape sequence: \"\\uXXXX\".", 1, 6)]
    [InlineData("\"bad \\uFXXX esc\"", "Invalid Unicode escape sequence: \"\\uFXXX\".", 1, 6)]
    [InlineData("\"bad \\uXXXF esc\"", "Invalid Unicode escape sequence: \"\\uXXXF\".", 1, 6)]
    [InlineData("\"bad \\u{} esc\"", "Invalid Unicode escape sequence: \"\\u{}\".", 1, 6)]
    [InlineData("\"bad \\u{FXXX} esc\"", "Invalid Unicode escape sequence: \"\\u{FX\".", 1, 6)]
    [InlineData("\"bad \\u{FFFF esc\"", "Invalid Unicode escape sequence: \"\\u{FFFF \".", 1, 6)]
    [InlineData("\"bad \\u{FFFF\"", "Invalid Unicode escape sequence: \"\\u{FFFF\"\".", 1, 6)]
    [InlineData("\"too high \\u{110000} esc\"", "Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 11)]
    [InlineData("\"way too high \\u{12345678} esc\"", "Invalid Unicode escape sequence: \"\\u{12345678}\".", 1, 15)]
    [InlineData("\"too long \\u{000000000} esc\"", "Invalid Unicode escape sequence: \"\\u{000000000\".", 1, 11)]
    [InlineData("\"bad surrogate \\uDEAD esc\"", "Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 16)]
    [InlineData("\"bad surrogate \\u{DEAD} esc\"", "Invalid Unicode escape sequence: \"\\u{DEAD}\".", 1, 16)]
    [InlineData("\"cannot use braces for surrogate pair \\u{D83D}\\u{DE00} esc\"", "Invalid Unicode escape sequence: \"\\u{D83D}\".", 1, 39)]
    [InlineData("\"bad high surrogate pair \\uDEAD\\uDEAD esc\"", "Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 26)]
    [InlineData("\"bad low surrogate pair \\uD800\\uD800 esc\"", "Invalid Unicode escape sequence: \"\\uD800\".", 1, 25)]
    [InlineData("\"ends in a backslash \\", "Invalid character escape sequence: \"\\\".", 1, 22)]
    public void Rejects_malformed_strings(string text, string message, int line, int column)
    {
        var error = LexError(text);
        Assert.Equal("Syntax Error: " + message, error.Errors[0].Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    [Theory]
    [InlineData("\"\"\"\"\"\"", "")]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\" white space \"\"\"", " white space ")]
    [InlineData("\"\"\"contains \" quote\"\"\"", "contains \" quote")]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote")]
    [InlineData("\"\"\"multi\nline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized")]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234")]
    [InlineData("\"\"\"unescaped unicode outside BMP \U0001F600\"\"\"", "unescaped unicode outside BMP \U0001F600")]
    [InlineData("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/")]
    [InlineData("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"", "spans\n  multiple\n    lines")]
    [InlineData("\"\"\"  first line keeps its indentation\n    second\n  third\"\"\"", "  first line keeps its indentation\n  second\nthird")]
    [InlineData("\"\"\"\n  \t \n\"\"\"", "")]
    [InlineData("\"\"\"a\n\n  b\n  \"\"\"", "a\n\nb")]
    public void Lexes_block_strings_with_the_BlockStringValue_algorithm(string text, string expected)
    {
        var (token, value) = LexOne(text);
        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Counts_lines_inside_block_strings()
    {
        var lexer = new Lexer(new Source("\"\"\"\n\n        spans\r\n          multiple\r  lines\n\"\"\" second_token"));
        lexer.Advance();
        var next = lexer.Advance();
        Assert.Equal(TokenKind.Name, next.Kind);
        Assert.Equal(6, next.Line);
        Assert.Equal(5, next.Column);
    }

    [Theory]
    [InlineData("\"\"\"", "Unterminated string.", 1, 4)]
    [InlineData("\"\"\"no end quote", "Unterminated string.", 1, 16)]
    public void Rejects_malformed_block_strings(string text, string message, int line, int column)
    {
        var error = LexError(text);
        Assert.Equal("Syntax Error: " + message, error.Errors[0].Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    [Theory]
    [InlineData("..", "Unexpected character: \".\".", 1, 1)]
    [InlineData("~", "Unexpected character: \"~\".", 1, 1)]
    [InlineData("\u0007", "Unexpected character: U+0007.", 1, 1)]
    [InlineData("\u00AA", "Unexpected character: U+00AA.", 1, 1)]
    [InlineData("\u0AAA", "Unexpected character: U+0AAA.", 1, 1)]
    [InlineData("\u2028", "Unexpected character: U+2028.", 1, 1)]
    [InlineData("\U0001F600", "Unexpected character: U+1F600.", 1, 1)]
    [InlineData("\n\n    ?\n", "Unexpected character: \"?\".", 3, 5)]
    [InlineData("a-b", "Invalid number, expected digit but got: \"b\".", 1, 3)]
    public void Rejects_unexpected_characters_with_their_code_point(string text, string message, int line, int column)
    {
        var error = LexError(text);
        Assert.Equal("Syntax Error: " + message, error.Errors[0].Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    /// <summary>Texts with unpaired surrogates, which cannot be written in attributes (they are stored as UTF-8).</summary>
    public static TheoryData<string, string, int, int> UnpairedSurrogates => new()
    {
        { "\"bad surrogate \uDEAD\"", "Invalid character within String: U+DEAD.", 1, 16 },
        { "\"bad high surrogate pair \uDEAD\uDEAD\"", "Invalid character within String: U+DEAD.", 1, 26 },
        { "\"bad low surrogate pair \uD800\uD800\"", "Invalid character within String: U+D800.", 1, 25 },
        { "\"cannot escape half a pair \uD83D\\uDE00 esc\"", "Invalid character within String: U+D83D.", 1, 28 },
        { "\"cannot escape half a pair \\uD83D\uDE00 esc\"", "Invalid Unicode escape sequence: \"\\uD83D\".", 1, 28 },
        { "\"\"\"contains invalid surrogate \uDEAD\"\"\"", "Invalid character within String: U+DEAD.", 1, 31 },
        { "\uDE00", "Invalid character: U+DE00.", 1, 1 },
        { "\uD800", "Invalid character: U+D800.", 1, 1 },
        { "# comment \uD800 then", "Invalid character: U+D800.", 1, 11 },
    };

    [Theory]
    [MemberData(nameof(UnpairedSurrogates), DisableDiscoveryEnumeration = true)]
    public void Rejects_unpaired_surrogates(string text, string message, int line, int column)
    {
        var error = LexError(text);
        Assert.Equal("Syntax Error: " + message, error.Errors[0].Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    [Fact]
    public void Describes_tokens_as_graphql_js_does()
    {
        var lexer = new Lexer(new Source("} name 12 \"str\" \"\"\"block\"\"\""));
        Assert.Equal("\"}\"", lexer.Describe(lexer.Advance()));
        Assert.Equal("Name \"name\"", lexer.Describe(lexer.Advance()));
        Assert.Equal("Int \"12\"", lexer.Describe(lexer.Advance()));
        Assert.Equal("String \"str\"", lexer.Describe(lexer.Advance()));
        Assert.Equal("BlockString \"block\"", lexer.Describe(lexer.Advance()));
        Assert.Equal("<EOF>", lexer.Describe(lexer.Advance()));
    }
}
