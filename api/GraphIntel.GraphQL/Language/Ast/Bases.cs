namespace GraphIntel.GraphQL.Language;

/// <summary>Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension.</summary>
public abstract class DefinitionNode : Node;

/// <summary>ExecutableDefinition : OperationDefinition | FragmentDefinition.</summary>
public abstract class ExecutableDefinitionNode : DefinitionNode, IHasDirectives
{
    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The selections of the operation or fragment.</summary>
    public required SelectionSetNode SelectionSet { get; init; }
}

/// <summary>TypeSystemDefinition : SchemaDefinition | TypeDefinition | DirectiveDefinition.</summary>
public abstract class TypeSystemDefinitionNode : DefinitionNode;

/// <summary>TypeDefinition : ScalarTypeDefinition | ObjectTypeDefinition | InterfaceTypeDefinition | UnionTypeDefinition | EnumTypeDefinition | InputObjectTypeDefinition.</summary>
public abstract class TypeDefinitionNode : TypeSystemDefinitionNode, IHasDirectives, IHasDescription
{
    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <summary>The type's name.</summary>
    public required NameNode Name { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>TypeSystemExtension : SchemaExtension | TypeExtension.</summary>
public abstract class TypeSystemExtensionNode : DefinitionNode, IHasDirectives
{
    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>TypeExtension : ScalarTypeExtension | ObjectTypeExtension | InterfaceTypeExtension | UnionTypeExtension | EnumTypeExtension | InputObjectTypeExtension.</summary>
public abstract class TypeExtensionNode : TypeSystemExtensionNode
{
    /// <summary>The name of the extended type.</summary>
    public required NameNode Name { get; init; }
}

/// <summary>Selection : Field | FragmentSpread | InlineFragment.</summary>
public abstract class SelectionNode : Node, IHasDirectives
{
    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>Value : Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue | ListValue | ObjectValue.</summary>
public abstract class ValueNode : Node;

/// <summary>Type : NamedType | ListType | NonNullType.</summary>
public abstract class TypeNode : Node;

/// <summary>A node that carries <c>Directives</c>.</summary>
public interface IHasDirectives
{
    /// <summary>The directives applied to the node (empty when none).</summary>
    IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>A type-system node that may carry a Description.</summary>
public interface IHasDescription
{
    /// <summary>The description string, or null.</summary>
    StringValueNode? Description { get; }
}
