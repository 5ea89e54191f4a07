using System.Diagnostics;
using GraphIntel.GraphQL.Diagnostics;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;
using GraphIntel.GraphQL.Validation;

namespace GraphIntel.GraphQL;

/// <summary>
/// The request pipeline (see README): document cache → parse → validate → operation → variables → execute.
/// One instance per schema, shared by all requests.
/// </summary>
public sealed class GraphQLService
{
    private readonly DocumentCache _documents;
    private readonly IReadOnlyList<IValidationRule> _rules;
    private readonly OperationNameLabels _operationNames;

    /// <summary>A service over <paramref name="schema"/>.</summary>
    public GraphQLService(Schema schema, GraphQLServiceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Options = options ?? new GraphQLServiceOptions();
        _documents = new DocumentCache(Options.DocumentCacheSize);
        _rules = Options.ExtraValidationRules.Count == 0 ? SpecifiedRules.All : [.. SpecifiedRules.All, .. Options.ExtraValidationRules];
        _operationNames = new OperationNameLabels(Options.Telemetry.MaxOperationNames);
    }

    /// <summary>The schema.</summary>
    public Schema Schema { get; }

    /// <summary>The options.</summary>
    public GraphQLServiceOptions Options { get; }

    /// <summary>The number of documents in the cache.</summary>
    public int CachedDocumentCount => _documents.Count;

    /// <summary>
    /// Starts an operation's telemetry (<see cref="GraphQLTelemetry"/>): its span becomes the parent of the spans of
    /// <see cref="Prepare"/> and <see cref="ExecuteAsync(PreparedRequest, GraphQLRequest, CancellationToken)"/> called
    /// while it is current. Tell it <see cref="OperationTelemetry.Prepared"/> and <see cref="OperationTelemetry.Completed"/>,
    /// then dispose it. A shared no-op when nothing listens.
    /// </summary>
    public OperationTelemetry StartOperation() => OperationTelemetry.Start(_operationNames, Options.Telemetry);

