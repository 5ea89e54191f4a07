namespace GraphIntel.GraphQL.Language;

/// <summary>InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?</summary>
public sealed class InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.InputObjectTypeDefinition;

    /// <summary>The input fields (empty when none).</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}
