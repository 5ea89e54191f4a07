using GraphIntel.Api.Resolvers;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL;
using GraphIntel.GraphQL.Execution;

namespace GraphIntel.Api.Errors;

/// <summary>
/// The one place store failures become GraphQL errors that say what happened — never a stack trace — each with one
/// of the <see cref="ErrorCodes"/>.
/// </summary>
internal static class ApiErrors
{
    public static GraphQLException Error(string message, string code, IReadOnlyDictionary<string, object?>? more = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (more is not null) foreach (var (k, v) in more) extensions[k] = v;
        return new GraphQLException(new GraphQLError(message, extensions: extensions));
    }

    public static GraphQLException BadArgument(string message) => Error(message, ErrorCodes.BadUserInput);

    /// <summary>NOT_FOUND for an id that names no entity, with the id in <c>extensions.id</c>.</summary>
    public static GraphQLException UnknownEntity(string id, string argument) =>
        Error($"Argument \"{argument}\": no entity has the id '{id}'.", ErrorCodes.NotFound, new Dictionary<string, object?> { ["id"] = id });

    /// <summary>
    /// Wraps a resolver so store failures and unexpected exceptions surface as coded GraphQL errors. A task that has
    /// already completed (a value from a warm loader) is returned as it is, without an extra async state machine.
    /// </summary>
    public static FieldResolver Guard<T>(Func<IResolveFieldContext, Task<T>> resolver) => context =>
    {
        Task<T> task;
        try
        {
            task = resolver(context);
        }
        catch (Exception e) when (Translate(e, context) is { } error)
        {
            throw error;
        }
        return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Awaited(task, context);
    };

    /// <summary>
    /// <see cref="Guard{T}(Func{IResolveFieldContext, Task{T}})"/> for resolvers returning a <see cref="ValueTask{TResult}"/>:
    /// a value answered from memory costs no allocation at all.
    /// </summary>
    public static FieldResolver Guard<T>(Func<IResolveFieldContext, ValueTask<T>> resolver) => context =>
    {
        ValueTask<T> value;
        try
        {
            value = resolver(context);
        }
        catch (Exception e) when (Translate(e, context) is { } error)
        {
            throw error;
        }
        return value.IsCompletedSuccessfully ? new ValueTask<object?>(value.Result) : Awaited(value, context);
    };

    private static async ValueTask<object?> Awaited<T>(ValueTask<T> value, IResolveFieldContext context)
    {
        try
        {
            return await value.ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, context) is { } error)
        {
            throw error;
        }
    }

    private static async ValueTask<object?> Awaited<T>(Task<T> task, IResolveFieldContext context)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, context) is { } error)
        {
            throw error;
        }
    }

    private static GraphQLException? Translate(Exception e, IResolveFieldContext context) => e switch
    {
        GraphQLException => null,
        OperationCanceledException => null,
        GraphValidationException v => Error(
            $"The write was refused, nothing was written: {v.Message}", ErrorCodes.InvalidInput,
            new Dictionary<string, object?> { ["problems"] = v.Problems.Select(p => (object?)p.ToString()).ToList() }),
        GraphStoreUnavailableException u => Error($"The graph store is unavailable: {u.Message}", ErrorCodes.StoreUnavailable),
        GraphStoreException s when s.IsTransient => Error($"The graph store is unavailable: {s.Message}", ErrorCodes.StoreUnavailable),
        GraphStoreException s => Error($"The graph store failed: {s.Message}", ErrorCodes.StoreError),
        InvalidCursorException c => BadArgument($"Argument \"after\": '{c.Cursor}' is not a cursor of this list."),
        // Any other ArgumentException is a check of ours that let bad input through: its message names code
        // (parameters, types), so it is an internal error, logged with an id, not a message for the client.
        _ => Unexpected(e, context),
    };

    private static GraphQLException Unexpected(Exception e, IResolveFieldContext context)
    {
        var log = context.RequestServices?.GetService(typeof(ILogger<GraphIntelSchema>)) as ILogger;
        var id = Guid.NewGuid().ToString("N")[..12];
        log?.LogError(e, "Unexpected error {ErrorId} resolving {Type}.{Field}", id, context.ParentType.Name, context.FieldName);
        return Error($"Internal error resolving {context.ParentType.Name}.{context.FieldName} (error id {id}; see the server log).", ErrorCodes.Internal);
    }
}
