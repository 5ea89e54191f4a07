using System.Collections;
using System.Globalization;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Execution;

/// <summary>CoerceArgumentValues (spec §6.4.2).</summary>
public static partial class ValueCoercion
{
    /// <summary>
    /// CoerceArgumentValues: the arguments of a field or directive, from the literals and variables of its node.
    /// Throws <see cref="GraphQLException"/> with graphql-js's message when an argument is missing or invalid.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> CoerceArgumentValues(
        DefinitionMap<InputValueDefinition> definitions,
        IReadOnlyList<ArgumentNode> argumentNodes,
        Node node,
        IReadOnlyDictionary<string, object?>? variableValues)
    {
        if (definitions.Count == 0)
        {
            return Empty;
        }
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Name;
            var type = definition.Type;
            ArgumentNode? argumentNode = null;
            for (var i = 0; i < argumentNodes.Count; i++)
            {
                if (argumentNodes[i].Name.Value == name)
                {
                    argumentNode = argumentNodes[i];
                    break;
                }
            }
            if (argumentNode is null)
            {
                if (definition.HasDefaultValue)
                {
                    coerced[name] = definition.CoercedDefaultValue;
                }
                else if (type is NonNullType)
                {
                    throw new GraphQLException(new GraphQLError($"Argument \"{name}\" of required type \"{type}\" was not provided.", [node]));
                }
                continue;
            }
            var valueNode = argumentNode.Value;
            var isNull = valueNode is NullValueNode;
            if (valueNode is VariableNode variable)
            {
                var variableName = variable.Name.Value;
                if (variableValues is null || !variableValues.TryGetValue(variableName, out var variableValue))
                {
                    if (definition.HasDefaultValue)
                    {
                        coerced[name] = definition.CoercedDefaultValue;
                    }
                    else if (type is NonNullType)
                    {
                        throw new GraphQLException(new GraphQLError(
                            $"Argument \"{name}\" of required type \"{type}\" was provided the variable \"${variableName}\" which was not provided a runtime value.",
                            [valueNode]));
                    }
                    continue;
                }
                isNull = variableValue is null;
            }
            if (isNull && type is NonNullType)
            {
                throw new GraphQLException(new GraphQLError($"Argument \"{name}\" of non-null type \"{type}\" must not be null.", [valueNode]));
            }
            if (!TryValueFromAst(valueNode, type, variableValues, out var value))
            {
                throw new GraphQLException(new GraphQLError($"Argument \"{name}\" has invalid value {Printer.Print(valueNode)}.", [valueNode]));
            }
            coerced[name] = value;
        }
        return coerced;
    }
}
