using System.Runtime.ExceptionServices;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Execution;

/// <summary>
/// Executes one operation (spec §6 "Execution"), one instance per request. Query fields run in parallel, mutation
/// root fields serially; errors are located and null propagates to the nearest nullable field; batched loads are
/// dispatched whenever no resolver can make progress.
/// </summary>
public sealed partial class Executor
{
    private readonly List<GraphQLError> _errors = [];
    private IDictionary<string, object?>? _userContext;
    private readonly CancellationTokenSource _stop;
    private readonly long _maxResultBytes;
    private long _resultBytes;
    private volatile bool _resultTooLarge;

    private Executor(
        ExecutionRequest request,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variableValues,
        CancellationTokenSource stop)
    {
        Schema = request.Schema;
        Operation = operation;
        Fragments = fragments;
        VariableValues = variableValues;
        RootValue = request.RootValue;
        RequestServices = request.RequestServices;
        _userContext = request.UserContext;
        _stop = stop;
        CancellationToken = stop.Token;
        _maxResultBytes = request.MaxResultBytes ?? long.MaxValue;
        PlanCache = request.PlanCache ?? new ExecutionPlanCache();
    }

    internal Schema Schema { get; }

    internal OperationDefinitionNode Operation { get; }

    internal IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    internal IReadOnlyDictionary<string, object?> VariableValues { get; }

    internal object? RootValue { get; }

    internal IServiceProvider? RequestServices { get; }

    internal IDictionary<string, object?> UserContext => _userContext ??= new Dictionary<string, object?>(StringComparer.Ordinal);

    internal CancellationToken CancellationToken { get; }

    internal DataLoaderScheduler DataLoaders { get; } = new();

    private ExecutionPlanCache PlanCache { get; }

    /// <summary>
    /// ExecuteRequest (spec §6.1): selects the operation, coerces the variables, executes. Errors before execution give a
    /// result without data; errors during execution give partial data with errors.
    /// </summary>
    public static Task<ExecutionResult> ExecuteRequestAsync(ExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = request.Operation;
        if (operation is null)
        {
            operation = GetOperation(request.Document, request.OperationName, out var operationError);
            if (operation is null)
            {
                return Task.FromResult(ExecutionResult.FromErrors([operationError!]));
            }
        }
        var variables = ValueCoercion.CoerceVariableValues(request.Schema, operation, request.VariableValues, out var variableErrors);
        if (variables is null)
        {
            return Task.FromResult(ExecutionResult.FromErrors(variableErrors));
        }
        return ExecuteOperationAsync(request, operation, variables);
    }

