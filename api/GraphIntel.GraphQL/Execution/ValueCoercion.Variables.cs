using System.Collections;
using System.Globalization;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Execution;

/// <summary>CoerceVariableValues (spec §6.4.1) and graphql-js <c>coerceInputValue</c>: external values to input types.</summary>
public static partial class ValueCoercion
{
    private const int MaxVariableErrors = 50;

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
