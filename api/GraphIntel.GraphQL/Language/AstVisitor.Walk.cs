namespace GraphIntel.GraphQL.Language;

public abstract partial class AstVisitor
{
    /// <summary>
    /// Walks <paramref name="root"/> depth-first, calling <paramref name="visitor"/> on entering and leaving each node.
    /// Children are visited in graphql-js <c>QueryDocumentKeys</c> order (e.g. Field: alias, name, arguments,
    /// directives, selectionSet). Allocates one ancestor list per walk.
    /// </summary>
    /// <returns>False when the visitor stopped the walk with <see cref="VisitorAction.Break"/>.</returns>
    public static bool Visit(Node root, IAstVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(visitor);
        return Walk(root, visitor, new List<Node>(16));
    }

    private static bool Walk(Node node, IAstVisitor visitor, List<Node> ancestors)
    {
        var action = visitor.Enter(node, ancestors);
        if (action == VisitorAction.Break)
        {
            return false;
        }
        if (action == VisitorAction.SkipChildren)
        {
            return true;
        }
        ancestors.Add(node);
        var completed = WalkChildren(node, visitor, ancestors);
        ancestors.RemoveAt(ancestors.Count - 1);
        return completed && visitor.Leave(node, ancestors) != VisitorAction.Break;
    }

    private static bool WalkOptional(Node? node, IAstVisitor visitor, List<Node> ancestors) =>
        node is null || Walk(node, visitor, ancestors);

    private static bool WalkAll<T>(IReadOnlyList<T> nodes, IAstVisitor visitor, List<Node> ancestors) where T : Node
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!Walk(nodes[i], visitor, ancestors))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The children of each node kind, in graphql-js QueryDocumentKeys order.</summary>
    private static bool WalkChildren(Node node, IAstVisitor v, List<Node> a) => node switch
    {
        NameNode or IntValueNode or FloatValueNode or StringValueNode or BooleanValueNode or NullValueNode or EnumValueNode => true,
        DocumentNode n => WalkAll(n.Definitions, v, a),
        OperationDefinitionNode n => WalkOptional(n.Description, v, a) && WalkOptional(n.Name, v, a) && WalkAll(n.VariableDefinitions, v, a)
            && WalkAll(n.Directives, v, a) && Walk(n.SelectionSet, v, a),
        VariableDefinitionNode n => WalkOptional(n.Description, v, a) && Walk(n.Variable, v, a) && Walk(n.Type, v, a) && WalkOptional(n.DefaultValue, v, a)
            && WalkAll(n.Directives, v, a),
        VariableNode n => Walk(n.Name, v, a),
        SelectionSetNode n => WalkAll(n.Selections, v, a),
        FieldNode n => WalkOptional(n.Alias, v, a) && Walk(n.Name, v, a) && WalkAll(n.Arguments, v, a)
            && WalkAll(n.Directives, v, a) && WalkOptional(n.SelectionSet, v, a),
        ArgumentNode n => Walk(n.Name, v, a) && Walk(n.Value, v, a),
        FragmentSpreadNode n => Walk(n.Name, v, a) && WalkAll(n.Directives, v, a),
        InlineFragmentNode n => WalkOptional(n.TypeCondition, v, a) && WalkAll(n.Directives, v, a) && Walk(n.SelectionSet, v, a),
        FragmentDefinitionNode n => WalkOptional(n.Description, v, a) && Walk(n.Name, v, a) && Walk(n.TypeCondition, v, a) && WalkAll(n.Directives, v, a)
            && Walk(n.SelectionSet, v, a),
        ListValueNode n => WalkAll(n.Values, v, a),
        ObjectValueNode n => WalkAll(n.Fields, v, a),
        ObjectFieldNode n => Walk(n.Name, v, a) && Walk(n.Value, v, a),
        DirectiveNode n => Walk(n.Name, v, a) && WalkAll(n.Arguments, v, a),
        NamedTypeNode n => Walk(n.Name, v, a),
        ListTypeNode n => Walk(n.Type, v, a),
        NonNullTypeNode n => Walk(n.Type, v, a),
        SchemaDefinitionNode n => WalkOptional(n.Description, v, a) && WalkAll(n.Directives, v, a) && WalkAll(n.OperationTypes, v, a),
        OperationTypeDefinitionNode n => Walk(n.Type, v, a),
        ScalarTypeDefinitionNode n => WalkOptional(n.Description, v, a) && Walk(n.Name, v, a) && WalkAll(n.Directives, v, a),
        ObjectTypeDefinitionNode n => WalkOptional(n.Description, v, a) && Walk(n.Name, v, a) && WalkAll(n.Interfaces, v, a)
            && WalkAll(n.Directives, v, a) && WalkAll(n.Fields, v, a),
        FieldDefinitionNode n => WalkOptional(n.Description, v, a) && Walk(n.Name, v, a) && WalkAll(n.Arguments, v, a)
            && Walk(n.Type, v, a) && WalkAll(n.Directives, v, a),
        InputValueDefinitionNode n => WalkOptional(n.Description, v, a) && Walk(n.Name, v, a) && Walk(n.Type, v, a)
            && WalkOptional(n.DefaultValue, v, a) && WalkAll(n.Directives, v, a),
        InterfaceTypeDefinitionNode n => WalkOptional(n.Description, v, a) && Walk(n.Name, v, a) && WalkAll(n.Interfaces, v, a)
            && WalkAll(n.Directives, v, a) && WalkAll(n.Fields, v, a),
        UnionTypeDefinitionNode n => WalkOptional(n.Description, v, a) && Walk(n.Name, v, a) && WalkAll(n.Directives, v, a)
            && WalkAll(n.Types, v, a),
        EnumTypeDefinitionNode n => WalkOptional(n.Description, v, a) && Walk(n.Name, v, a) && WalkAll(n.Directives, v, a)
            && WalkAll(n.Values, v, a),
        EnumValueDefinitionNode n => WalkOptional(n.Description, v, a) && Walk(n.Name, v, a) && WalkAll(n.Directives, v, a),
        InputObjectTypeDefinitionNode n => WalkOptional(n.Description, v, a) && Walk(n.Name, v, a) && WalkAll(n.Directives, v, a)
            && WalkAll(n.Fields, v, a),
        DirectiveDefinitionNode n => WalkOptional(n.Description, v, a) && Walk(n.Name, v, a) && WalkAll(n.Arguments, v, a)
            && WalkAll(n.Locations, v, a),
        SchemaExtensionNode n => WalkAll(n.Directives, v, a) && WalkAll(n.OperationTypes, v, a),
        ScalarTypeExtensionNode n => Walk(n.Name, v, a) && WalkAll(n.Directives, v, a),
        ObjectTypeExtensionNode n => Walk(n.Name, v, a) && WalkAll(n.Interfaces, v, a) && WalkAll(n.Directives, v, a)
            && WalkAll(n.Fields, v, a),
        InterfaceTypeExtensionNode n => Walk(n.Name, v, a) && WalkAll(n.Interfaces, v, a) && WalkAll(n.Directives, v, a)
            && WalkAll(n.Fields, v, a),
        UnionTypeExtensionNode n => Walk(n.Name, v, a) && WalkAll(n.Directives, v, a) && WalkAll(n.Types, v, a),
        EnumTypeExtensionNode n => Walk(n.Name, v, a) && WalkAll(n.Directives, v, a) && WalkAll(n.Values, v, a),
        InputObjectTypeExtensionNode n => Walk(n.Name, v, a) && WalkAll(n.Directives, v, a) && WalkAll(n.Fields, v, a),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.Kind, $"Cannot visit a node of kind {node.Kind}."),
    };
}
