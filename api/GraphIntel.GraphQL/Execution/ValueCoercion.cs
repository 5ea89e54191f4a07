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
public static class ValueCoercion
{
    private const int MaxVariableErrors = 50;

    /// <summary>An empty coerced-values dictionary.</summary>
    public static IReadOnlyDictionary<string, object?> Empty { get; } = new Dictionary<string, object?>(0);

    /// <summary>
    /// CoerceVariableValues: coerces the request's <paramref name="inputs"/> against the operation's variable definitions.
    /// Returns the coerced values, or null with <paramref name="errors"/> set.
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? CoerceVariableValues(
        Schema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?>? inputs,
        out IReadOnlyList<GraphQLError> errors)
    {
        var errorList = new List<GraphQLError>();
        errors = errorList;
        if (operation.VariableDefinitions.Count == 0)
        {
            return Empty;
        }
        var coerced = new Dictionary<string, object?>(operation.VariableDefinitions.Count, StringComparer.Ordinal);
        try
        {
            foreach (var definition in operation.VariableDefinitions)
            {
                var name = definition.Variable.Name.Value;
                var type = TypeFromAst(schema, definition.Type);
                if (type is null || !type.IsInputType)
                {
                    Add(new GraphQLError(
                        $"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.",
                        [definition.Type]));
                    continue;
                }
                if (inputs is null || !inputs.TryGetValue(name, out var value))
                {
                    if (definition.DefaultValue is { } defaultValue)
                    {
                        if (TryValueFromAst(defaultValue, type, null, out var coercedDefault))
                        {
                            coerced[name] = coercedDefault;
                        }
                    }
                    else if (type is NonNullType)
                    {
                        Add(new GraphQLError(
                            $"Variable \"${name}\" of required type \"{Printer.Print(definition.Type)}\" was not provided.", [definition]));
                    }
                    continue;
                }
                if (value is System.Text.Json.JsonElement element)
                {
                    value = JsonValues.ToClr(element);
                }
                if (value is null && type is NonNullType)
                {
                    Add(new GraphQLError(
                        $"Variable \"${name}\" of non-null type \"{Printer.Print(definition.Type)}\" must not be null.", [definition]));
                    continue;
                }
                coerced[name] = CoerceInputValue(value, type, (path, invalidValue, error) =>
                {
                    var prefix = $"Variable \"${name}\" got invalid value {Inspect.Value(invalidValue)}";
                    if (path.Count > 0)
                    {
                        prefix += $" at \"{name}{PrintPath(path)}\"";
                    }
                    Add(new GraphQLError(prefix + "; " + error.Message, [definition], null, error.Extensions)
                    {
                        OriginalError = error.OriginalError,
                    });
                });
            }
        }
        catch (TooManyErrors)
        {
            errorList.Add(new GraphQLError("Too many errors processing variables, error limit reached. Execution aborted."));
        }
        return errorList.Count == 0 ? coerced : null;

        void Add(GraphQLError error)
        {
            if (errorList.Count >= MaxVariableErrors)
            {
                throw new TooManyErrors();
            }
            errorList.Add(error);
        }
    }

    /// <summary>Reports one input coercion problem: the path within the value, the offending value, and the error.</summary>
    public delegate void InputErrorHandler(IReadOnlyList<object> path, object? invalidValue, GraphQLError error);

    /// <summary>graphql-js <c>coerceInputValue</c>: coerces an external (JSON-like) value to <paramref name="type"/>.</summary>
    public static object? CoerceInputValue(object? value, GraphQLType type, InputErrorHandler onError) =>
        CoerceInputValue(value, type, onError, []);

