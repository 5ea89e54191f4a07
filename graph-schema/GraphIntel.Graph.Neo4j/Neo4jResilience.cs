using GraphIntel.Graph.Store;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace GraphIntel.Graph.Neo4j;

/// <summary>
/// The Neo4j backend's one resilience pipeline, built once: an overall timeout, retries with jittered exponential
/// backoff on transient errors only, a circuit breaker, and a per-attempt timeout. Time is injected so tests never sleep.
/// </summary>
public static class Neo4jResilience
{
    public static ResiliencePipeline Create(Neo4jOptions options, TimeProvider? timeProvider = null)
    {
        var transient = new PredicateBuilder()
            .Handle<GraphStoreException>(e => e.IsTransient)
            .Handle<TimeoutRejectedException>();
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System }
            .AddTimeout(options.OperationTimeout)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }
}
