using System.Collections;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Execution;

/// <summary>ExecuteSelectionSet, ExecuteField, CompleteValue and field error handling (spec §6.3, §6.4).</summary>
public sealed partial class Executor
{
    /// <summary>ExecuteFields (normal, parallel): every field is started before any is awaited.</summary>
    internal ValueTask<object?> ExecuteFields(ObjectType parentType, object? source, PathRef path, SelectionPlan plan)
    {
        var fields = plan.Fields;
        var result = new ResultMap(plan.ResponseKeys, plan.EncodedResponseKeys, path);
        CountResultBytes(plan.KeyBytes);
        List<(int Index, ValueTask<object?> Value)>? pending = null;
        for (var i = 0; i < fields.Length; i++)
        {
            if (CancellationToken.IsCancellationRequested)
            {
                break; // stopped: the result is abandoned
            }
            var group = fields[i];
            ValueTask<object?> value;
            try
            {
                value = ExecuteField(source, group, PathRef.Field(result, group.ResponseKey));
            }
            catch (Exception e) when (pending is not null)
            {
                return AwaitThenThrow(pending, e);
            }
            if (value.IsCompletedSuccessfully)
            {
                result.Set(i, value.Result);
            }
            else
            {
                (pending ??= []).Add((i, value));
            }
        }
        return pending is null ? new ValueTask<object?>(result) : AwaitFields(result, pending);
    }

    private static async ValueTask<object?> AwaitFields(ResultMap result, List<(int Index, ValueTask<object?> Value)> pending)
    {
        Exception? first = null;
        foreach (var (index, value) in pending)
        {
            try
            {
                result.Set(index, await value.ConfigureAwait(false));
            }
            catch (Exception e)
            {
                first ??= e;
            }
        }
        if (first is not null)
        {
            Rethrow(first);
        }
        return result;
    }

    private static async ValueTask<object?> AwaitThenThrow(List<(int Index, ValueTask<object?> Value)> pending, Exception exception)
    {
        foreach (var (_, value) in pending)
        {
            try
            {
                await value.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The first error wins, as in graphql-js; the others were recorded where they were handled.
            }
        }
        Rethrow(exception);
        return null;
    }

    /// <summary>ExecuteFields serially (mutation root fields): each field completes before the next starts.</summary>
    internal async ValueTask<object?> ExecuteFieldsSerially(ObjectType parentType, object? source, PathRef path, SelectionPlan plan)
    {
        var fields = plan.Fields;
        var result = new ResultMap(plan.ResponseKeys, plan.EncodedResponseKeys, path);
        for (var i = 0; i < fields.Length; i++)
        {
            var group = fields[i];
            result.Set(i, await ExecuteField(source, group, PathRef.Field(result, group.ResponseKey)).ConfigureAwait(false));
        }
        return result;
    }

    /// <summary>ExecuteField: CoerceArgumentValues, ResolveFieldValue, CompleteValue, with field errors handled.</summary>
    private ValueTask<object?> ExecuteField(object? source, FieldGroup group, PathRef path)
    {
        var definition = group.Definition;
        var returnType = definition.Type;
        try
        {
            if (definition.SourceGetter is { } getter && source is not null)
            {
                var value = getter(source);
                if (!ReferenceEquals(value, PropertyResolver.NotApplicable))
                {
                    var fromSource = CompleteValue(returnType, group, path, value);
                    return fromSource.IsCompletedSuccessfully ? fromSource : AwaitCompletedValue(fromSource, returnType, group, path);
                }
            }
            var context = new ResolveFieldContext(this, group, source, path)
            {
                Arguments = group.ConstantArguments
                    ?? ValueCoercion.CoerceArgumentValues(definition.Arguments, group.Nodes[0].Arguments, group.Nodes[0], VariableValues),
            };
            var resolved = ResolveFieldValue(definition, context);
            if (!resolved.IsCompletedSuccessfully)
            {
                return CompleteResolvedAsync(resolved, returnType, group, path);
            }
            var completed = CompleteValue(returnType, group, path, resolved.Result);
            return completed.IsCompletedSuccessfully ? completed : AwaitCompletedValue(completed, returnType, group, path);
        }
        catch (Exception e)
        {
            return new ValueTask<object?>(HandleFieldError(e, returnType, group, path));
        }
    }

    private ValueTask<object?> ResolveFieldValue(FieldDefinition definition, ResolveFieldContext context)
    {
        CancellationToken.ThrowIfCancellationRequested();
        var resolver = definition.Resolver
            ?? throw new InvalidOperationException($"Field {context.ParentType.Name}.{definition.Name} has no resolver.");
        return resolver(context);
    }

    private async ValueTask<object?> CompleteResolvedAsync(ValueTask<object?> resolved, GraphQLType returnType, FieldGroup group, PathRef path)
    {
        try
        {
            var value = await resolved.ConfigureAwait(false);
            return await CompleteValue(returnType, group, path, value).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return HandleFieldError(e, returnType, group, path);
        }
    }

