using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GraphIntel.GraphQL.Diagnostics;

/// <summary>
/// The engine's spans and metrics, on System.Diagnostics alone (no OpenTelemetry SDK): listen to the
/// <see cref="ActivitySource"/> and <see cref="Meter"/> named <see cref="Name"/>. Span and attribute names follow the
/// OpenTelemetry semantic conventions for GraphQL servers (<c>graphql.operation.name</c>, <c>graphql.operation.type</c>,
/// <c>graphql.document</c>); the document is recorded only when <see cref="GraphQLTelemetryOptions.IncludeDocument"/>
/// says so, and variable values never. With nothing listening, an operation costs two enabled-checks.
/// </summary>
public static class GraphQLTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "GraphIntel.GraphQL";

    /// <summary>The operation span's attribute (and the metrics' label) naming the operation; absent for an anonymous one.</summary>
    public const string OperationNameAttribute = "graphql.operation.name";

    /// <summary><c>query</c>, <c>mutation</c> or <c>subscription</c>; absent when the request never got to an operation.</summary>
    public const string OperationTypeAttribute = "graphql.operation.type";

    /// <summary>The document text, only with <see cref="GraphQLTelemetryOptions.IncludeDocument"/>.</summary>
    public const string DocumentAttribute = "graphql.document";

    /// <summary>The error metric's label: the error's <c>extensions.code</c>, or <see cref="NoCode"/>.</summary>
    public const string ErrorCodeAttribute = "graphql.error.code";

    /// <summary>The operation name label of every operation past <see cref="GraphQLTelemetryOptions.MaxOperationNames"/> distinct names.</summary>
    public const string OtherOperations = "_OTHER";

    /// <summary>The error code label of an error without <c>extensions.code</c> (syntax, validation, variable coercion).</summary>
    public const string NoCode = "NONE";

    /// <summary>Span names: the operation (renamed <c>{type} {name}</c> once known), and its stages.</summary>
    public const string OperationSpan = "GraphQL Operation", ParseSpan = "graphql.parse", ValidateSpan = "graphql.validate", ExecuteSpan = "graphql.execute";

    /// <summary>Metric names.</summary>
    public const string OperationDurationMetric = "graphql.server.operation.duration",
        OperationCostMetric = "graphql.server.operation.cost",
        ErrorsMetric = "graphql.server.errors";

    /// <summary>The engine's spans.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, typeof(GraphQLTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The engine's metrics (and the HTTP layer's: response cache, persisted queries).</summary>
    public static Meter Meter { get; } = new(Name, typeof(GraphQLTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(OperationDurationMetric, "s",
        "Time from reading a GraphQL request's parameters to its serialized result (parse, validate, execute), by operation name and type.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    internal static readonly Histogram<long> OperationCost = Meter.CreateHistogram<long>(OperationCostMetric, "{cost}",
        "The estimated cost of each executed operation (the cost rule's estimate), by operation name and type.",
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 10, 50, 100, 500, 1_000, 5_000, 10_000, 50_000, 100_000, 1_000_000] });

    internal static readonly Counter<long> Errors = Meter.CreateCounter<long>(ErrorsMetric, "{error}",
        "GraphQL errors in responses, by extensions.code (NONE when there is none), operation name and type.");

    internal static bool MetricsEnabled => OperationDuration.Enabled || OperationCost.Enabled || Errors.Enabled;

    /// <summary>The <see cref="OperationTypeAttribute"/> value of an operation type.</summary>
    public static string TypeName(Language.OperationType type) => type switch
    {
        Language.OperationType.Query => "query",
        Language.OperationType.Mutation => "mutation",
        _ => "subscription",
    };
}

/// <summary>What the engine's telemetry records beyond names and types.</summary>
public sealed class GraphQLTelemetryOptions
{
    /// <summary>
    /// Put the document text on the operation span (<c>graphql.document</c>). Off by default: a document may carry
    /// literal values (names, ids) the operator's collector should not keep. Variable values are never recorded.
    /// </summary>
    public bool IncludeDocument { get; init; }

    /// <summary>
    /// How many distinct operation names label metrics; later names are counted as <see cref="GraphQLTelemetry.OtherOperations"/>,
    /// so a client inventing names cannot grow the metrics without bound. Anonymous operations carry no name label.
    /// </summary>
    public int MaxOperationNames { get; init; } = 100;
}

/// <summary>The bounded set of operation names used as metric labels (first come, first kept).</summary>
internal sealed class OperationNameLabels(int capacity)
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    public string Label(string name)
    {
        if (_names.TryGetValue(name, out var known)) return known;
        if (_names.Count >= capacity || name.Length > 128) return GraphQLTelemetry.OtherOperations;
        return _names.GetOrAdd(name, name);
    }
}