    private static object? CoerceInputValue(object? value, GraphQLType type, InputErrorHandler onError, List<object> path)
    {
        if (type is NonNullType nonNull)
        {
            if (value is not null)
            {
                return CoerceInputValue(value, nonNull.OfType, onError, path);
            }
            onError(path.ToArray(), value, new GraphQLError($"Expected non-nullable type \"{type}\" not to be null."));
            return null;
        }
        if (value is null)
        {
            return null;
        }
        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items and not string and not IDictionary and not IEnumerable<KeyValuePair<string, object?>>)
                {
                    var result = new List<object?>();
                    var index = 0;
                    foreach (var item in items)
                    {
                        path.Add(index);
                        result.Add(CoerceInputValue(item, list.OfType, onError, path));
                        path.RemoveAt(path.Count - 1);
                        index++;
                    }
                    return result.ToArray();
                }
                return new[] { CoerceInputValue(value, list.OfType, onError, path) };
            case InputObjectType input:
                return CoerceInputObject(value, input, onError, path);
            case ScalarType scalar:
                try
                {
                    return scalar.ParseValue(value);
                }
                catch (GraphQLException e)
                {
                    onError(path.ToArray(), value, e.Errors[0]);
                    return null;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    onError(path.ToArray(), value, new GraphQLError($"Expected type \"{scalar.Name}\". {e.Message}") { OriginalError = e });
                    return null;
                }
            case EnumType enumType:
                try
                {
                    return enumType.ParseValue(value);
                }
                catch (GraphQLException e)
                {
                    onError(path.ToArray(), value, e.Errors[0]);
                    return null;
                }
            default:
                throw new InvalidOperationException($"Unexpected input type: {type}.");
        }
    }

    private static object? CoerceInputObject(object value, InputObjectType type, InputErrorHandler onError, List<object> path)
    {
        if (!TryReadObject(value, out var fields))
        {
            onError(path.ToArray(), value, new GraphQLError($"Expected type \"{type.Name}\" to be an object."));
            return null;
        }
        var coerced = new Dictionary<string, object?>(type.Fields.Count, StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!fields.TryGetValue(field.Name, out var fieldValue))
            {
                if (field.HasDefaultValue)
                {
                    coerced[field.Name] = field.CoercedDefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    onError(path.ToArray(), value, new GraphQLError($"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided."));
                }
                continue;
            }
            path.Add(field.Name);
            coerced[field.Name] = CoerceInputValue(fieldValue, field.Type, onError, path);
            path.RemoveAt(path.Count - 1);
        }
        foreach (var key in fields.Keys)
        {
            if (!type.Fields.Contains(key))
            {
                var names = new List<string>(type.Fields.Count);
                foreach (var field in type.Fields)
                {
                    names.Add(field.Name);
                }
                onError(path.ToArray(), value, new GraphQLError(
                    $"Field \"{key}\" is not defined by type \"{type.Name}\"." + Suggestions.DidYouMean(Suggestions.List(key, names))));
            }
        }
        if (type.IsOneOf)
        {
            if (coerced.Count != 1)
            {
                onError(path.ToArray(), value, new GraphQLError($"Exactly one key must be specified for OneOf type \"{type.Name}\"."));
            }
            foreach (var (key, fieldValue) in coerced)
            {
                if (fieldValue is null)
                {
                    var fieldPath = new List<object>(path) { key };
                    onError(fieldPath, null, new GraphQLError($"Field \"{key}\" must be non-null."));
                }
                break;
            }
        }
        return coerced;
    }

    private static bool TryReadObject(object value, out IReadOnlyDictionary<string, object?> fields)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> readOnly:
                fields = readOnly;
                return true;
            case IDictionary<string, object?> dictionary:
                fields = new Dictionary<string, object?>(dictionary, StringComparer.Ordinal);
                return true;
            case System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Object } element:
                fields = (Dictionary<string, object?>)JsonValues.ToClr(element)!;
                return true;
            default:
                fields = Empty;
                return false;
        }
    }

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

    private static string PrintPath(IReadOnlyList<object> path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var key in path)
        {
            if (key is int index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                text.Append('.').Append(key);
            }
        }
        return text.ToString();
    }

    private sealed class TooManyErrors : Exception;
}