    private async ValueTask<object?> AwaitCompletedValue(ValueTask<object?> completed, GraphQLType returnType, FieldGroup group, PathRef path)
    {
        try
        {
            return await completed.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return HandleFieldError(e, returnType, group, path);
        }
    }

    /// <summary>CompleteValue (spec §6.4.3). Throws (or faults) on a field error; the caller handles it.</summary>
    private ValueTask<object?> CompleteValue(GraphQLType returnType, FieldGroup group, PathRef path, object? result)
    {
        if (CancellationToken.IsCancellationRequested)
        {
            return default; // stopped (timeout, result too large, caller gone): the result is abandoned, so don't build it
        }
        if (result is Exception exception)
        {
            throw exception;
        }
        if (result is Task)
        {
            throw new InvalidOperationException(
                $"The resolver of {group.ParentType.Name}.{group.Definition.Name} returned a Task as the field's value; " +
                "return a ValueTask<object?> (or bind a Func<IResolveFieldContext, Task<T>>) so the executor awaits it.");
        }
        if (returnType is NonNullType nonNull)
        {
            var completed = CompleteValue(nonNull.OfType, group, path, result);
            if (!completed.IsCompletedSuccessfully)
            {
                return AwaitNonNull(completed, group);
            }
            return completed.Result is null ? throw NonNullViolation(group) : completed;
        }
        if (result is null)
        {
            return default;
        }
        switch (returnType)
        {
            case ScalarType scalar:
                var serialized = scalar.Serialize(result) ?? throw new InvalidOperationException(
                    $"Expected `{scalar.Name}.serialize({Inspect.Value(result)})` to return non-nullable value, returned: null");
                CountResultBytes(LeafBytes(serialized));
                return new ValueTask<object?>(serialized);
            case EnumType enumType:
                var name = enumType.Serialize(result);
                CountResultBytes(LeafBytes(name));
                return new ValueTask<object?>(name);
            case ObjectType objectType:
                return CompleteObjectValue(objectType, group, path, result);
            case ListType list:
                return CompleteListValue(list, group, path, result);
            default:
                return CompleteObjectValue(ResolveAbstractType((NamedType)returnType, group, path, result), group, path, result);
        }
    }

    private static async ValueTask<object?> AwaitNonNull(ValueTask<object?> completed, FieldGroup group) =>
        await completed.ConfigureAwait(false) ?? throw NonNullViolation(group);

    private static GraphQLException NonNullViolation(FieldGroup group) =>
        new(new GraphQLError($"Cannot return null for non-nullable field {group.ParentType.Name}.{group.Definition.Name}."));

    private ValueTask<object?> CompleteObjectValue(ObjectType objectType, FieldGroup group, PathRef path, object result)
    {
        if (objectType.IsTypeOf is { } isTypeOf && !isTypeOf(result, new ResolveFieldContext(this, group, result, path)))
        {
            throw new GraphQLException(new GraphQLError($"Expected value of type \"{objectType.Name}\" but got: {Inspect.Value(result)}."));
        }
        return ExecuteFields(objectType, result, path, group.GetSubPlan(objectType, this));
    }

    private ValueTask<object?> CompleteListValue(ListType listType, FieldGroup group, PathRef pathRef, object result)
    {
        if (result is string || result is not IEnumerable items)
        {
            throw new GraphQLException(new GraphQLError(
                $"Expected Iterable, but did not find one for field \"{group.ParentType.Name}.{group.Definition.Name}\"."));
        }
        // Arrays and lists are read by index (no enumerator); other sequences are enumerated once, in full, first.
        var list = result as IList ?? ToList(items);
        if (list.Count == 0)
        {
            return new ValueTask<object?>(Array.Empty<object?>());
        }
        var itemType = listType.OfType;
        CountResultBytes(1L + list.Count); // brackets and commas
        var completedItems = new object?[list.Count];
        List<(int Index, ValueTask<object?> Value, PathRef Path)>? pending = null;
        for (var index = 0; index < completedItems.Length; index++)
        {
            if (CancellationToken.IsCancellationRequested)
            {
                break; // stopped: the result is abandoned
            }
            var itemPath = pathRef.Item(index);
            ValueTask<object?> completed;
            try
            {
                completed = CompleteValue(itemType, group, itemPath, list[index]);
            }
            catch (Exception e)
            {
                completed = new ValueTask<object?>(HandleFieldError(e, itemType, group, itemPath));
            }
            if (completed.IsCompletedSuccessfully)
            {
                completedItems[index] = completed.Result;
            }
            else
            {
                (pending ??= []).Add((index, completed, itemPath));
            }
        }
        return pending is null
            ? new ValueTask<object?>(completedItems)
            : AwaitListItems(completedItems, pending, itemType, group);
    }

