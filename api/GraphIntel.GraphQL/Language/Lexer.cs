namespace GraphIntel.GraphQL.Language;

/// <summary>
/// Reads the tokens of a GraphQL source text (spec §2.1 "Source Text"), skipping ignored tokens
/// (BOM, white space, line terminators, commas and comments). Tokens are values; the text of a token is read with
/// <see cref="GetSpan"/> or <see cref="GetValue"/> only when needed. Copying the lexer gives an independent
/// cursor, which is how <see cref="Lookahead"/> works.
/// </summary>
public ref partial struct Lexer
{
    private readonly ReadOnlySpan<char> _body;
    private int _line;
    private int _lineStart;

    /// <summary>Creates a lexer positioned on the start-of-file token.</summary>
    public Lexer(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
        _body = source.Body.AsSpan();
        _line = 1;
        _lineStart = 0;
        Token = new Token(TokenKind.StartOfFile, 0, 0, 0, 0);
        LastToken = Token;
    }

    /// <summary>The source being read.</summary>
    public Source Source { get; }

    /// <summary>The current token.</summary>
    public Token Token { get; private set; }

    /// <summary>The token before the current one (the last token of a node just parsed).</summary>
    public Token LastToken { get; private set; }

    /// <summary>Moves to the next token and returns it; at the end, keeps returning the end-of-file token.</summary>
    /// <exception cref="GraphQLSyntaxException">The text at the current position is not a valid token.</exception>
    public Token Advance()
    {
        LastToken = Token;
        if (Token.Kind != TokenKind.EndOfFile)
        {
            Token = ReadNextToken(Token.End);
        }
        return Token;
    }

    /// <summary>Returns the token after the current one without moving.</summary>
    public readonly Token Lookahead()
    {
        var copy = this;
        return copy.Advance();
    }

    /// <summary>The raw text of <paramref name="token"/> (for strings including the quotes and escapes).</summary>
    public readonly ReadOnlySpan<char> GetSpan(Token token) => _body[token.Start..token.End];

    /// <summary>
    /// The value of <paramref name="token"/>: the text of a name or number, the unescaped value of a string, the
    /// dedented value of a block string (spec BlockStringValue()), and null for punctuators.
    /// </summary>
    public readonly string? GetValue(Token token) => token.Kind switch
    {
        TokenKind.Name or TokenKind.Int or TokenKind.Float => new string(_body[token.Start..token.End]),
        TokenKind.String => StringValue(_body[(token.Start + 1)..(token.End - 1)]),
        TokenKind.BlockString => BlockString.Value(_body[(token.Start + 3)..(token.End - 3)]),
        _ => null,
    };

    /// <summary>graphql-js's <c>getTokenDesc</c>: the kind, followed by the quoted value when the token has one.</summary>
    public readonly string Describe(Token token)
    {
        var value = GetValue(token);
        return value is null ? token.Kind.Describe() : $"{token.Kind.Describe()} \"{value}\"";
    }

    private Token ReadNextToken(int start)
    {
        var body = _body;
        var position = start;
        while ((uint)position < (uint)body.Length)
        {
            var code = body[position];
            switch (code)
            {
                // Ignored :: UnicodeBOM | WhiteSpace | LineTerminator | Comment | Comma
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                    position++;
                    continue;
                case '\n':
                    position++;
                    _line++;
                    _lineStart = position;
                    continue;
                case '\r':
                    position += (uint)(position + 1) < (uint)body.Length && body[position + 1] == '\n' ? 2 : 1;
                    _line++;
                    _lineStart = position;
                    continue;
                case '#':
                    position = SkipComment(position);
                    continue;
                // Punctuator :: one of ! $ & ( ) ... : = @ [ ] { | }
                case '!': return Punctuator(TokenKind.Bang, position);
                case '$': return Punctuator(TokenKind.Dollar, position);
                case '&': return Punctuator(TokenKind.Amp, position);
                case '(': return Punctuator(TokenKind.ParenL, position);
                case ')': return Punctuator(TokenKind.ParenR, position);
                case ':': return Punctuator(TokenKind.Colon, position);
                case '=': return Punctuator(TokenKind.Equals, position);
                case '@': return Punctuator(TokenKind.At, position);
                case '[': return Punctuator(TokenKind.BracketL, position);
                case ']': return Punctuator(TokenKind.BracketR, position);
                case '{': return Punctuator(TokenKind.BraceL, position);
                case '|': return Punctuator(TokenKind.Pipe, position);
                case '}': return Punctuator(TokenKind.BraceR, position);
                case '.':
                    if (CharAt(position + 1) == '.' && CharAt(position + 2) == '.')
                    {
                        return CreateToken(TokenKind.Spread, position, position + 3);
                    }
                    break;
                case '"':
                    return CharAt(position + 1) == '"' && CharAt(position + 2) == '"'
                        ? ReadBlockString(position)
                        : ReadString(position);
            }

            if (IsDigit(code) || code == '-')
            {
                return ReadNumber(position);
            }
            if (IsNameStart(code))
            {
                return ReadName(position);
            }
            throw Error(
                position,
                code == '\''
                    ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
                    : IsUnicodeScalarValue(code) || IsSupplementaryCodePoint(position)
                        ? $"Unexpected character: {PrintCodePointAt(position)}."
                        : $"Invalid character: {PrintCodePointAt(position)}.");
        }
        return CreateToken(TokenKind.EndOfFile, body.Length, body.Length);
    }

    private readonly Token Punctuator(TokenKind kind, int position) => CreateToken(kind, position, position + 1);

    private readonly Token CreateToken(TokenKind kind, int start, int end) =>
        new(kind, start, end, _line, 1 + start - _lineStart);

    /// <summary>Comment :: # CommentChar* — returns the position of the line terminator (or invalid character) ending it.</summary>
    private readonly int SkipComment(int start)
    {
        var body = _body;
        var position = start + 1;
        while ((uint)position < (uint)body.Length)
        {
            var code = body[position];
            if (code is '\n' or '\r')
            {
                break;
            }
            if (IsUnicodeScalarValue(code))
            {
                position++;
            }
            else if (IsSupplementaryCodePoint(position))
            {
                position += 2;
            }
            else
            {
                break;
            }
        }
        return position;
    }

    /// <summary>Name :: NameStart NameContinue* [lookahead != NameContinue]</summary>
    private readonly Token ReadName(int start)
    {
        var body = _body;
        var position = start + 1;
        while ((uint)position < (uint)body.Length && IsNameContinue(body[position]))
        {
            position++;
        }
        return CreateToken(TokenKind.Name, start, position);
    }

    /// <summary>The character at <paramref name="position"/>, or '\0' past the end (never a valid continuation).</summary>
    private readonly char CharAt(int position) => (uint)position < (uint)_body.Length ? _body[position] : '\0';

    private readonly GraphQLSyntaxException Error(int position, string description) => new(Source, position, description);

    internal static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    internal static bool IsLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    internal static bool IsNameStart(char c) => IsLetter(c) || c == '_';

    internal static bool IsNameContinue(char c) => IsLetter(c) || IsDigit(c) || c == '_';

    private static bool IsUnicodeScalarValue(int code) => code is >= 0 and <= 0xD7FF or >= 0xE000 and <= 0x10FFFF;

    private readonly bool IsSupplementaryCodePoint(int position) =>
        char.IsHighSurrogate(CharAt(position)) && char.IsLowSurrogate(CharAt(position + 1));

    /// <summary>graphql-js's <c>printCodePointAt</c>: printable ASCII quoted, other code points as U+XXXX, <c>&lt;EOF&gt;</c> past the end.</summary>
    private readonly string PrintCodePointAt(int position)
    {
        if ((uint)position >= (uint)_body.Length)
        {
            return TokenKind.EndOfFile.Describe();
        }
        int code = _body[position];
        if (code is >= 0x20 and <= 0x7E)
        {
            return code == '"' ? "'\"'" : $"\"{(char)code}\"";
        }
        if (IsSupplementaryCodePoint(position))
        {
            code = char.ConvertToUtf32(_body[position], _body[position + 1]);
        }
        return "U+" + code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
    }
}
