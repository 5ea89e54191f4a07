using System.Runtime.CompilerServices;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Execution;

/// <summary>Subscribe (spec §6.2.3): CreateSourceEventStream, MapSourceToResponseEvent, ExecuteSubscriptionEvent, Unsubscribe.</summary>
public sealed partial class Executor
{
    /// <summary>
    /// Subscribe: selects the operation, coerces the variables and creates the source event stream of the single root
    /// field. The answer is a stream of results, one per event, or — when the request fails before the stream exists
    /// (no such operation, bad variables, the subscriber throws) — a single result with errors and no data, as
    /// graphql-js's <c>subscribe()</c> answers. Query and mutation operations are executed once and answered as a
    /// single result, so one entry point serves a transport that carries all three.
    /// </summary>
    public static async Task<SubscriptionResult> SubscribeAsync(ExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = request.Operation;
        if (operation is null)
        {
            operation = GetOperation(request.Document, request.OperationName, out var operationError);
            if (operation is null)
            {
                return new SubscriptionResult(ExecutionResult.FromErrors([operationError!]));
            }
        }
        var variables = ValueCoercion.CoerceVariableValues(request.Schema, operation, request.VariableValues, out var variableErrors);
        if (variables is null)
        {
            return new SubscriptionResult(ExecutionResult.FromErrors(variableErrors));
        }
        if (operation.Operation != OperationType.Subscription)
        {
            return new SubscriptionResult(await ExecuteOperationAsync(request, operation, variables).ConfigureAwait(false));
        }
        var (source, error) = await CreateSourceEventStreamAsync(request, operation, variables).ConfigureAwait(false);
        return source is null
            ? new SubscriptionResult(ExecutionResult.FromErrors([error!]))
            : new SubscriptionResult(MapSourceToResponseEvent(request, operation, variables, source));
    }

    /// <summary>
    /// CreateSourceEventStream (spec §6.2.3.1): the subscriber of the one root field (the operation is valid, so there is
    /// one), called with the root value and the coerced arguments. A failure is one located error (graphql-js
    /// <c>locatedError</c> with the field's locations and path).
    /// </summary>
    private static async Task<(IAsyncEnumerable<object?>? Source, GraphQLError? Error)> CreateSourceEventStreamAsync(
        ExecutionRequest request, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variables)
    {
        request.CancellationToken.ThrowIfCancellationRequested();
        var rootType = request.Schema.SubscriptionType;
        if (rootType is null)
        {
            return (null, new GraphQLError("Schema is not configured to execute subscription operation.", [operation]));
        }
        // The executor only lends the subscriber its context: the source stream outlives it and gets its token when enumerated.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken);
        var executor = new Executor(request, operation, FragmentsOf(request.Document), variables, stop);
        var plan = executor.PlanCache.GetRootPlan(operation, rootType, executor);
        if (plan.Fields.Length == 0)
        {
            // Every root field was skipped by a directive: validation refuses @skip/@include on root subscription fields.
            return (null, new GraphQLError("Subscription operation selects no root field.", [operation]));
        }
        var group = plan.Fields[0];
        var path = ResponsePath.Field(null, group.ResponseKey);
        try
        {
            var context = new ResolveFieldContext(executor, group, request.RootValue, PathRef.Of(path))
            {
                Arguments = group.ConstantArguments
                    ?? ValueCoercion.CoerceArgumentValues(group.Definition.Arguments, group.Nodes[0].Arguments, group.Nodes[0], variables),
            };
            var subscriber = group.Definition.Subscriber
                ?? throw new InvalidOperationException($"Subscription field {group.Definition.Coordinate} has no subscriber.");
            var stream = await subscriber(context).ConfigureAwait(false);
            return stream switch
            {
                IAsyncEnumerable<object?> events => (events, null),
                Exception exception => (null, LocatedError(exception, group, path)),
                _ => (null, LocatedError(new InvalidOperationException(
                    $"Subscription field must return Async Iterable. Received: {Inspect.Value(stream)}."), group, path)),
            };
        }
        catch (OperationCanceledException) when (request.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            return (null, LocatedError(exception, group, path));
        }
    }

    /// <summary>
    /// MapSourceToResponseEvent (spec §6.2.3.2): each source event is executed as a response (ExecuteSubscriptionEvent,
    /// with its own field errors). Ending the enumeration — completing, breaking out, or cancelling the enumerator's
    /// token — disposes the source's enumerator (Unsubscribe, spec §6.2.3.3). An error thrown by the source itself ends
    /// the response stream with that exception, as graphql-js's mapped iterator does.
    /// </summary>
    private static async IAsyncEnumerable<ExecutionResult> MapSourceToResponseEvent(
        ExecutionRequest request,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?> variables,
        IAsyncEnumerable<object?> source,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken, cancellationToken);
        var token = linked.Token;
        await foreach (var sourceEvent in source.WithCancellation(token).ConfigureAwait(false))
        {
            yield return await ExecuteSubscriptionEventAsync(request.ForEvent(sourceEvent, token), operation, variables).ConfigureAwait(false);
        }
    }

    /// <summary>ExecuteSubscriptionEvent (spec §6.2.3.2): the selection set run normally with the event as the root value.</summary>
    private static Task<ExecutionResult> ExecuteSubscriptionEventAsync(
        ExecutionRequest eventRequest, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variables) =>
        ExecuteOperationAsync(eventRequest, operation, variables);
}

/// <summary>
/// What <see cref="Executor.SubscribeAsync"/> answers: a stream of results (a subscription whose source stream was
/// created) or a single result (a request that failed before, or a query or mutation).
/// </summary>
public sealed class SubscriptionResult
{
    /// <summary>A single result.</summary>
    public SubscriptionResult(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
    }

    /// <summary>A stream of results.</summary>
    public SubscriptionResult(IAsyncEnumerable<ExecutionResult> stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Stream = stream;
    }

    /// <summary>The single result, or null for a stream.</summary>
    public ExecutionResult? Result { get; }

    /// <summary>The response stream, or null for a single result. Enumerate it once.</summary>
    public IAsyncEnumerable<ExecutionResult>? Stream { get; }

    /// <summary>Whether this is a stream of results.</summary>
    public bool IsStream => Stream is not null;
}
