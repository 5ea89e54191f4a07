namespace GraphIntel.GraphQL.Language;

/// <summary>Lexer placeholder.</summary>
public ref partial struct Lexer;
