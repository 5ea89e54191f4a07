using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Store;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace GraphIntel.Graph.Neo4j;

/// <summary>
/// The Neo4j backend's one resilience pipeline, built once: an overall timeout, retries with jittered exponential
/// backoff on transient errors only, a circuit breaker, and a per-attempt timeout. Time is injected so tests never sleep.
/// Both timeouts scale with <see cref="Requests"/>: a transaction spanning several HTTP requests gets the per-request
/// allowance once per request. A write is retried only after a failure that proves it did not commit
/// (<see cref="ProvesNothingCommitted"/>); after any other it fails with <see cref="Neo4jWriteOutcomeUnknownException"/>.
/// </summary>
public static class Neo4jResilience
{
    /// <summary>How many HTTP requests one execution makes (1 when unset).</summary>
    internal static readonly ResiliencePropertyKey<int> Requests = new("graphintel.neo4j.requests");

    /// <summary>Set on executions that write data: an attempt that may have committed is never retried blindly.</summary>
    internal static readonly ResiliencePropertyKey<bool> Writes = new("graphintel.neo4j.writes");

    /// <summary>Set by each attempt that failed: whether its transaction may have committed on the server.</summary>
    internal static readonly ResiliencePropertyKey<bool> MayHaveCommitted = new("graphintel.neo4j.may-have-committed");

    /// <summary>Failures worth another attempt: Neo.TransientError.*, connection failures, attempts that timed out.</summary>
    internal static bool IsTransient(Exception e) => e is GraphStoreException { IsTransient: true } or TimeoutRejectedException;

    /// <summary>
    /// Failures that prove the attempt's transaction did not commit: an error Neo4j reported in a body (it rolled the
    /// transaction back), a connection that was never made, a status saying the request was not served (408, 429, 503).
    /// Anything else — a timeout, a connection lost once the request may have been sent — leaves a write's outcome unknown.
    /// </summary>
    internal static bool ProvesNothingCommitted(Exception e) => e is Neo4jServerException or Neo4jTransportException { MayHaveCommitted: false };

    /// <summary>A transient failure another attempt may fix, unless it hit a write that may have committed.</summary>
    private static bool ShouldRetry(Exception? e, ResilienceContext context) =>
        e is not null && IsTransient(e)
        && !(context.Properties.GetValue(Writes, false) && context.Properties.GetValue(MayHaveCommitted, false));

    public static ResiliencePipeline Create(Neo4jOptions options, TimeProvider? timeProvider = null)
    {
        var transient = new PredicateBuilder().Handle<Exception>(IsTransient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System };
        StoreSettings.CheckResilience(Neo4jOptions.SectionName, new ResilienceSettings(
            options.OperationTimeout, options.AttemptTimeout, options.MaxRetryAttempts, nameof(options.MaxRetryAttempts), options.RetryBaseDelay,
            options.BreakerFailureRatio, options.BreakerMinimumThroughput, options.BreakerSamplingDuration, options.BreakDuration));
        builder.AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = args => Scaled(options.OperationTimeout, args.Context) });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Context)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
            });
        }
        builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = args => Scaled(options.AttemptTimeout, args.Context) });
        return builder.Build();
    }

    private static ValueTask<TimeSpan> Scaled(TimeSpan perRequest, ResilienceContext context) =>
        ValueTask.FromResult(perRequest * Math.Max(1, context.Properties.GetValue(Requests, 1)));
}
