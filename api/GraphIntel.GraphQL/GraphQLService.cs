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

    /// <summary>A service over <paramref name="schema"/>.</summary>
    public GraphQLService(Schema schema, GraphQLServiceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        Options = options ?? new GraphQLServiceOptions();
        _documents = new DocumentCache(Options.DocumentCacheSize);
        _rules = Options.ExtraValidationRules.Count == 0 ? SpecifiedRules.All : [.. SpecifiedRules.All, .. Options.ExtraValidationRules];
    }

    /// <summary>The schema.</summary>
    public Schema Schema { get; }

    /// <summary>The options.</summary>
    public GraphQLServiceOptions Options { get; }

    /// <summary>The number of documents in the cache.</summary>
    public int CachedDocumentCount => _documents.Count;

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
            try
            {
                document = Parser.Parse(new Source(request.Query), Options.ParseOptions);
            }
            catch (GraphQLException syntaxError)
            {
                return PreparedRequest.Failed(syntaxError.Errors);
            }
            var validationErrors = DocumentValidator.Validate(Schema, document, _rules, Options.MaxValidationErrors);
            if (validationErrors.Count > 0)
            {
                return PreparedRequest.Failed(validationErrors);
            }
            cached = _documents.Add(request.Query, new CachedDocument(document, version));
        }
        var operation = Executor.GetOperation(cached.Document, request.OperationName, out var operationError);
        return operation is null ? PreparedRequest.Failed(operationError!) : new PreparedRequest(cached, operation);
    }

    /// <summary>Runs the whole pipeline for <paramref name="request"/>.</summary>
    public Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Prepare(request), request, cancellationToken);

    /// <summary>Stages 5–6 for a request prepared with <see cref="Prepare"/>.</summary>
    public Task<ExecutionResult> ExecuteAsync(PreparedRequest prepared, GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(request);
        if (prepared.Errors is { } errors)
        {
            return Task.FromResult(ExecutionResult.FromErrors(errors));
        }
        return Executor.ExecuteRequestAsync(ToExecutionRequest(prepared, request, cancellationToken));
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

    /// <summary>Whether the selected operation is a mutation.</summary>
    public bool IsMutation => Operation?.Operation == OperationType.Mutation;

    internal ExecutionPlanCache? PlanCache => _cached?.PlanCache;
}