    // A lower bound of a leaf's JSON bytes: a string's characters and quotes (each character is at least one UTF-8
    // byte), a few for anything else.
    private static long LeafBytes(object? value) => value is string text ? text.Length + 2L : 4L;

    private static List<object?> ToList(IEnumerable items)
    {
        var list = new List<object?>();
        foreach (var item in items)
        {
            list.Add(item);
        }
        return list;
    }

    private async ValueTask<object?> AwaitListItems(
        object?[] items, List<(int Index, ValueTask<object?> Value, PathRef Path)> pending, GraphQLType itemType, FieldGroup group)
    {
        Exception? first = null;
        foreach (var (index, value, itemPath) in pending)
        {
            try
            {
                items[index] = await value.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                try
                {
                    items[index] = HandleFieldError(e, itemType, group, itemPath);
                }
                catch (Exception propagated)
                {
                    first ??= propagated;
                }
            }
        }
        if (first is not null)
        {
            Rethrow(first);
        }
        return items;
    }

    /// <summary>ResolveAbstractType (spec §6.4.3): the object type of a value of an interface or union.</summary>
    private ObjectType ResolveAbstractType(NamedType abstractType, FieldGroup group, PathRef path, object result)
    {
        var resolver = abstractType is InterfaceType iface ? iface.ResolveType : ((UnionType)abstractType).ResolveType;
        var runtimeTypeName = resolver is not null
            ? resolver(result, new ResolveFieldContext(this, group, result, path))
            : DefaultTypeName(abstractType, group, path, result);
        if (runtimeTypeName is null)
        {
            throw new GraphQLException(new GraphQLError(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{group.ParentType.Name}.{group.Definition.Name}\". " +
                $"Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.",
                group.Nodes));
        }
        var runtimeType = Schema.GetType(runtimeTypeName);
        if (runtimeType is null)
        {
            throw new GraphQLException(new GraphQLError(
                $"Abstract type \"{abstractType.Name}\" was resolved to a type \"{runtimeTypeName}\" that does not exist inside the schema.", group.Nodes));
        }
        if (runtimeType is not ObjectType objectType)
        {
            throw new GraphQLException(new GraphQLError(
                $"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{runtimeTypeName}\".", group.Nodes));
        }
        if (!Schema.IsSubType(abstractType, objectType))
        {
            throw new GraphQLException(new GraphQLError(
                $"Runtime Object type \"{objectType.Name}\" is not a possible type for \"{abstractType.Name}\".", group.Nodes));
        }
        return objectType;
    }

    /// <summary>Without a type resolver: a <c>__typename</c> entry, then <c>isTypeOf</c> checks, then the bound CLR types.</summary>
    private string? DefaultTypeName(NamedType abstractType, FieldGroup group, PathRef path, object result)
    {
        switch (result)
        {
            case IReadOnlyDictionary<string, object?> map when map.TryGetValue("__typename", out var name) && name is string typeName:
                return typeName;
            case IDictionary<string, object?> dictionary when dictionary.TryGetValue("__typename", out var name) && name is string typeName:
                return typeName;
        }
        var possibleTypes = Schema.GetPossibleTypes(abstractType);
        foreach (var possibleType in possibleTypes)
        {
            if (possibleType.IsTypeOf is { } isTypeOf && isTypeOf(result, new ResolveFieldContext(this, group, result, path)))
            {
                return possibleType.Name;
            }
        }
        return Schema.ResolveClrType(abstractType, result.GetType())?.Name;
    }

    /// <summary>Handles a field error (spec §6.4.4): null for a nullable type, else propagates to the parent.</summary>
    private object? HandleFieldError(Exception exception, GraphQLType returnType, FieldGroup group, PathRef path)
    {
        var propagation = exception as FieldErrorPropagation;
        var error = propagation?.Error ?? LocatedError(exception, group, path.Materialize());
        if (returnType is NonNullType)
        {
            throw propagation ?? new FieldErrorPropagation(error);
        }
        AddError(error);
        return null;
    }

    /// <summary>graphql-js <c>locatedError</c>: the error with the field's locations and the response path.</summary>
    private static GraphQLError LocatedError(Exception exception, FieldGroup group, ResponsePath path)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }
        if (exception is GraphQLException { Errors.Count: > 0 } graphQLException)
        {
            var original = graphQLException.Errors[0];
            if (original.Path is not null)
            {
                return original;
            }
            return original.Locations is { Count: > 0 } locations
                ? new GraphQLError(original.Message, locations, path.ToList(), original.Extensions) { OriginalError = original.OriginalError ?? exception }
                : new GraphQLError(original.Message, group.Nodes, path.ToList(), original.Extensions) { OriginalError = original.OriginalError ?? exception };
        }
        return new GraphQLError(exception.Message, group.Nodes, path.ToList()) { OriginalError = exception };
    }
}
