using System.Collections;
using System.Globalization;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Execution;

/// <summary>
/// Input coercion (spec §6.4.1 CoerceVariableValues, §6.4.2 CoerceArgumentValues, and graphql-js <c>valueFromAST</c>,
/// <c>coerceInputValue</c>). Coerced values are CLR values: scalars as their <see cref="ScalarType"/> parses them
/// (Int → int, Float → double, String/ID → string, Boolean → bool), enums as their internal values, lists as
/// <c>object?[]</c>, input objects as <c>Dictionary&lt;string, object?&gt;</c> in field definition order.
/// A key missing from a dictionary means "not provided", a null value means "provided as null".
/// </summary>
public static partial class ValueCoercion
{
    /// <summary>An empty coerced-values dictionary.</summary>
    public static IReadOnlyDictionary<string, object?> Empty { get; } = new Dictionary<string, object?>(0);

    /// <summary>The schema type a type reference names, or null when a named type is unknown (graphql-js <c>typeFromAST</c>).</summary>
    public static GraphQLType? TypeFromAst(Schema schema, TypeNode typeNode) => typeNode switch
    {
        NonNullTypeNode nonNull => TypeFromAst(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        ListTypeNode list => TypeFromAst(schema, list.Type) is { } item ? new ListType(item) : null,
        NamedTypeNode named => schema.GetType(named.Name.Value),
        _ => null,
    };

    /// <summary>Whether a literal (transitively) refers to a variable.</summary>
    public static bool ContainsVariable(ValueNode valueNode) => valueNode switch
    {
        VariableNode => true,
        ListValueNode list => AnyVariable(list.Values),
        ObjectValueNode obj => AnyFieldVariable(obj.Fields),
        _ => false,
    };

    private static bool AnyVariable(IReadOnlyList<ValueNode> values)
    {
        foreach (var value in values)
        {
            if (ContainsVariable(value))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AnyFieldVariable(IReadOnlyList<ObjectFieldNode> fields)
    {
        foreach (var field in fields)
        {
            if (ContainsVariable(field.Value))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsMissingVariable(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables) =>
        valueNode is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));
}
