using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Tests.Conformance;

namespace GraphIntel.GraphQL.Tests.Language;

/// <summary>
/// The lexer: the tokens it reads (kind, value, position) and the syntax errors it reports are graphql-js 16's for the
/// same text (its <c>Lexer</c>, asked in one node run, tests/conformance/parse-oracle.mjs); the lexer's own API
/// (start/end of file, lookahead) is checked on its own terms.
/// </summary>
public sealed class LexerTests
{
    /// <summary>Names, read as their text.</summary>
    public static TheoryData<string> Names =>
    [
        "simple",
        "_under_score9",
        "Az09_",
    ];

    /// <summary>Ints and Floats, read as their text.</summary>
    public static TheoryData<string> Numbers =>
    [
        "4",
        "-4",
        "0",
        "-0",
        "9007199254740993",
        "4.123",
        "-4.123",
        "0.123",
        "123e4",
        "123E4",
        "123e-4",
        "123e+4",
        "-1.123e4567",
    ];

    /// <summary>Strings, read with their escapes resolved.</summary>
    public static TheoryData<string> Strings =>
    [
        "\"\"",
        "\"simple\"",
        "\" white space \"",
        "\"quote \\\"\"",
        "\"escaped \\n\\r\\b\\t\\f\"",
        "\"slashes \\\\ \\/\"",
        "\"unescaped unicode outside BMP \U0001F600\"",
        "\"unescaped maximal unicode outside BMP \U0010FFFF\"",
        "\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"",
        "\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"",
        "\"string with unicode escape outside BMP \\u{1F600}\"",
        "\"string with minimal unicode escape \\u{0}\"",
        "\"string with maximal unicode escape \\u{10FFFF}\"",
        "\"string with maximal minimal unicode escape \\u{00000000}\"",
        "\"string with unicode surrogate pair escape \\uD83D\\uDE00\"",
        "\"string with minimal surrogate pair escape \\uD800\\uDC00\"",
        "\"string with maximal surrogate pair escape \\uDBFF\\uDFFF\"",
        "\"control \u0007 char\"",
        "\"line separator \u2028 is not a line terminator\"",
    ];

    /// <summary>Block strings, read with the spec's BlockStringValue.</summary>
    public static TheoryData<string> BlockStrings =>
    [
        "\"\"\"\"\"\"",
        "\"\"\"simple\"\"\"",
        "\"\"\" white space \"\"\"",
        "\"\"\"contains \" quote\"\"\"",
        "\"\"\"contains \\\"\"\" triple quote\"\"\"",
        "\"\"\"multi\nline\"\"\"",
        "\"\"\"multi\rline\r\nnormalized\"\"\"",
        "\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"",
        "\"\"\"unescaped unicode outside BMP \U0001F600\"\"\"",
        "\"\"\"slashes \\\\ \\/\"\"\"",
        "\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"",
        "\"\"\"  first line keeps its indentation\n    second\n  third\"\"\"",
        "\"\"\"\n  \t \n\"\"\"",
        "\"\"\"a\n\n  b\n  \"\"\"",
    ];

    /// <summary>Ignored tokens (byte order mark, white space, commas, comments) and line terminators between tokens, and punctuators.</summary>
    public static TheoryData<string> Layouts =>
    [
        "\uFEFF\n\n    # a comment\r\n  ,,\t foo # trailing\r  bar",
        "\"\"\"\n\n        spans\r\n          multiple\r  lines\n\"\"\" second_token",
        "! $ & ( ) ... : = @ [ ] { | }",
    ];

    /// <summary>Malformed numbers and numbers followed by a name.</summary>
    public static TheoryData<string> MalformedNumbers =>
    [
        "00",
        "01",
        "+1",
        "1.",
        "1e",
        "1.e1",
        ".123",
        "1.A",
        "-A",
        "1.0e",
        "1.0eA",
        "1.0e\"",
        "1.2e3e",
        "1.2e3.4",
        "1.23.4",
        "0xF1",
        "1_234",
        "1\u00DF",
    ];

    /// <summary>Malformed strings.</summary>
    public static TheoryData<string> MalformedStrings =>
    [
        "\"",
        "\"\"\"",
        "\"\"\"\"",
        "\"no end quote",
        "'single quotes'",
        "\"multi\nline\"",
        "\"multi\rline\"",
        "\"bad \\z esc\"",
        "\"bad \\x esc\"",
        "\"bad \\u1 esc\"",
        "\"bad \\u0XX1 esc\"",
        "\"bad \\uXXXX esc\"",
        "\"bad \\uFXXX esc\"",
        "\"bad \\uXXXF esc\"",
        "\"bad \\u{} esc\"",
        "\"bad \\u{FXXX} esc\"",
        "\"bad \\u{FFFF esc\"",
        "\"bad \\u{FFFF\"",
        "\"too high \\u{110000} esc\"",
        "\"way too high \\u{12345678} esc\"",
        "\"too long \\u{000000000} esc\"",
        "\"bad surrogate \\uDEAD esc\"",
        "\"bad surrogate \\u{DEAD} esc\"",
        "\"cannot use braces for surrogate pair \\u{D83D}\\u{DE00} esc\"",
        "\"bad high surrogate pair \\uDEAD\\uDEAD esc\"",
        "\"bad low surrogate pair \\uD800\\uD800 esc\"",
        "\"ends in a backslash \\",
    ];

