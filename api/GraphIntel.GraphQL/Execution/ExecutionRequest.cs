using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Execution;

/// <summary>The inputs of ExecuteRequest (spec §6.1): a validated document and everything it runs with.</summary>
public sealed record ExecutionRequest
{
    /// <summary>The schema.</summary>
    public required Schema Schema { get; init; }

    /// <summary>The parsed (and validated) document.</summary>
    public required DocumentNode Document { get; init; }

    /// <summary>The operation to run; when null it is selected from <see cref="Document"/> by <see cref="OperationName"/>.</summary>
    public OperationDefinitionNode? Operation { get; init; }

    /// <summary>The name of the operation to run, or null when the document has one operation.</summary>
    public string? OperationName { get; init; }

    /// <summary>The raw variable values (string, long/int/double/decimal, bool, null, lists, string-keyed dictionaries, or <see cref="System.Text.Json.JsonElement"/>).</summary>
    public IReadOnlyDictionary<string, object?>? VariableValues { get; init; }

    /// <summary>The parent value of the root fields.</summary>
    public object? RootValue { get; init; }

    /// <summary>The request's services, passed to resolvers.</summary>
    public IServiceProvider? RequestServices { get; init; }

    /// <summary>Per-request state passed to resolvers; a new dictionary when null.</summary>
    public IDictionary<string, object?>? UserContext { get; init; }

    /// <summary>Aborts the request (the caller gives up: execution throws <see cref="OperationCanceledException"/>).</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The longest execution may take; past it the result is one timeout error. Null for no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// The most bytes the result may take as JSON, counted as values complete; past it execution stops and the result
    /// is one <see cref="ExecutionErrors.ResultTooLarge"/> error. Null for no limit.
    /// </summary>
    public long? MaxResultBytes { get; init; }

    /// <summary>The clock the timeout runs on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Reusable CollectFields plans for <see cref="Document"/>; a fresh cache when null.</summary>
    public ExecutionPlanCache? PlanCache { get; init; }

    /// <summary>This request with another root value and cancellation token (one event of a subscription).</summary>
    internal ExecutionRequest ForEvent(object? rootValue, CancellationToken cancellationToken) =>
        this with { RootValue = rootValue, CancellationToken = cancellationToken };
}
