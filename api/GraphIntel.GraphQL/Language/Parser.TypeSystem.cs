namespace GraphIntel.GraphQL.Language;

// Spec §3 "Type System": schema, type and directive definitions.
public ref partial struct Parser
{
    /// <summary>Description : StringValue</summary>
    private readonly bool PeekDescription() => Peek(TokenKind.String) || Peek(TokenKind.BlockString);

    /// <summary>Description : StringValue   (optional before a definition)</summary>
    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    /// <summary>SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }</summary>
    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        ExpectToken(TokenKind.BraceL);
        var items = ListStart();
        do
        {
            Push(ParseOperationTypeDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));
        return new SchemaDefinitionNode
        {
            Description = description,
            Directives = directives,
            OperationTypes = PopList<OperationTypeDefinitionNode>(items),
            Location = Loc(start),
        };
    }

    /// <summary>RootOperationTypeDefinition : OperationType : NamedType</summary>
    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _lexer.Token;
        var operation = ParseOperationType();
        ExpectToken(TokenKind.Colon);
        return new OperationTypeDefinitionNode { Operation = operation, Type = ParseNamedType(), Location = Loc(start) };
    }

    /// <summary>ScalarTypeDefinition : Description? scalar Name Directives[Const]?</summary>
    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        return new ScalarTypeDefinitionNode
        {
            Description = description,
            Name = ParseName(),
            Directives = ParseDirectives(isConst: true),
            Location = Loc(start),
        };
    }

    /// <summary>ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?</summary>
    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("type");
        return new ObjectTypeDefinitionNode
        {
            Description = description,
            Name = ParseName(),
            Interfaces = ParseImplementsInterfaces(),
            Directives = ParseDirectives(isConst: true),
            Fields = ParseFieldsDefinition(),
            Location = Loc(start),
        };
    }

    /// <summary>ImplementsInterfaces : implements &amp;? NamedType | ImplementsInterfaces &amp; NamedType</summary>
    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces()
    {
        if (!ExpectOptionalKeyword("implements"))
        {
            return [];
        }
        return ParseDelimitedNamedTypes(TokenKind.Amp);
    }

    /// <summary>A non-empty list of NamedType separated (and optionally preceded) by <paramref name="delimiter"/>.</summary>
    private NamedTypeNode[] ParseDelimitedNamedTypes(TokenKind delimiter)
    {
        ExpectOptionalToken(delimiter);
        var items = ListStart();
        do
        {
            Push(ParseNamedType());
        }
        while (ExpectOptionalToken(delimiter));
        return PopList<NamedTypeNode>(items);
    }

    /// <summary>FieldsDefinition : { FieldDefinition+ }</summary>
    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL))
        {
            return [];
        }
        var items = ListStart();
        do
        {
            Push(ParseFieldDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));
        return PopList<FieldDefinitionNode>(items);
    }

    /// <summary>FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?</summary>
    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        ExpectToken(TokenKind.Colon);
        return new FieldDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Type = ParseTypeReference(),
            Directives = ParseDirectives(isConst: true),
            Location = Loc(start),
        };
    }

    /// <summary>ArgumentsDefinition : ( InputValueDefinition+ )</summary>
    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        ParseInputValueDefinitions(TokenKind.ParenL, TokenKind.ParenR);

    /// <summary>InputFieldsDefinition : { InputValueDefinition+ }</summary>
    private IReadOnlyList<InputValueDefinitionNode> ParseInputFieldsDefinition() =>
        ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);

    private IReadOnlyList<InputValueDefinitionNode> ParseInputValueDefinitions(TokenKind open, TokenKind close)
    {
        if (!ExpectOptionalToken(open))
        {
            return [];
        }
        var items = ListStart();
        do
        {
            Push(ParseInputValueDefinition());
        }
        while (!ExpectOptionalToken(close));
        return PopList<InputValueDefinitionNode>(items);
    }

    /// <summary>InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?</summary>
    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        return new InputValueDefinitionNode
        {
            Description = description,
            Name = name,
            Type = type,
            DefaultValue = defaultValue,
            Directives = ParseDirectives(isConst: true),
            Location = Loc(start),
        };
    }

    /// <summary>InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?</summary>
    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("interface");
        return new InterfaceTypeDefinitionNode
        {
            Description = description,
            Name = ParseName(),
            Interfaces = ParseImplementsInterfaces(),
            Directives = ParseDirectives(isConst: true),
            Fields = ParseFieldsDefinition(),
            Location = Loc(start),
        };
    }

    /// <summary>UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?</summary>
    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("union");
        return new UnionTypeDefinitionNode
        {
            Description = description,
            Name = ParseName(),
            Directives = ParseDirectives(isConst: true),
            Types = ParseUnionMemberTypes(),
            Location = Loc(start),
        };
    }

    /// <summary>UnionMemberTypes : = |? NamedType | UnionMemberTypes | NamedType</summary>
    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptionalToken(TokenKind.Equals) ? ParseDelimitedNamedTypes(TokenKind.Pipe) : [];

    /// <summary>EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?</summary>
    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("enum");
        return new EnumTypeDefinitionNode
        {
            Description = description,
            Name = ParseName(),
            Directives = ParseDirectives(isConst: true),
            Values = ParseEnumValuesDefinition(),
            Location = Loc(start),
        };
    }

    /// <summary>EnumValuesDefinition : { EnumValueDefinition+ }</summary>
    private IReadOnlyList<EnumValueDefinitionNode> ParseEnumValuesDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL))
        {
            return [];
        }
        var items = ListStart();
        do
        {
            Push(ParseEnumValueDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));
        return PopList<EnumValueDefinitionNode>(items);
    }

    /// <summary>EnumValueDefinition : Description? EnumValue Directives[Const]?</summary>
    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        return new EnumValueDefinitionNode
        {
            Description = description,
            Name = ParseEnumValueName(),
            Directives = ParseDirectives(isConst: true),
            Location = Loc(start),
        };
    }

    /// <summary>EnumValue : Name but not true, false or null</summary>
    private NameNode ParseEnumValueName()
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && _lexer.GetSpan(token) is "true" or "false" or "null")
        {
            throw Error(token.Start, $"{_lexer.Describe(token)} is reserved and cannot be used for an enum value.");
        }
        return ParseName();
    }

    /// <summary>InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?</summary>
    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("input");
        return new InputObjectTypeDefinitionNode
        {
            Description = description,
            Name = ParseName(),
            Directives = ParseDirectives(isConst: true),
            Fields = ParseInputFieldsDefinition(),
            Location = Loc(start),
        };
    }

    /// <summary>DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations</summary>
    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("directive");
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        return new DirectiveDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Repeatable = repeatable,
            Locations = ParseDirectiveLocations(),
            Location = Loc(start),
        };
    }

    /// <summary>DirectiveLocations : |? DirectiveLocation | DirectiveLocations | DirectiveLocation</summary>
    private NameNode[] ParseDirectiveLocations()
    {
        ExpectOptionalToken(TokenKind.Pipe);
        var items = ListStart();
        do
        {
            Push(ParseDirectiveLocation());
        }
        while (ExpectOptionalToken(TokenKind.Pipe));
        return PopList<NameNode>(items);
    }

    /// <summary>DirectiveLocation : ExecutableDirectiveLocation | TypeSystemDirectiveLocation</summary>
    private NameNode ParseDirectiveLocation()
    {
        var start = _lexer.Token;
        var name = ParseName();
        return IsDirectiveLocation(name.Value) ? name : throw Unexpected(start);
    }

    /// <summary>ExecutableDirectiveLocation and TypeSystemDirectiveLocation (spec §3.13).</summary>
    internal static bool IsDirectiveLocation(string name) => name is
        "QUERY" or "MUTATION" or "SUBSCRIPTION" or "FIELD" or "FRAGMENT_DEFINITION" or "FRAGMENT_SPREAD"
        or "INLINE_FRAGMENT" or "VARIABLE_DEFINITION"
        or "SCHEMA" or "SCALAR" or "OBJECT" or "FIELD_DEFINITION" or "ARGUMENT_DEFINITION" or "INTERFACE" or "UNION"
        or "ENUM" or "ENUM_VALUE" or "INPUT_OBJECT" or "INPUT_FIELD_DEFINITION" or "DIRECTIVE_DEFINITION";
}
