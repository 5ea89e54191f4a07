using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation;

/// <summary>
/// Tracks, while a document is walked, the types that apply at the current node — as graphql-js <c>TypeInfo</c>:
/// the output type and its parent composite type, the field definition, the expected input type (and its parent),
/// the argument, the default value at the position, the directive and the enum value. Each value is null where the
/// document refers to something the schema does not define.
/// </summary>
public sealed class TypeInfo
{
    private readonly Schema _schema;
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<NamedType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<ValueNode?> _defaultValueStack = [];

    /// <summary>Creates type information for walking documents against <paramref name="schema"/>.</summary>
    public TypeInfo(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
    }

    /// <summary>The output type of the current field, operation or fragment.</summary>
    public GraphQLType? Type => Peek(_typeStack);

    /// <summary>The composite type whose selection set is being walked.</summary>
    public NamedType? ParentType => Peek(_parentTypeStack);

    /// <summary>The input type expected at the current argument, variable definition, list item or input field.</summary>
    public GraphQLType? InputType => Peek(_inputTypeStack);

    /// <summary>The input type enclosing <see cref="InputType"/> (e.g. the input object of an input field), as declared.</summary>
    public GraphQLType? ParentInputType => _inputTypeStack.Count >= 2 ? _inputTypeStack[^2] : null;

    /// <summary>The definition of the current field.</summary>
    public FieldDefinition? FieldDef => Peek(_fieldDefStack);

    /// <summary>The schema default of the current argument or input field (a literal, possibly <c>null</c>), or null when there is none.</summary>
    public ValueNode? DefaultValue => Peek(_defaultValueStack);

    /// <summary>The directive whose arguments are being walked.</summary>
    public DirectiveDefinition? Directive { get; private set; }

    /// <summary>The definition of the current argument.</summary>
    public InputValueDefinition? Argument { get; private set; }

    /// <summary>The definition of the current enum value literal.</summary>
    public EnumValueDefinition? EnumValue { get; private set; }

    /// <summary>Updates the state on entering <paramref name="node"/>.</summary>
    public void Enter(Node node)
    {
        switch (node)
        {
            case SelectionSetNode:
                var named = Type?.NamedType;
                _parentTypeStack.Add(named is { IsCompositeType: true } ? named : null);
                break;
            case FieldNode field:
                var fieldDef = ParentType is { } parent ? _schema.GetFieldDefinition(parent, field.Name.Value) : null;
                _fieldDefStack.Add(fieldDef);
                _typeStack.Add(fieldDef?.Type is { IsOutputType: true } fieldType ? fieldType : null);
                break;
            case DirectiveNode directive:
                Directive = _schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _typeStack.Add(_schema.GetRootType(operation.Operation));
                break;
            case InlineFragmentNode inline:
                var inlineType = inline.TypeCondition is { } condition ? TypeFromAst(_schema, condition) : Type?.NamedType;
                _typeStack.Add(inlineType is { IsOutputType: true } ? inlineType : null);
                break;
            case FragmentDefinitionNode fragment:
                var fragmentType = TypeFromAst(_schema, fragment.TypeCondition);
                _typeStack.Add(fragmentType is { IsOutputType: true } ? fragmentType : null);
                break;
            case VariableDefinitionNode variable:
                var variableType = TypeFromAst(_schema, variable.Type);
                _inputTypeStack.Add(variableType is { IsInputType: true } ? variableType : null);
                break;
            case ArgumentNode argument:
                var arguments = Directive?.Arguments ?? FieldDef?.Arguments;
                var argDef = arguments?[argument.Name.Value];
                Argument = argDef;
                _defaultValueStack.Add(argDef?.DefaultValue);
                _inputTypeStack.Add(argDef?.Type is { IsInputType: true } argType ? argType : null);
                break;
            case ListValueNode:
                var listType = InputType?.Nullable;
                var itemType = listType is ListType list ? list.OfType : listType;
                _defaultValueStack.Add(null);
                _inputTypeStack.Add(itemType is { IsInputType: true } ? itemType : null);
                break;
            case ObjectFieldNode objectField:
                var inputField = InputType?.NamedType is InputObjectType inputObject ? inputObject.Fields[objectField.Name.Value] : null;
                _defaultValueStack.Add(inputField?.DefaultValue);
                _inputTypeStack.Add(inputField?.Type is { IsInputType: true } inputFieldType ? inputFieldType : null);
                break;
            case EnumValueNode enumValue:
                EnumValue = InputType?.NamedType is EnumType enumType ? enumType.Values[enumValue.Value] : null;
                break;
        }
    }

    /// <summary>Restores the state on leaving <paramref name="node"/>.</summary>
    public void Leave(Node node)
    {
        switch (node)
        {
            case SelectionSetNode:
                Pop(_parentTypeStack);
                break;
            case FieldNode:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case DirectiveNode:
                Directive = null;
                break;
            case OperationDefinitionNode or InlineFragmentNode or FragmentDefinitionNode:
                Pop(_typeStack);
                break;
            case VariableDefinitionNode:
                Pop(_inputTypeStack);
                break;
            case ArgumentNode:
                Argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case ListValueNode or ObjectFieldNode:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case EnumValueNode:
                EnumValue = null;
                break;
        }
    }

    /// <summary>The schema type a type reference names (wrapped as written), or null when the named type does not exist.</summary>
    public static GraphQLType? TypeFromAst(Schema schema, TypeNode typeNode) => typeNode switch
    {
        NamedTypeNode named => schema.GetType(named.Name.Value),
        ListTypeNode list => TypeFromAst(schema, list.Type) is { } item ? new ListType(item) : null,
        NonNullTypeNode nonNull => TypeFromAst(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        _ => null,
    };

    private static T? Peek<T>(List<T?> stack) where T : class => stack.Count > 0 ? stack[^1] : null;

    private static void Pop<T>(List<T> stack) => stack.RemoveAt(stack.Count - 1);
}
