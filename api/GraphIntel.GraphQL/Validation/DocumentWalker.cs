using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation;

/// <summary>
/// Walks a document (or part of one) depth-first in graphql-js's key order (descriptions and names left out), keeping
/// a <see cref="TypeInfo"/> in step and calling several visitors in parallel (graphql-js <c>visitInParallel</c> over
/// <c>visitWithTypeInfo</c>). A visitor that skips a node's children skips them alone; the others still see them.
/// </summary>
internal sealed class DocumentWalker
{
    private readonly TypeInfo _typeInfo;
    private readonly ValidationVisitor[] _visitors;
    private readonly Node?[] _skipping;
    private readonly Func<bool> _stop;

    /// <summary>Creates a walker; <paramref name="stop"/> is asked between nodes whether to abandon the walk.</summary>
    public DocumentWalker(TypeInfo typeInfo, IReadOnlyList<ValidationVisitor> visitors, Func<bool>? stop = null)
    {
        _typeInfo = typeInfo;
        _visitors = [.. visitors];
        _skipping = new Node?[_visitors.Length];
        _stop = stop ?? (static () => false);
    }

    /// <summary>Walks <paramref name="node"/> and everything below it.</summary>
    public void Walk(Node node)
    {
        if (_stop())
        {
            return;
        }
        _typeInfo.Enter(node);
        for (var i = 0; i < _visitors.Length; i++)
        {
            if (_skipping[i] is null && EnterOne(_visitors[i], node) == VisitAction.SkipChildren)
            {
                _skipping[i] = node;
            }
        }
        WalkChildren(node);
        for (var i = 0; i < _visitors.Length; i++)
        {
            if (_skipping[i] is null)
            {
                LeaveOne(_visitors[i], node);
            }
            else if (ReferenceEquals(_skipping[i], node))
            {
                _skipping[i] = null;
            }
        }
        _typeInfo.Leave(node);
    }

    private void WalkChildren(Node node)
    {
        switch (node)
        {
            case DocumentNode document:
                WalkAll(document.Definitions);
                break;
            case OperationDefinitionNode operation:
                WalkAll(operation.VariableDefinitions);
                WalkAll(operation.Directives);
                Walk(operation.SelectionSet);
                break;
            case VariableDefinitionNode variable:
                Walk(variable.Type);
                if (variable.DefaultValue is { } defaultValue)
                {
                    Walk(defaultValue);
                }
                WalkAll(variable.Directives);
                break;
            case SelectionSetNode selectionSet:
                WalkAll(selectionSet.Selections);
                break;
            case FieldNode field:
                WalkAll(field.Arguments);
                WalkAll(field.Directives);
                if (field.SelectionSet is { } fieldSelections)
                {
                    Walk(fieldSelections);
                }
                break;
            case ArgumentNode argument:
                Walk(argument.Value);
                break;
            case FragmentSpreadNode spread:
                WalkAll(spread.Directives);
                break;
            case InlineFragmentNode inline:
                if (inline.TypeCondition is { } condition)
                {
                    Walk(condition);
                }
                WalkAll(inline.Directives);
                Walk(inline.SelectionSet);
                break;
            case FragmentDefinitionNode fragment:
                Walk(fragment.TypeCondition);
                WalkAll(fragment.Directives);
                Walk(fragment.SelectionSet);
                break;
            case DirectiveNode directive:
                WalkAll(directive.Arguments);
                break;
            case ListValueNode list:
                WalkAll(list.Values);
                break;
            case ObjectValueNode obj:
                WalkAll(obj.Fields);
                break;
            case ObjectFieldNode objectField:
                Walk(objectField.Value);
                break;
            case ListTypeNode listType:
                Walk(listType.Type);
                break;
            case NonNullTypeNode nonNullType:
                Walk(nonNullType.Type);
                break;
            default:
                WalkTypeSystemChildren(node);
                break;
        }
    }

