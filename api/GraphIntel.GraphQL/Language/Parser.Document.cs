namespace GraphIntel.GraphQL.Language;

// Spec §2.2 "Document".
public ref partial struct Parser
{
    /// <summary>Document : Definition+</summary>
    private DocumentNode ParseDocument()
    {
        var start = _lexer.Token;
        ExpectToken(TokenKind.StartOfFile);
        var definitions = ListStart();
        do
        {
            Push(ParseDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.EndOfFile));
        return new DocumentNode { Definitions = PopList<DefinitionNode>(definitions), Location = Loc(start) };
    }

    /// <summary>
    /// Definition :
    ///   - ExecutableDefinition
    ///   - TypeSystemDefinition
    ///   - TypeSystemExtension
    /// ExecutableDefinition : OperationDefinition | FragmentDefinition
    /// TypeSystemDefinition : SchemaDefinition | TypeDefinition | DirectiveDefinition
    /// </summary>
    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL))
        {
            return ParseOperationDefinition();
        }

        // Many definitions begin with a description and require a lookahead.
        var hasDescription = PeekDescription();
        var keywordToken = hasDescription ? _lexer.Lookahead() : _lexer.Token;
        if (hasDescription && keywordToken.Kind == TokenKind.BraceL)
        {
            throw Error(_lexer.Token.Start, "Unexpected description, descriptions are not supported on shorthand queries.");
        }
        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (_lexer.GetSpan(keywordToken))
            {
                case "schema": return ParseSchemaDefinition();
                case "scalar": return ParseScalarTypeDefinition();
                case "type": return ParseObjectTypeDefinition();
                case "interface": return ParseInterfaceTypeDefinition();
                case "union": return ParseUnionTypeDefinition();
                case "enum": return ParseEnumTypeDefinition();
                case "input": return ParseInputObjectTypeDefinition();
                case "directive": return ParseDirectiveDefinition();
            }
            switch (_lexer.GetSpan(keywordToken))
            {
                case "query":
                case "mutation":
                case "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
            }
            if (hasDescription)
            {
                throw Error(_lexer.Token.Start, "Unexpected description, only GraphQL definitions support descriptions.");
            }
            if (IsKeyword(keywordToken, "extend"))
            {
                return ParseTypeSystemExtension();
            }
        }
        throw Unexpected(keywordToken);
    }
}
