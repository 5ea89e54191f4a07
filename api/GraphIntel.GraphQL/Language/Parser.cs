namespace GraphIntel.GraphQL.Language;

/// <summary>
/// A recursive-descent parser for GraphQL documents (spec §2 "Language" and §3 "Type System"), one method per
/// grammar production, split in partial files by spec section. Behaviour and error messages follow graphql-js.
/// Limits from <see cref="ParseOptions"/> are enforced while reading: a token count and a nesting depth.
/// </summary>
public ref partial struct Parser
{
    private readonly Source _source;
    private readonly ParseOptions _options;
    private Lexer _lexer;
    private int _tokenCount;
    private int _depth;

    // Items of lists under construction, shared by nested lists: each list takes the items above its base index.
    private Node[] _stack;
    private int _stackTop;

    private Parser(Source source, ParseOptions? options)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _options = options ?? ParseOptions.Default;
        _lexer = new Lexer(source);
        _stack = new Node[32];
    }

    /// <summary>Parses an executable or type-system document.</summary>
    /// <exception cref="GraphQLSyntaxException">The text is not a valid document, or exceeds a limit in <paramref name="options"/>.</exception>
    public static DocumentNode Parse(string source, ParseOptions? options = null) => Parse(new Source(source), options);

    /// <inheritdoc cref="Parse(string, ParseOptions?)"/>
    public static DocumentNode Parse(Source source, ParseOptions? options = null)
    {
        var parser = new Parser(source, options);
        return parser.ParseDocument();
    }

    /// <summary>Parses a single value such as <c>[1, "two", {three: $four}]</c>; variables are allowed.</summary>
    /// <exception cref="GraphQLSyntaxException">The text is not exactly one value.</exception>
    public static ValueNode ParseValue(string source, ParseOptions? options = null)
    {
        var parser = new Parser(new Source(source), options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: false);
        parser.ExpectToken(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a single constant value: like <see cref="ParseValue"/>, but a variable is a syntax error.</summary>
    public static ValueNode ParseConstValue(string source, ParseOptions? options = null)
    {
        var parser = new Parser(new Source(source), options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: true);
        parser.ExpectToken(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a type reference such as <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParseOptions? options = null)
    {
        var parser = new Parser(new Source(source), options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var type = parser.ParseTypeReference();
        parser.ExpectToken(TokenKind.EndOfFile);
        return type;
    }

    // ---- token helpers (graphql-js: peek, expectToken, expectOptionalToken, expectKeyword, unexpected) ----

    private readonly bool Peek(TokenKind kind) => _lexer.Token.Kind == kind;

    /// <summary>Moves to the next token, counting it against <see cref="ParseOptions.MaxTokens"/>.</summary>
    private void Advance()
    {
        var token = _lexer.Advance();
        if (token.Kind != TokenKind.EndOfFile && ++_tokenCount > _options.MaxTokens)
        {
            throw Error(token.Start, $"Document contains more than {_options.MaxTokens} tokens. Parsing aborted.");
        }
    }

    /// <summary>Consumes a token of <paramref name="kind"/> and returns it, or throws "Expected …, found …".</summary>
    private Token ExpectToken(TokenKind kind)
    {
        var token = _lexer.Token;
        if (token.Kind == kind)
        {
            Advance();
            return token;
        }
        throw Error(token.Start, $"Expected {kind.Describe()}, found {_lexer.Describe(token)}.");
    }

    /// <summary>Consumes a token of <paramref name="kind"/> if it is next.</summary>
    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Token.Kind == kind)
        {
            Advance();
            return true;
        }
        return false;
    }

    /// <summary>Consumes the keyword <paramref name="value"/> (a Name token), or throws "Expected "…", found …".</summary>
    private void ExpectKeyword(string value)
    {
        if (!ExpectOptionalKeyword(value))
        {
            var token = _lexer.Token;
            throw Error(token.Start, $"Expected \"{value}\", found {_lexer.Describe(token)}.");
        }
    }

    /// <summary>Consumes the keyword <paramref name="value"/> if it is next.</summary>
    private bool ExpectOptionalKeyword(string value)
    {
        if (IsKeyword(_lexer.Token, value))
        {
            Advance();
            return true;
        }
        return false;
    }

    private readonly bool IsKeyword(Token token, string value) =>
        token.Kind == TokenKind.Name && _lexer.GetSpan(token).SequenceEqual(value);

    /// <summary>"Unexpected …" at <paramref name="token"/> (default: the current token).</summary>
    private readonly GraphQLSyntaxException Unexpected(Token? token = null)
    {
        var at = token ?? _lexer.Token;
        return Error(at.Start, $"Unexpected {_lexer.Describe(at)}.");
    }

    private readonly GraphQLSyntaxException Error(int position, string description) => new(_source, position, description);

    /// <summary>The location from <paramref name="start"/> to the end of the last consumed token; null with NoLocation.</summary>
    private readonly Location? Loc(Token start) =>
        _options.NoLocation ? null : new Location(start.Start, _lexer.LastToken.End, start.Line, start.Column, _source);

    /// <summary>Enters a nested selection set, list value, object value or list type; enforces <see cref="ParseOptions.MaxDepth"/>.</summary>
    private void EnterNesting(Token at)
    {
        if (++_depth > _options.MaxDepth)
        {
            throw Error(at.Start, $"Document exceeds the maximum nesting depth of {_options.MaxDepth}. Parsing aborted.");
        }
    }

    private void LeaveNesting() => _depth--;

    // ---- list building without per-list growth: items go on a shared stack and are copied out once ----

    private readonly int ListStart() => _stackTop;

    private void Push(Node node)
    {
        if (_stackTop == _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
        }
        _stack[_stackTop++] = node;
    }

    private T[] PopList<T>(int start) where T : Node
    {
        var count = _stackTop - start;
        if (count == 0)
        {
            return [];
        }
        var items = new T[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = (T)_stack[start + i];
            _stack[start + i] = null!;
        }
        _stackTop = start;
        return items;
    }
}