    /// <summary>Malformed block strings.</summary>
    public static TheoryData<string> MalformedBlockStrings =>
    [
        "\"\"\"",
        "\"\"\"no end quote",
    ];

    /// <summary>Characters no token starts with.</summary>
    public static TheoryData<string> UnexpectedCharacters =>
    [
        "..",
        "~",
        "\u0007",
        "\u00AA",
        "\u0AAA",
        "\u2028",
        "\U0001F600",
        "\n\n    ?\n",
        "a-b",
    ];

    /// <summary>Texts with unpaired surrogates, which cannot be written in attributes (they are stored as UTF-8).</summary>
    public static TheoryData<string> UnpairedSurrogates =>
    [
        "\"bad surrogate \uDEAD\"",
        "\"bad high surrogate pair \uDEAD\uDEAD\"",
        "\"bad low surrogate pair \uD800\uD800\"",
        "\"cannot escape half a pair \uD83D\\uDE00 esc\"",
        "\"cannot escape half a pair \\uD83D\uDE00 esc\"",
        "\"\"\"contains invalid surrogate \uDEAD\"\"\"",
        "\uDE00",
        "\uD800",
        "# comment \uD800 then",
    ];

    /// <summary>
    /// Documents whose last token graphql-js's parser refuses with "Unexpected &lt;its description&gt;." (a string is read as
    /// a description when another token follows it, so the strings come second).
    /// </summary>
    private static readonly string[] DescribedTokens = ["}", "name", "12", "\"d\" \"str\"", "\"d\" \"\"\"block\"\"\"", ""];

    private static readonly GraphqlJsAnswers GraphqlJs = new(
    [
        .. new[] { Names, Numbers, Strings, BlockStrings, Layouts, MalformedNumbers, MalformedStrings, MalformedBlockStrings, UnexpectedCharacters, UnpairedSurrogates }
            .SelectMany(data => data.Texts()).Select(text => new ParseRequest(text, ParseRequest.Tokens)),
        .. DescribedTokens.Select(text => new ParseRequest(text)),
    ]);

    private static (Token Token, string? Value) LexOne(string text)
    {
        var lexer = new Lexer(new Source(text));
        var token = lexer.Advance();
        return (token, lexer.GetValue(token));
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
    public void Starts_on_the_start_of_file_token_and_stays_on_end_of_file() // our own API
    {
        var lexer = new Lexer(new Source(" "));
        Assert.Equal(TokenKind.StartOfFile, lexer.Token.Kind);
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
        Assert.Equal(new Token(TokenKind.EndOfFile, 1, 1, 1, 2), lexer.Token);
    }

    [Fact]
    public void The_last_token_is_the_one_before_the_current()
    {
        var lexer = new Lexer(new Source("foo # comment\n bar"));
        var foo = lexer.Advance();
        lexer.Advance();
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
    [MemberData(nameof(Names))]
    [MemberData(nameof(Numbers))]
    [MemberData(nameof(Strings))]
    [MemberData(nameof(BlockStrings))]
    [MemberData(nameof(Layouts))]
    public async Task Lexes_like_graphql_js(string text)
    {
        var expected = (await GraphqlJs.ForAsync(new ParseRequest(text, ParseRequest.Tokens))).Tokens!;
        var lexer = new Lexer(new Source(text));
        var tokens = new List<GraphqlJsToken>();
        for (var token = lexer.Advance(); token.Kind != TokenKind.EndOfFile; token = lexer.Advance())
        {
            // graphql-js names a punctuator's kind by the punctuator itself, where we quote it (TokenKinds.Describe).
            tokens.Add(new GraphqlJsToken(token.Kind.Describe().Trim('"'), lexer.GetValue(token), token.Start, token.End, token.Line, token.Column));
        }
        Assert.Equal(expected, tokens);
    }

    [Fact]
    public void Resolves_escapes_in_long_strings() // our own: the expected value is built alongside the text
    {
        var body = string.Concat(Enumerable.Repeat("ab\\u00e9\\n", 200));
        var (_, value) = LexOne("\"" + body + "\"");
        Assert.Equal(string.Concat(Enumerable.Repeat("ab\u00e9\n", 200)), value);
    }

    [Theory]
    [MemberData(nameof(MalformedNumbers))]
    [MemberData(nameof(MalformedStrings))]
    [MemberData(nameof(MalformedBlockStrings))]
    [MemberData(nameof(UnexpectedCharacters))]
    [MemberData(nameof(UnpairedSurrogates), DisableDiscoveryEnumeration = true)]
    public async Task Rejects_malformed_tokens_like_graphql_js(string text)
    {
        var (message, location) = (await GraphqlJs.ForAsync(new ParseRequest(text, ParseRequest.Tokens))).Error;
        var error = LexError(text);
        Assert.Equal(message, error.Errors[0].Message);
        Assert.Equal(location, error.Location);
    }

    [Fact]
    public async Task Describes_tokens_as_graphql_js_does()
    {
        foreach (var text in DescribedTokens)
        {
            var (message, _) = (await GraphqlJs.ForAsync(new ParseRequest(text))).Error;
            var lexer = new Lexer(new Source(text));
            var token = lexer.Advance();
            while (lexer.Lookahead().Kind != TokenKind.EndOfFile) token = lexer.Advance();
            Assert.Equal(message, $"Syntax Error: Unexpected {lexer.Describe(token)}.");
        }
    }
}
