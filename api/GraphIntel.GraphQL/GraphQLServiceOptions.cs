using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Validation;

namespace GraphIntel.GraphQL;

/// <summary>Options of the request pipeline (<see cref="GraphQLService"/>).</summary>
public sealed class GraphQLServiceOptions
{
    /// <summary>Token and depth limits of the parser.</summary>
    public ParseOptions ParseOptions { get; init; } = ParseOptions.Default;

    /// <summary>Rules run after the specified ones, e.g. <c>MaxDepthRule</c>, <c>MaxCostRule</c>.</summary>
    public IReadOnlyList<IValidationRule> ExtraValidationRules { get; init; } = [];

    /// <summary>
    /// The version of what validation depends on beyond the schema and the document (the data statistics a cost
    /// estimator prices lists by, <see cref="Validation.Limits.IFieldCostEstimator.Version"/>); null when nothing else.
    /// A cached document validated under another version is validated again before it runs.
    /// </summary>
    public Func<long>? ValidationVersion { get; init; }

    /// <summary>How many validation errors to collect before validation stops.</summary>
    public int MaxValidationErrors { get; init; } = DocumentValidator.DefaultMaxErrors;

    /// <summary>How many parsed and validated documents to keep (least recently used are dropped); 0 disables the cache.</summary>
    public int DocumentCacheSize { get; init; } = 1000;

    /// <summary>The longest an execution may take before it is cancelled with an error; null for no limit.</summary>
    public TimeSpan? ExecutionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most bytes an execution's result may take as JSON, counted while values complete (strings by their
    /// length, so a lower bound of the written size); past it execution stops and the result is one
    /// <c>RESPONSE_TOO_LARGE</c> error (<see cref="Execution.ExecutionErrors.ResultTooLarge"/>). Null for no limit.
    /// </summary>
    public long? MaxResultBytes { get; init; }

    /// <summary>What the spans and metrics record (<see cref="Diagnostics.GraphQLTelemetry"/>).</summary>
    public Diagnostics.GraphQLTelemetryOptions Telemetry { get; init; } = new();

    /// <summary>The clock of the execution timeout.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
