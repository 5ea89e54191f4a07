namespace GraphIntel.GraphQL.Language;

/// <summary>InputObjectTypeExtension : extend input Name Directives[Const]? InputFieldsDefinition | extend input Name Directives[Const]</summary>
public sealed class InputObjectTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.InputObjectTypeExtension;

    /// <summary>The added input fields (empty when none).</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}