/// <summary>
/// One operation's span and measurements, from <see cref="GraphQLService.StartOperation"/> to <see cref="Dispose"/>:
/// the span is the parent of the parse, validate and execute spans; disposing records the duration (and the cost of an
/// executed operation) under the operation's name and type. When nothing listens it is a shared no-op.
/// </summary>
public sealed class OperationTelemetry : IDisposable
{
    private static readonly OperationTelemetry Disabled = new(null, null, false);

    private readonly OperationNameLabels? _names;
    private readonly Activity? _activity;
    private readonly bool _includeDocument;
    private readonly long _start;
    private string? _name;
    private string? _type;
    private long? _cost;
    private bool _done;

    private OperationTelemetry(OperationNameLabels? names, Activity? activity, bool includeDocument)
    {
        _names = names;
        _activity = activity;
        _includeDocument = includeDocument;
        _start = names is null ? 0 : Stopwatch.GetTimestamp();
        _done = names is null;
    }

    internal static OperationTelemetry Start(OperationNameLabels names, GraphQLTelemetryOptions options)
    {
        var activity = GraphQLTelemetry.ActivitySource.StartActivity(GraphQLTelemetry.OperationSpan, ActivityKind.Internal);
        return activity is null && !GraphQLTelemetry.MetricsEnabled ? Disabled : new OperationTelemetry(names, activity, options.IncludeDocument);
    }

    /// <summary>The operation span, or null when it is not sampled or nothing listens.</summary>
    public Activity? Activity => _activity;

    /// <summary>Names the operation once it is prepared: the selected operation's name and type (or the requested name when preparation failed).</summary>
    public void Prepared(PreparedRequest prepared, GraphQLRequest request)
    {
        if (_done) return;
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(request);
        _name = prepared.Operation is { } operation ? operation.Name?.Value : request.OperationName;
        _type = prepared.Operation is { } op ? GraphQLTelemetry.TypeName(op.Operation) : null;
        _cost = prepared.EstimatedCost;
        if (_activity is null) return;
        if (_type is not null) _activity.DisplayName = _name is null ? _type : $"{_type} {_name}";
        if (_name is not null) _activity.SetTag(GraphQLTelemetry.OperationNameAttribute, _name);
        if (_type is not null) _activity.SetTag(GraphQLTelemetry.OperationTypeAttribute, _type);
        if (_includeDocument && request.Query is { } query) _activity.SetTag(GraphQLTelemetry.DocumentAttribute, query);
    }

    /// <summary>Counts the result's errors by code; an operation that produced no data is marked as failed.</summary>
    public void Completed(Execution.ExecutionResult result)
    {
        if (_done) return;
        ArgumentNullException.ThrowIfNull(result);
        if (result.Errors is { Count: > 0 } errors)
        {
            foreach (var error in errors)
            {
                Failed(error.Extensions?.GetValueOrDefault("code") as string, countOnly: true);
            }
            if (!result.HasData) _activity?.SetStatus(ActivityStatusCode.Error, errors[0].Extensions?.GetValueOrDefault("code") as string ?? "GraphQL error");
        }
    }

    /// <summary>Counts one error answered instead of a result (an HTTP-level refusal) and marks the operation as failed.</summary>
    public void Failed(string? code) => Failed(code, countOnly: false);

    private void Failed(string? code, bool countOnly)
    {
        if (_done) return;
        if (GraphQLTelemetry.Errors.Enabled)
        {
            var tags = Labels();
            tags.Add(GraphQLTelemetry.ErrorCodeAttribute, code ?? GraphQLTelemetry.NoCode);
            GraphQLTelemetry.Errors.Add(1, tags);
        }
        if (!countOnly) _activity?.SetStatus(ActivityStatusCode.Error, code ?? "GraphQL error");
    }

    /// <summary>Records the duration and cost and ends the span. Idempotent: the first call counts.</summary>
    public void Dispose()
    {
        if (_done) return;
        _done = true;
        var tags = Labels();
        if (GraphQLTelemetry.OperationDuration.Enabled)
        {
            GraphQLTelemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(_start).TotalSeconds, tags);
        }
        if (_cost is { } cost && GraphQLTelemetry.OperationCost.Enabled)
        {
            GraphQLTelemetry.OperationCost.Record(cost, tags);
        }
        _activity?.Dispose();
    }

    private TagList Labels()
    {
        var tags = new TagList();
        if (_name is not null) tags.Add(GraphQLTelemetry.OperationNameAttribute, _names!.Label(_name));
        if (_type is not null) tags.Add(GraphQLTelemetry.OperationTypeAttribute, _type);
        return tags;
    }
}