    /// <summary>GetOperation (spec §6.1): the operation named <paramref name="operationName"/>, or the only one; graphql-js messages.</summary>
    public static OperationDefinitionNode? GetOperation(DocumentNode document, string? operationName, out GraphQLError? error)
    {
        ArgumentNullException.ThrowIfNull(document);
        OperationDefinitionNode? found = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }
            if (operationName is null)
            {
                if (found is not null)
                {
                    error = new GraphQLError("Must provide operation name if query contains multiple operations.");
                    return null;
                }
                found = operation;
            }
            else if (operation.Name?.Value == operationName)
            {
                found = operation;
            }
        }
        error = found is not null
            ? null
            : new GraphQLError(operationName is null ? "Must provide an operation." : $"Unknown operation named \"{operationName}\".");
        return found;
    }

    /// <summary>
    /// ExecuteOperation with already coerced <paramref name="variableValues"/>: runs the root selection set and drives
    /// the data loader scheduler until the result is complete.
    /// </summary>
    public static Task<ExecutionResult> ExecuteOperationAsync(
        ExecutionRequest request, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variableValues)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(variableValues);
        // Resolvers must not capture the caller's synchronization context: batched loads complete their continuations
        // on the dispatching thread, which is what lets one level's keys gather into one batch.
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return RunAsync(request, operation, variableValues);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private static async Task<ExecutionResult> RunAsync(
        ExecutionRequest request, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variableValues)
    {
        request.CancellationToken.ThrowIfCancellationRequested();
        using var timeout = request.Timeout is { } limit
            ? new CancellationTokenSource(limit, request.TimeProvider)
            : null;
        // Cancelled by the caller, the timeout, or the executor itself when the result grows past its limit: every
        // resolver and every completion loop stops at it.
        using var stop = timeout is null
            ? CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken, timeout.Token);
        var token = stop.Token;
        var executor = new Executor(request, operation, FragmentsOf(request.Document), variableValues, stop);

        var rootType = request.Schema.GetRootType(operation.Operation);
        if (rootType is null)
        {
            return new ExecutionResult(null, [new GraphQLError(
                $"Schema is not configured to execute {operation.Operation.ToString().ToLowerInvariant()} operation.", [operation])]);
        }

        ValueTask<object?> root;
        try
        {
            var plan = executor.PlanCache.GetRootPlan(operation, rootType, executor);
            root = operation.Operation == OperationType.Mutation
                ? executor.ExecuteFieldsSerially(rootType, request.RootValue, PathRef.Root, plan)
                : executor.ExecuteFields(rootType, request.RootValue, PathRef.Root, plan);
        }
        catch (Exception e)
        {
            root = ValueTask.FromException<object?>(e);
        }

        if (!root.IsCompleted)
        {
            var rootTask = root.AsTask();
            Task? cancelled = null;
            while (!rootTask.IsCompleted)
            {
                if (token.IsCancellationRequested)
                {
                    break;
                }
                if (executor.DataLoaders.HasPendingBatches)
                {
                    await executor.DataLoaders.DispatchAsync(token).ConfigureAwait(false);
                    continue;
                }
                cancelled ??= token.CanBeCanceled ? Task.Delay(System.Threading.Timeout.Infinite, token) : null;
                if (cancelled is null)
                {
                    await Task.WhenAny(rootTask, executor.DataLoaders.WhenWorkArrives()).ConfigureAwait(false);
                }
                else
                {
                    await Task.WhenAny(rootTask, executor.DataLoaders.WhenWorkArrives(), cancelled).ConfigureAwait(false);
                }
            }
            if (!rootTask.IsCompleted)
            {
                _ = rootTask.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            }
            if (executor.Stopped(request, timeout) is { } stopped)
            {
                return stopped;
            }
            root = new ValueTask<object?>(rootTask);
        }
        else if (executor.Stopped(request, timeout) is { } stopped)
        {
            // Completed without waiting (every value at hand), yet cut short on the way: the data is incomplete.
            _ = root.AsTask().ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            return stopped;
        }

        ResultMap? data;
        try
        {
            data = (ResultMap?)await root.ConfigureAwait(false);
        }
        catch (FieldErrorPropagation propagation)
        {
            executor.AddError(propagation.Error);
            data = null;
        }
        catch (GraphQLException e)
        {
            foreach (var error in e.Errors)
            {
                executor.AddError(error);
            }
            data = null;
        }
        return new ExecutionResult(data, executor.TakeErrors());
    }

    // The result of an execution that was stopped (its data is incomplete), or null when it ran to the end. The caller
    // giving up throws; the result-size limit and the timeout each answer with their error.
    private ExecutionResult? Stopped(ExecutionRequest request, CancellationTokenSource? timeout)
    {
        request.CancellationToken.ThrowIfCancellationRequested();
        if (_resultTooLarge)
        {
            return ExecutionErrors.Result(ExecutionErrors.ResultTooLarge(_maxResultBytes));
        }
        if (timeout is { IsCancellationRequested: true })
        {
            return ExecutionErrors.Result(ExecutionErrors.Timeout(request.Timeout!.Value));
        }
        return null;
    }

    /// <summary>
    /// Counts <paramref name="bytes"/> more of the result (as JSON); past the limit, stops the execution: resolvers see
    /// their token cancelled and completion returns at once.
    /// </summary>
    private void CountResultBytes(long bytes)
    {
        if (Interlocked.Add(ref _resultBytes, bytes) > _maxResultBytes && !_resultTooLarge)
        {
            _resultTooLarge = true;
            try
            {
                _stop.Cancel();
            }
            catch (AggregateException)
            {
                // A callback registered on the token failed; the execution is being abandoned anyway.
            }
        }
    }

    private static IReadOnlyDictionary<string, FragmentDefinitionNode> FragmentsOf(DocumentNode document)
    {
        Dictionary<string, FragmentDefinitionNode>? fragments = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                (fragments ??= new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal))[fragment.Name.Value] = fragment;
            }
        }
        return fragments ?? EmptyFragments;
    }

    private static readonly IReadOnlyDictionary<string, FragmentDefinitionNode> EmptyFragments =
        new Dictionary<string, FragmentDefinitionNode>(0);

    private void AddError(GraphQLError error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    private IReadOnlyList<GraphQLError>? TakeErrors()
    {
        lock (_errors)
        {
            return _errors.Count == 0 ? null : _errors.ToArray();
        }
    }

    /// <summary>A located field error on its way to the nearest nullable field (spec §6.4.4 "Handling Field Errors").</summary>
    private sealed class FieldErrorPropagation(GraphQLError error) : Exception(error.Message)
    {
        public GraphQLError Error { get; } = error;
    }

    private static void Rethrow(Exception exception) => ExceptionDispatchInfo.Capture(exception).Throw();
}