    /// <summary>
    /// Stages 1–4: the parsed and validated document and the selected operation, or the errors that end the request.
    /// Lets a caller look at the operation before running it (GET must not run mutations).
    /// </summary>
    public PreparedRequest Prepare(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query is null)
        {
            return PreparedRequest.Failed(new GraphQLError("Must provide query string."));
        }
        var cached = request.Query.Length == 0 ? null : _documents.TryGet(request.Query);
        var version = Options.ValidationVersion?.Invoke() ?? 0;
        if (cached is not null && cached.ValidationVersion != version)
        {
            // What validation depends on changed (a cost estimate): validate the document again.
            _documents.Remove(request.Query, cached);
            cached = null;
        }
        if (cached is null)
        {
            DocumentNode document;
            using (var parsing = GraphQLTelemetry.ActivitySource.StartActivity(GraphQLTelemetry.ParseSpan))
            {
                try
                {
                    document = Parser.Parse(new Source(request.Query), Options.ParseOptions);
                }
                catch (GraphQLException syntaxError)
                {
                    parsing?.SetStatus(ActivityStatusCode.Error, "syntax error");
                    return PreparedRequest.Failed(syntaxError.Errors);
                }
            }
            ValidationContext validation;
            using (var validating = GraphQLTelemetry.ActivitySource.StartActivity(GraphQLTelemetry.ValidateSpan))
            {
                validation = DocumentValidator.Run(Schema, document, _rules, Options.MaxValidationErrors);
                if (validation.Errors.Count > 0)
                {
                    validating?.SetStatus(ActivityStatusCode.Error, "invalid document");
                    return PreparedRequest.Failed(validation.Errors);
                }
            }
            cached = _documents.Add(request.Query, new CachedDocument(document, version, validation.OperationCosts));
        }
        var operation = Executor.GetOperation(cached.Document, request.OperationName, out var operationError);
        return operation is null ? PreparedRequest.Failed(operationError!) : new PreparedRequest(cached, operation);
    }

    /// <summary>Runs the whole pipeline for <paramref name="request"/>, within an operation span (<see cref="StartOperation"/>).</summary>
    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        using var telemetry = StartOperation();
        var prepared = Prepare(request);
        telemetry.Prepared(prepared, request);
        var result = await ExecuteAsync(prepared, request, cancellationToken).ConfigureAwait(false);
        telemetry.Completed(result);
        return result;
    }

    /// <summary>Stages 5–6 for a request prepared with <see cref="Prepare"/>.</summary>
    public Task<ExecutionResult> ExecuteAsync(PreparedRequest prepared, GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(request);
        if (prepared.Errors is { } errors)
        {
            return Task.FromResult(ExecutionResult.FromErrors(errors));
        }
        var execution = ToExecutionRequest(prepared, request, cancellationToken);
        return GraphQLTelemetry.ActivitySource.HasListeners() ? ExecuteTracedAsync(execution) : Executor.ExecuteRequestAsync(execution);

        // An async method, so the span is current only within it, not in the caller after it returns.
        static async Task<ExecutionResult> ExecuteTracedAsync(ExecutionRequest execution)
        {
            using var executing = GraphQLTelemetry.ActivitySource.StartActivity(GraphQLTelemetry.ExecuteSpan);
            var result = await Executor.ExecuteRequestAsync(execution).ConfigureAwait(false);
            if (!result.HasData && result.Errors is { Count: > 0 }) executing?.SetStatus(ActivityStatusCode.Error);
            return result;
        }
    }

    /// <summary>
    /// Stages 5–6 for a request that may be a subscription (see <see cref="Executor.SubscribeAsync"/>): a stream of
    /// results, one per event, or a single result (errors before the stream exists; queries and mutations). Each event
    /// runs under the same timeout and result-size limit as a request.
    /// </summary>
    public Task<SubscriptionResult> SubscribeAsync(PreparedRequest prepared, GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(request);
        if (prepared.Errors is { } errors)
        {
            return Task.FromResult(new SubscriptionResult(ExecutionResult.FromErrors(errors)));
        }
        return Executor.SubscribeAsync(ToExecutionRequest(prepared, request, cancellationToken));
    }

    private ExecutionRequest ToExecutionRequest(PreparedRequest prepared, GraphQLRequest request, CancellationToken cancellationToken) =>
        new()
        {
            Schema = Schema,
            Document = prepared.Document!,
            Operation = prepared.Operation,
            VariableValues = request.Variables,
            RootValue = request.RootValue,
            RequestServices = request.RequestServices,
            UserContext = request.UserContext,
            CancellationToken = cancellationToken,
            Timeout = Options.ExecutionTimeout,
            MaxResultBytes = Options.MaxResultBytes,
            TimeProvider = Options.TimeProvider,
            PlanCache = prepared.PlanCache,
        };
}

/// <summary>A request after parsing, validation and operation selection: either an operation to run or the errors.</summary>
public sealed class PreparedRequest
{
    private readonly CachedDocument? _cached;

    internal PreparedRequest(CachedDocument cached, OperationDefinitionNode operation)
    {
        _cached = cached;
        Operation = operation;
    }

    private PreparedRequest(IReadOnlyList<GraphQLError> errors)
    {
        Errors = errors;
    }

    internal static PreparedRequest Failed(GraphQLError error) => new([error]);

    internal static PreparedRequest Failed(IReadOnlyList<GraphQLError> errors) => new(errors);

    /// <summary>The validated document, or null when preparation failed.</summary>
    public DocumentNode? Document => _cached?.Document;

    /// <summary>The operation to run, or null when preparation failed.</summary>
    public OperationDefinitionNode? Operation { get; }

    /// <summary>The errors that end the request (syntax, validation, operation selection), or null.</summary>
    public IReadOnlyList<GraphQLError>? Errors { get; }

    /// <summary>Whether there is an operation to run.</summary>
    public bool IsValid => Errors is null;

    /// <summary>The selected operation's estimated cost, when a cost rule priced it; else null.</summary>
    public long? EstimatedCost => Operation is { } operation && _cached?.OperationCosts is { } costs && costs.TryGetValue(operation, out var cost) ? cost : null;

    /// <summary>Whether the selected operation is a mutation.</summary>
    public bool IsMutation => Operation?.Operation == OperationType.Mutation;

    internal ExecutionPlanCache? PlanCache => _cached?.PlanCache;
}
