namespace GraphIntel.GraphQL.Language;

// Spec §2.12 "Directives".
public ref partial struct Parser
{
    /// <summary>Directives[Const] : Directive[?Const]+</summary>
    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }
        var items = ListStart();
        do
        {
            Push(ParseDirective(isConst));
        }
        while (Peek(TokenKind.At));
        return PopList<DirectiveNode>(items);
    }

    /// <summary>Directive[Const] : @ Name Arguments[?Const]?</summary>
    private DirectiveNode ParseDirective(bool isConst)
    {
        var start = _lexer.Token;
        ExpectToken(TokenKind.At);
        return new DirectiveNode { Name = ParseName(), Arguments = ParseArguments(isConst), Location = Loc(start) };
    }
}