    private void WalkTypeSystemChildren(Node node)
    {
        switch (node)
        {
            case SchemaDefinitionNode schema:
                WalkAll(schema.Directives);
                WalkAll(schema.OperationTypes);
                break;
            case SchemaExtensionNode schema:
                WalkAll(schema.Directives);
                WalkAll(schema.OperationTypes);
                break;
            case OperationTypeDefinitionNode operationType:
                Walk(operationType.Type);
                break;
            case ObjectTypeDefinitionNode type:
                WalkAll(type.Interfaces);
                WalkAll(type.Directives);
                WalkAll(type.Fields);
                break;
            case ObjectTypeExtensionNode type:
                WalkAll(type.Interfaces);
                WalkAll(type.Directives);
                WalkAll(type.Fields);
                break;
            case InterfaceTypeDefinitionNode type:
                WalkAll(type.Interfaces);
                WalkAll(type.Directives);
                WalkAll(type.Fields);
                break;
            case InterfaceTypeExtensionNode type:
                WalkAll(type.Interfaces);
                WalkAll(type.Directives);
                WalkAll(type.Fields);
                break;
            case UnionTypeDefinitionNode type:
                WalkAll(type.Directives);
                WalkAll(type.Types);
                break;
            case UnionTypeExtensionNode type:
                WalkAll(type.Directives);
                WalkAll(type.Types);
                break;
            case EnumTypeDefinitionNode type:
                WalkAll(type.Directives);
                WalkAll(type.Values);
                break;
            case EnumTypeExtensionNode type:
                WalkAll(type.Directives);
                WalkAll(type.Values);
                break;
            case InputObjectTypeDefinitionNode type:
                WalkAll(type.Directives);
                WalkAll(type.Fields);
                break;
            case InputObjectTypeExtensionNode type:
                WalkAll(type.Directives);
                WalkAll(type.Fields);
                break;
            case TypeDefinitionNode type: // scalar
                WalkAll(type.Directives);
                break;
            case TypeExtensionNode type: // scalar
                WalkAll(type.Directives);
                break;
            case FieldDefinitionNode field:
                WalkAll(field.Arguments);
                Walk(field.Type);
                WalkAll(field.Directives);
                break;
            case InputValueDefinitionNode inputValue:
                Walk(inputValue.Type);
                if (inputValue.DefaultValue is { } defaultValue)
                {
                    Walk(defaultValue);
                }
                WalkAll(inputValue.Directives);
                break;
            case EnumValueDefinitionNode enumValue:
                WalkAll(enumValue.Directives);
                break;
            case DirectiveDefinitionNode directive:
                WalkAll(directive.Arguments);
                break;
        }
    }

    private void WalkAll<T>(IReadOnlyList<T> nodes) where T : Node
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            Walk(nodes[i]);
        }
    }

    private static VisitAction EnterOne(ValidationVisitor visitor, Node node) => node switch
    {
        DocumentNode n => visitor.Enter(n),
        OperationDefinitionNode n => visitor.Enter(n),
        VariableDefinitionNode n => visitor.Enter(n),
        VariableNode n => visitor.Enter(n),
        SelectionSetNode n => visitor.Enter(n),
        FieldNode n => visitor.Enter(n),
        ArgumentNode n => visitor.Enter(n),
        FragmentSpreadNode n => visitor.Enter(n),
        InlineFragmentNode n => visitor.Enter(n),
        FragmentDefinitionNode n => visitor.Enter(n),
        DirectiveNode n => visitor.Enter(n),
        NamedTypeNode n => visitor.Enter(n),
        ObjectFieldNode n => visitor.Enter(n),
        ValueNode n => visitor.Enter(n),
        ListTypeNode or NonNullTypeNode => VisitAction.Continue,
        _ => visitor.EnterTypeSystem(node),
    };

    private static void LeaveOne(ValidationVisitor visitor, Node node)
    {
        switch (node)
        {
            case DocumentNode n: visitor.Leave(n); break;
            case OperationDefinitionNode n: visitor.Leave(n); break;
            case VariableDefinitionNode n: visitor.Leave(n); break;
            case SelectionSetNode n: visitor.Leave(n); break;
            case FieldNode n: visitor.Leave(n); break;
            case ArgumentNode n: visitor.Leave(n); break;
            case FragmentSpreadNode n: visitor.Leave(n); break;
            case InlineFragmentNode n: visitor.Leave(n); break;
            case FragmentDefinitionNode n: visitor.Leave(n); break;
            case DirectiveNode n: visitor.Leave(n); break;
            case ObjectFieldNode n: visitor.Leave(n); break;
            case VariableNode or NamedTypeNode or ListTypeNode or NonNullTypeNode: break;
            case ValueNode n: visitor.Leave(n); break;
            default: visitor.LeaveTypeSystem(node); break;
        }
    }
}
