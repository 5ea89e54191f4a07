using System.Collections;
using System.Globalization;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Execution;

/// <summary>graphql-js <c>valueFromAST</c> and <c>valueFromASTUntyped</c>: literals to values.</summary>
public static partial class ValueCoercion
{
    /// <summary>graphql-js <c>valueFromAST</c>: a literal coerced to <paramref name="type"/>; false when invalid.</summary>
    public static bool TryValueFromAst(ValueNode valueNode, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (valueNode is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue))
            {
                return false;
            }
            if (variableValue is null && type is NonNullType)
            {
                return false;
            }
            value = variableValue;
            return true;
        }
        if (type is NonNullType nonNull)
        {
            return valueNode is not NullValueNode && TryValueFromAst(valueNode, nonNull.OfType, variables, out value);
        }
        if (valueNode is NullValueNode)
        {
            return true;
        }
        switch (type)
        {
            case ListType list:
                if (valueNode is ListValueNode listNode)
                {
                    var items = new object?[listNode.Values.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        var itemNode = listNode.Values[i];
                        if (IsMissingVariable(itemNode, variables))
                        {
                            if (list.OfType is NonNullType)
                            {
                                return false;
                            }
                            items[i] = null;
                        }
                        else if (!TryValueFromAst(itemNode, list.OfType, variables, out items[i]))
                        {
                            return false;
                        }
                    }
                    value = items;
                    return true;
                }
                if (!TryValueFromAst(valueNode, list.OfType, variables, out var single))
                {
                    return false;
                }
                value = new[] { single };
                return true;
            case InputObjectType input:
                if (valueNode is not ObjectValueNode objectNode)
                {
                    return false;
                }
                var coerced = new Dictionary<string, object?>(input.Fields.Count, StringComparer.Ordinal);
                foreach (var field in input.Fields)
                {
                    ObjectFieldNode? fieldNode = null;
                    foreach (var candidate in objectNode.Fields)
                    {
                        if (candidate.Name.Value == field.Name)
                        {
                            fieldNode = candidate;
                            break;
                        }
                    }
                    if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
                    {
                        if (field.HasDefaultValue)
                        {
                            coerced[field.Name] = field.CoercedDefaultValue;
                        }
                        else if (field.Type is NonNullType)
                        {
                            return false;
                        }
                        continue;
                    }
                    if (!TryValueFromAst(fieldNode.Value, field.Type, variables, out var fieldValue))
                    {
                        return false;
                    }
                    coerced[field.Name] = fieldValue;
                }
                if (input.IsOneOf)
                {
                    if (coerced.Count != 1)
                    {
                        return false;
                    }
                    foreach (var fieldValue in coerced.Values)
                    {
                        if (fieldValue is null)
                        {
                            return false;
                        }
                    }
                }
                value = coerced;
                return true;
            case ScalarType scalar:
                try
                {
                    value = scalar.ParseLiteral(valueNode, variables);
                    return true;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    return false;
                }
            case EnumType enumType:
                try
                {
                    value = enumType.ParseLiteral(valueNode);
                    return true;
                }
                catch (GraphQLException)
                {
                    return false;
                }
            default:
                return false;
        }
    }

    /// <summary>graphql-js <c>valueFromASTUntyped</c>: a literal as a plain value (long/double/string/bool/null/list/map).</summary>
    public static object? ValueFromAstUntyped(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null)
    {
        switch (valueNode)
        {
            case NullValueNode: return null;
            case IntValueNode i: return long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? (object)l : double.Parse(i.Value, CultureInfo.InvariantCulture);
            case FloatValueNode f: return double.Parse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            case StringValueNode s: return s.Value;
            case EnumValueNode e: return e.Value;
            case BooleanValueNode b: return b.Value;
            case ListValueNode list:
                var items = new List<object?>(list.Values.Count);
                foreach (var item in list.Values)
                {
                    items.Add(ValueFromAstUntyped(item, variables));
                }
                return items;
            case ObjectValueNode obj:
                var map = new Dictionary<string, object?>(obj.Fields.Count, StringComparer.Ordinal);
                foreach (var field in obj.Fields)
                {
                    map[field.Name.Value] = ValueFromAstUntyped(field.Value, variables);
                }
                return map;
            case VariableNode variable:
                return variables?.GetValueOrDefault(variable.Name.Value);
            default:
                return null;
        }
    }
}
