namespace GraphIntel.GraphQL.Language;

/// <summary>ScalarTypeExtension : extend scalar Name Directives[Const]</summary>
public sealed class ScalarTypeExtensionNode : TypeExtensionNode
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.ScalarTypeExtension;
}
