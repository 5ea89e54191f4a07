namespace GraphIntel.GraphQL.Language;

// Spec §2.9 "Input Values" and §2.1.9 "Names".
public ref partial struct Parser
{
    /// <summary>Name :: NameStart NameContinue* [lookahead != NameContinue]   (converts a name token to a node)</summary>
    private NameNode ParseName()
    {
        var token = ExpectToken(TokenKind.Name);
        return new NameNode { Value = new string(_lexer.GetSpan(token)), Location = Loc(token) };
    }

    /// <summary>
    /// Value[Const] :
    ///   - [~Const] Variable
    ///   - IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue
    ///   - ListValue[?Const]
    ///   - ObjectValue[?Const]
    /// BooleanValue : one of true false;  NullValue : null;  EnumValue : Name but not true, false or null
    /// </summary>
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _lexer.Token;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
                Advance();
                return new IntValueNode { Value = new string(_lexer.GetSpan(token)), Location = Loc(token) };
            case TokenKind.Float:
                Advance();
                return new FloatValueNode { Value = new string(_lexer.GetSpan(token)), Location = Loc(token) };
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return _lexer.GetSpan(token) switch
                {
                    "true" => new BooleanValueNode { Value = true, Location = Loc(token) },
                    "false" => new BooleanValueNode { Value = false, Location = Loc(token) },
                    "null" => new NullValueNode { Location = Loc(token) },
                    var name => new EnumValueNode { Value = new string(name), Location = Loc(token) },
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    ExpectToken(TokenKind.Dollar);
                    var next = _lexer.Token;
                    if (next.Kind == TokenKind.Name)
                    {
                        throw Error(token.Start, $"Unexpected variable \"${_lexer.GetSpan(next)}\" in constant value.");
                    }
                    throw Unexpected(token);
                }
                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    /// <summary>StringValue (a quoted or block string literal).</summary>
    private StringValueNode ParseStringLiteral()
    {
        var token = _lexer.Token;
        Advance();
        return new StringValueNode
        {
            Value = _lexer.GetValue(token)!,
            Block = token.Kind == TokenKind.BlockString,
            Location = Loc(token),
        };
    }

    /// <summary>ListValue[Const] : [ ] | [ Value[?Const]+ ]</summary>
    private ListValueNode ParseList(bool isConst)
    {
        var start = _lexer.Token;
        ExpectToken(TokenKind.BracketL);
        EnterNesting(start);
        var items = ListStart();
        while (!ExpectOptionalToken(TokenKind.BracketR))
        {
            Push(ParseValueLiteral(isConst));
        }
        LeaveNesting();
        return new ListValueNode { Values = PopList<ValueNode>(items), Location = Loc(start) };
    }

    /// <summary>ObjectValue[Const] : { } | { ObjectField[?Const]+ }</summary>
    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = _lexer.Token;
        ExpectToken(TokenKind.BraceL);
        EnterNesting(start);
        var items = ListStart();
        while (!ExpectOptionalToken(TokenKind.BraceR))
        {
            Push(ParseObjectField(isConst));
        }
        LeaveNesting();
        return new ObjectValueNode { Fields = PopList<ObjectFieldNode>(items), Location = Loc(start) };
    }

    /// <summary>ObjectField[Const] : Name : Value[?Const]</summary>
    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = _lexer.Token;
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        return new ObjectFieldNode { Name = name, Value = ParseValueLiteral(isConst), Location = Loc(start) };
    }
}
