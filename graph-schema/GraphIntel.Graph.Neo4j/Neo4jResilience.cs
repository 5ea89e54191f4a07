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
/// allowance once per request.
/// </summary>
public static class Neo4jResilience
{
    /// <summary>How many HTTP requests one execution makes (1 when unset).</summary>
    internal static readonly ResiliencePropertyKey<int> Requests = new("graphintel.neo4j.requests");

    /// <summary>Failures worth another attempt: Neo.TransientError.*, connection failures, attempts that timed out.</summary>
    internal static bool IsTransient(Exception e) => e is GraphStoreException { IsTransient: true } or TimeoutRejectedException;

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
                ShouldHandle = transient,
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
