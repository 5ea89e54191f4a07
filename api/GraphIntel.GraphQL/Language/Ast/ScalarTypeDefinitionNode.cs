namespace GraphIntel.GraphQL.Language;

/// <summary>ScalarTypeDefinition : Description? scalar Name Directives[Const]?</summary>
public sealed class ScalarTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ScalarTypeDefinition;
}
