namespace GraphIntel.GraphQL.Language;

// Spec §2.11 "Type References".
public ref partial struct Parser
{
    /// <summary>
    /// Type :
    ///   - NamedType
    ///   - ListType : [ Type ]
    ///   - NonNullType : NamedType ! | ListType !
    /// </summary>
    private TypeNode ParseTypeReference()
    {
        var start = _lexer.Token;
        TypeNode type;
        if (ExpectOptionalToken(TokenKind.BracketL))
        {
            EnterNesting(start);
            var itemType = ParseTypeReference();
            ExpectToken(TokenKind.BracketR);
            LeaveNesting();
            type = new ListTypeNode { Type = itemType, Location = Loc(start) };
        }
        else
        {
            type = ParseNamedType();
        }
        if (ExpectOptionalToken(TokenKind.Bang))
        {
            return new NonNullTypeNode { Type = type, Location = Loc(start) };
        }
        return type;
    }

    /// <summary>NamedType : Name</summary>
    private NamedTypeNode ParseNamedType()
    {
        var start = _lexer.Token;
        return new NamedTypeNode { Name = ParseName(), Location = Loc(start) };
    }
}
