namespace GraphIntel.GraphQL.Language;

/// <summary>The kinds of lexical tokens (spec §2.1.6 "Lexical Tokens"); <see cref="TokenKinds.Describe"/> gives graphql-js's spelling.</summary>
public enum TokenKind : byte
{
    /// <summary>Start of file; the lexer's token before the first <see cref="Lexer.Advance"/>.</summary>
    StartOfFile,
    /// <summary>End of file.</summary>
    EndOfFile,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Spread,
    Colon,
    Equals,
    At,
    BracketL,
    BracketR,
    BraceL,
    Pipe,
    BraceR,
    Name,
    Int,
    Float,
    String,
    BlockString,
}

/// <summary>Descriptions of token kinds as they appear in syntax errors.</summary>
public static class TokenKinds
{
    private static readonly string[] Descriptions =
    [
        "<SOF>", "<EOF>", "\"!\"", "\"$\"", "\"&\"", "\"(\"", "\")\"", "\"...\"", "\":\"", "\"=\"", "\"@\"",
        "\"[\"", "\"]\"", "\"{\"", "\"|\"", "\"}\"", "Name", "Int", "Float", "String", "BlockString",
    ];

    /// <summary>graphql-js's <c>getTokenKindDesc</c>: punctuators quoted (<c>"}"</c>), others by name (<c>Name</c>, <c>&lt;EOF&gt;</c>).</summary>
    public static string Describe(this TokenKind kind) => Descriptions[(int)kind];
}
