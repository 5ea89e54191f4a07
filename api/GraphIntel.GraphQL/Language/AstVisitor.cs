namespace GraphIntel.GraphQL.Language;

/// <summary>
/// A visitor with one Enter and one Leave method per node kind; override the ones you need. While a method runs,
/// <see cref="Ancestors"/> holds the path from the root to the node's parent. Walk with <see cref="Visit"/>.
/// </summary>
public abstract partial class AstVisitor : IAstVisitor
{
    private static readonly IReadOnlyList<Node> NoAncestors = [];

    /// <summary>The nodes from the root down to the current node's parent (parent last), during Enter/Leave calls.</summary>
    protected IReadOnlyList<Node> Ancestors { get; private set; } = NoAncestors;

    /// <summary>The current node's parent, or null at the root.</summary>
    protected Node? Parent => Ancestors.Count == 0 ? null : Ancestors[^1];

    /// <inheritdoc />
    public VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
    {
        Ancestors = ancestors;
        return node.Kind switch
        {
            NodeKind.Name => EnterName((NameNode)node),
            NodeKind.Document => EnterDocument((DocumentNode)node),
            NodeKind.OperationDefinition => EnterOperationDefinition((OperationDefinitionNode)node),
            NodeKind.VariableDefinition => EnterVariableDefinition((VariableDefinitionNode)node),
            NodeKind.SelectionSet => EnterSelectionSet((SelectionSetNode)node),
            NodeKind.Field => EnterField((FieldNode)node),
            NodeKind.Argument => EnterArgument((ArgumentNode)node),
            NodeKind.FragmentSpread => EnterFragmentSpread((FragmentSpreadNode)node),
            NodeKind.InlineFragment => EnterInlineFragment((InlineFragmentNode)node),
            NodeKind.FragmentDefinition => EnterFragmentDefinition((FragmentDefinitionNode)node),
            NodeKind.Variable => EnterVariable((VariableNode)node),
            NodeKind.IntValue => EnterIntValue((IntValueNode)node),
            NodeKind.FloatValue => EnterFloatValue((FloatValueNode)node),
            NodeKind.StringValue => EnterStringValue((StringValueNode)node),
            NodeKind.BooleanValue => EnterBooleanValue((BooleanValueNode)node),
            NodeKind.NullValue => EnterNullValue((NullValueNode)node),
            NodeKind.EnumValue => EnterEnumValue((EnumValueNode)node),
            NodeKind.ListValue => EnterListValue((ListValueNode)node),
            NodeKind.ObjectValue => EnterObjectValue((ObjectValueNode)node),
            NodeKind.ObjectField => EnterObjectField((ObjectFieldNode)node),
            NodeKind.Directive => EnterDirective((DirectiveNode)node),
            NodeKind.NamedType => EnterNamedType((NamedTypeNode)node),
            NodeKind.ListType => EnterListType((ListTypeNode)node),
            NodeKind.NonNullType => EnterNonNullType((NonNullTypeNode)node),
            NodeKind.SchemaDefinition => EnterSchemaDefinition((SchemaDefinitionNode)node),
            NodeKind.OperationTypeDefinition => EnterOperationTypeDefinition((OperationTypeDefinitionNode)node),
            NodeKind.ScalarTypeDefinition => EnterScalarTypeDefinition((ScalarTypeDefinitionNode)node),
            NodeKind.ObjectTypeDefinition => EnterObjectTypeDefinition((ObjectTypeDefinitionNode)node),
            NodeKind.FieldDefinition => EnterFieldDefinition((FieldDefinitionNode)node),
            NodeKind.InputValueDefinition => EnterInputValueDefinition((InputValueDefinitionNode)node),
            NodeKind.InterfaceTypeDefinition => EnterInterfaceTypeDefinition((InterfaceTypeDefinitionNode)node),
            NodeKind.UnionTypeDefinition => EnterUnionTypeDefinition((UnionTypeDefinitionNode)node),
            NodeKind.EnumTypeDefinition => EnterEnumTypeDefinition((EnumTypeDefinitionNode)node),
            NodeKind.EnumValueDefinition => EnterEnumValueDefinition((EnumValueDefinitionNode)node),
            NodeKind.InputObjectTypeDefinition => EnterInputObjectTypeDefinition((InputObjectTypeDefinitionNode)node),
            NodeKind.DirectiveDefinition => EnterDirectiveDefinition((DirectiveDefinitionNode)node),
            NodeKind.SchemaExtension => EnterSchemaExtension((SchemaExtensionNode)node),
            NodeKind.ScalarTypeExtension => EnterScalarTypeExtension((ScalarTypeExtensionNode)node),
            NodeKind.ObjectTypeExtension => EnterObjectTypeExtension((ObjectTypeExtensionNode)node),
            NodeKind.InterfaceTypeExtension => EnterInterfaceTypeExtension((InterfaceTypeExtensionNode)node),
            NodeKind.UnionTypeExtension => EnterUnionTypeExtension((UnionTypeExtensionNode)node),
            NodeKind.EnumTypeExtension => EnterEnumTypeExtension((EnumTypeExtensionNode)node),
            NodeKind.InputObjectTypeExtension => EnterInputObjectTypeExtension((InputObjectTypeExtensionNode)node),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node.Kind, "Unknown node kind."),
        };
    }

    /// <inheritdoc />
    public VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
    {
        Ancestors = ancestors;
        return node.Kind switch
        {
            NodeKind.Name => LeaveName((NameNode)node),
            NodeKind.Document => LeaveDocument((DocumentNode)node),
            NodeKind.OperationDefinition => LeaveOperationDefinition((OperationDefinitionNode)node),
            NodeKind.VariableDefinition => LeaveVariableDefinition((VariableDefinitionNode)node),
            NodeKind.SelectionSet => LeaveSelectionSet((SelectionSetNode)node),
            NodeKind.Field => LeaveField((FieldNode)node),
            NodeKind.Argument => LeaveArgument((ArgumentNode)node),
            NodeKind.FragmentSpread => LeaveFragmentSpread((FragmentSpreadNode)node),
            NodeKind.InlineFragment => LeaveInlineFragment((InlineFragmentNode)node),
            NodeKind.FragmentDefinition => LeaveFragmentDefinition((FragmentDefinitionNode)node),
            NodeKind.Variable => LeaveVariable((VariableNode)node),
            NodeKind.IntValue => LeaveIntValue((IntValueNode)node),
            NodeKind.FloatValue => LeaveFloatValue((FloatValueNode)node),
            NodeKind.StringValue => LeaveStringValue((StringValueNode)node),
            NodeKind.BooleanValue => LeaveBooleanValue((BooleanValueNode)node),
            NodeKind.NullValue => LeaveNullValue((NullValueNode)node),
            NodeKind.EnumValue => LeaveEnumValue((EnumValueNode)node),
            NodeKind.ListValue => LeaveListValue((ListValueNode)node),
            NodeKind.ObjectValue => LeaveObjectValue((ObjectValueNode)node),
            NodeKind.ObjectField => LeaveObjectField((ObjectFieldNode)node),
            NodeKind.Directive => LeaveDirective((DirectiveNode)node),
            NodeKind.NamedType => LeaveNamedType((NamedTypeNode)node),
            NodeKind.ListType => LeaveListType((ListTypeNode)node),
            NodeKind.NonNullType => LeaveNonNullType((NonNullTypeNode)node),
            NodeKind.SchemaDefinition => LeaveSchemaDefinition((SchemaDefinitionNode)node),
            NodeKind.OperationTypeDefinition => LeaveOperationTypeDefinition((OperationTypeDefinitionNode)node),
            NodeKind.ScalarTypeDefinition => LeaveScalarTypeDefinition((ScalarTypeDefinitionNode)node),
            NodeKind.ObjectTypeDefinition => LeaveObjectTypeDefinition((ObjectTypeDefinitionNode)node),
            NodeKind.FieldDefinition => LeaveFieldDefinition((FieldDefinitionNode)node),
            NodeKind.InputValueDefinition => LeaveInputValueDefinition((InputValueDefinitionNode)node),
            NodeKind.InterfaceTypeDefinition => LeaveInterfaceTypeDefinition((InterfaceTypeDefinitionNode)node),
            NodeKind.UnionTypeDefinition => LeaveUnionTypeDefinition((UnionTypeDefinitionNode)node),
            NodeKind.EnumTypeDefinition => LeaveEnumTypeDefinition((EnumTypeDefinitionNode)node),
            NodeKind.EnumValueDefinition => LeaveEnumValueDefinition((EnumValueDefinitionNode)node),
            NodeKind.InputObjectTypeDefinition => LeaveInputObjectTypeDefinition((InputObjectTypeDefinitionNode)node),
            NodeKind.DirectiveDefinition => LeaveDirectiveDefinition((DirectiveDefinitionNode)node),
            NodeKind.SchemaExtension => LeaveSchemaExtension((SchemaExtensionNode)node),
            NodeKind.ScalarTypeExtension => LeaveScalarTypeExtension((ScalarTypeExtensionNode)node),
            NodeKind.ObjectTypeExtension => LeaveObjectTypeExtension((ObjectTypeExtensionNode)node),
            NodeKind.InterfaceTypeExtension => LeaveInterfaceTypeExtension((InterfaceTypeExtensionNode)node),
            NodeKind.UnionTypeExtension => LeaveUnionTypeExtension((UnionTypeExtensionNode)node),
            NodeKind.EnumTypeExtension => LeaveEnumTypeExtension((EnumTypeExtensionNode)node),
            NodeKind.InputObjectTypeExtension => LeaveInputObjectTypeExtension((InputObjectTypeExtensionNode)node),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node.Kind, "Unknown node kind."),
        };
    }

    /// <summary>Entering a <see cref="NameNode"/>.</summary>
    protected virtual VisitorAction EnterName(NameNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="NameNode"/>.</summary>
    protected virtual VisitorAction LeaveName(NameNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="DocumentNode"/>.</summary>
    protected virtual VisitorAction EnterDocument(DocumentNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="DocumentNode"/>.</summary>
    protected virtual VisitorAction LeaveDocument(DocumentNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="OperationDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterOperationDefinition(OperationDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="OperationDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveOperationDefinition(OperationDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="VariableDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterVariableDefinition(VariableDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="VariableDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveVariableDefinition(VariableDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="SelectionSetNode"/>.</summary>
    protected virtual VisitorAction EnterSelectionSet(SelectionSetNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="SelectionSetNode"/>.</summary>
    protected virtual VisitorAction LeaveSelectionSet(SelectionSetNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="FieldNode"/>.</summary>
    protected virtual VisitorAction EnterField(FieldNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="FieldNode"/>.</summary>
    protected virtual VisitorAction LeaveField(FieldNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="ArgumentNode"/>.</summary>
    protected virtual VisitorAction EnterArgument(ArgumentNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="ArgumentNode"/>.</summary>
    protected virtual VisitorAction LeaveArgument(ArgumentNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="FragmentSpreadNode"/>.</summary>
    protected virtual VisitorAction EnterFragmentSpread(FragmentSpreadNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="FragmentSpreadNode"/>.</summary>
    protected virtual VisitorAction LeaveFragmentSpread(FragmentSpreadNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="InlineFragmentNode"/>.</summary>
    protected virtual VisitorAction EnterInlineFragment(InlineFragmentNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="InlineFragmentNode"/>.</summary>
    protected virtual VisitorAction LeaveInlineFragment(InlineFragmentNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="FragmentDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="FragmentDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveFragmentDefinition(FragmentDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="VariableNode"/>.</summary>
    protected virtual VisitorAction EnterVariable(VariableNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="VariableNode"/>.</summary>
    protected virtual VisitorAction LeaveVariable(VariableNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="IntValueNode"/>.</summary>
    protected virtual VisitorAction EnterIntValue(IntValueNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="IntValueNode"/>.</summary>
    protected virtual VisitorAction LeaveIntValue(IntValueNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="FloatValueNode"/>.</summary>
    protected virtual VisitorAction EnterFloatValue(FloatValueNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="FloatValueNode"/>.</summary>
    protected virtual VisitorAction LeaveFloatValue(FloatValueNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="StringValueNode"/>.</summary>
    protected virtual VisitorAction EnterStringValue(StringValueNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="StringValueNode"/>.</summary>
    protected virtual VisitorAction LeaveStringValue(StringValueNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="BooleanValueNode"/>.</summary>
    protected virtual VisitorAction EnterBooleanValue(BooleanValueNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="BooleanValueNode"/>.</summary>
    protected virtual VisitorAction LeaveBooleanValue(BooleanValueNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="NullValueNode"/>.</summary>
    protected virtual VisitorAction EnterNullValue(NullValueNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="NullValueNode"/>.</summary>
    protected virtual VisitorAction LeaveNullValue(NullValueNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="EnumValueNode"/>.</summary>
    protected virtual VisitorAction EnterEnumValue(EnumValueNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="EnumValueNode"/>.</summary>
    protected virtual VisitorAction LeaveEnumValue(EnumValueNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="ListValueNode"/>.</summary>
    protected virtual VisitorAction EnterListValue(ListValueNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="ListValueNode"/>.</summary>
    protected virtual VisitorAction LeaveListValue(ListValueNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="ObjectValueNode"/>.</summary>
    protected virtual VisitorAction EnterObjectValue(ObjectValueNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="ObjectValueNode"/>.</summary>
    protected virtual VisitorAction LeaveObjectValue(ObjectValueNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="ObjectFieldNode"/>.</summary>
    protected virtual VisitorAction EnterObjectField(ObjectFieldNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="ObjectFieldNode"/>.</summary>
    protected virtual VisitorAction LeaveObjectField(ObjectFieldNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="DirectiveNode"/>.</summary>
    protected virtual VisitorAction EnterDirective(DirectiveNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="DirectiveNode"/>.</summary>
    protected virtual VisitorAction LeaveDirective(DirectiveNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="NamedTypeNode"/>.</summary>
    protected virtual VisitorAction EnterNamedType(NamedTypeNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="NamedTypeNode"/>.</summary>
    protected virtual VisitorAction LeaveNamedType(NamedTypeNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="ListTypeNode"/>.</summary>
    protected virtual VisitorAction EnterListType(ListTypeNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="ListTypeNode"/>.</summary>
    protected virtual VisitorAction LeaveListType(ListTypeNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="NonNullTypeNode"/>.</summary>
    protected virtual VisitorAction EnterNonNullType(NonNullTypeNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="NonNullTypeNode"/>.</summary>
    protected virtual VisitorAction LeaveNonNullType(NonNullTypeNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="SchemaDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterSchemaDefinition(SchemaDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="SchemaDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveSchemaDefinition(SchemaDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="OperationTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterOperationTypeDefinition(OperationTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="OperationTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveOperationTypeDefinition(OperationTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="ScalarTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterScalarTypeDefinition(ScalarTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="ScalarTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveScalarTypeDefinition(ScalarTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="ObjectTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterObjectTypeDefinition(ObjectTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="ObjectTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveObjectTypeDefinition(ObjectTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="FieldDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterFieldDefinition(FieldDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="FieldDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveFieldDefinition(FieldDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="InputValueDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterInputValueDefinition(InputValueDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="InputValueDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveInputValueDefinition(InputValueDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="InterfaceTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterInterfaceTypeDefinition(InterfaceTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="InterfaceTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveInterfaceTypeDefinition(InterfaceTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="UnionTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterUnionTypeDefinition(UnionTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="UnionTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveUnionTypeDefinition(UnionTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="EnumTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterEnumTypeDefinition(EnumTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="EnumTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveEnumTypeDefinition(EnumTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="EnumValueDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterEnumValueDefinition(EnumValueDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="EnumValueDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveEnumValueDefinition(EnumValueDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="InputObjectTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterInputObjectTypeDefinition(InputObjectTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="InputObjectTypeDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveInputObjectTypeDefinition(InputObjectTypeDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="DirectiveDefinitionNode"/>.</summary>
    protected virtual VisitorAction EnterDirectiveDefinition(DirectiveDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="DirectiveDefinitionNode"/>.</summary>
    protected virtual VisitorAction LeaveDirectiveDefinition(DirectiveDefinitionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="SchemaExtensionNode"/>.</summary>
    protected virtual VisitorAction EnterSchemaExtension(SchemaExtensionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="SchemaExtensionNode"/>.</summary>
    protected virtual VisitorAction LeaveSchemaExtension(SchemaExtensionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="ScalarTypeExtensionNode"/>.</summary>
    protected virtual VisitorAction EnterScalarTypeExtension(ScalarTypeExtensionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="ScalarTypeExtensionNode"/>.</summary>
    protected virtual VisitorAction LeaveScalarTypeExtension(ScalarTypeExtensionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="ObjectTypeExtensionNode"/>.</summary>
    protected virtual VisitorAction EnterObjectTypeExtension(ObjectTypeExtensionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="ObjectTypeExtensionNode"/>.</summary>
    protected virtual VisitorAction LeaveObjectTypeExtension(ObjectTypeExtensionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="InterfaceTypeExtensionNode"/>.</summary>
    protected virtual VisitorAction EnterInterfaceTypeExtension(InterfaceTypeExtensionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="InterfaceTypeExtensionNode"/>.</summary>
    protected virtual VisitorAction LeaveInterfaceTypeExtension(InterfaceTypeExtensionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="UnionTypeExtensionNode"/>.</summary>
    protected virtual VisitorAction EnterUnionTypeExtension(UnionTypeExtensionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="UnionTypeExtensionNode"/>.</summary>
    protected virtual VisitorAction LeaveUnionTypeExtension(UnionTypeExtensionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="EnumTypeExtensionNode"/>.</summary>
    protected virtual VisitorAction EnterEnumTypeExtension(EnumTypeExtensionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="EnumTypeExtensionNode"/>.</summary>
    protected virtual VisitorAction LeaveEnumTypeExtension(EnumTypeExtensionNode node) => VisitorAction.Continue;

    /// <summary>Entering a <see cref="InputObjectTypeExtensionNode"/>.</summary>
    protected virtual VisitorAction EnterInputObjectTypeExtension(InputObjectTypeExtensionNode node) => VisitorAction.Continue;

    /// <summary>Leaving a <see cref="InputObjectTypeExtensionNode"/>.</summary>
    protected virtual VisitorAction LeaveInputObjectTypeExtension(InputObjectTypeExtensionNode node) => VisitorAction.Continue;
}
