using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace GraphIntel.Graph.Embedded;

/// <summary>
/// The embedded store's resilience: an overall timeout around jittered exponential retries on SQLITE_BUSY /
/// SQLITE_LOCKED and on attempts that ran over, a circuit breaker on those same failures, and a per-attempt timeout.
/// <see cref="Create"/> composes the pipeline once (the store factory does, and hands it to the store);
/// every operation runs through <see cref="ExecuteAsync{T}"/>, which also maps failures to the store's error taxonomy.
/// </summary>
public sealed class SqliteResilience
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private readonly ResiliencePipeline _pipeline;
    private readonly string _databasePath;

    private SqliteResilience(ResiliencePipeline pipeline, string databasePath)
    {
        _pipeline = pipeline;
        _databasePath = databasePath;
    }

    /// <summary>The pipeline <paramref name="options"/> describe, on <paramref name="timeProvider"/>'s clock.</summary>
    public static SqliteResilience Create(EmbeddedStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transient = new PredicateBuilder().Handle<SqliteException>(IsTransient).Handle<TimeoutRejectedException>();
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System };
        StoreSettings.CheckResilience(EmbeddedStoreOptions.SectionName, new ResilienceSettings(
            options.OperationTimeout, options.AttemptTimeout, options.MaxRetries, nameof(options.MaxRetries), options.RetryBaseDelay,
            options.BreakerFailureRatio, options.BreakerMinimumThroughput, options.BreakerSamplingDuration, options.BreakDuration));
        builder.AddTimeout(options.OperationTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = options.MaxRetries,
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
            .AddTimeout(options.AttemptTimeout);
        var pipeline = builder.Build();
        return new SqliteResilience(pipeline, options.DatabasePath);
    }

    internal static bool IsTransient(SqliteException e) =>
        (e.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked;

    internal async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, ValueTask<T>> action, CancellationToken ct)
    {
        try
        {
            return await _pipeline.ExecuteAsync(action, ct).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new GraphStoreException(
                $"embedded store ({_databasePath}): {operation} failed: SQLite error {e.SqliteErrorCode}: {e.Message}",
                IsTransient(e), e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new GraphStoreUnavailableException($"embedded store ({_databasePath}): {operation} timed out after {e.Timeout}", e);
        }
        catch (BrokenCircuitException e)
        {
            throw new GraphStoreUnavailableException(
                $"embedded store ({_databasePath}): {operation} refused: the database kept failing, so calls pause for a while ({e.Message})", e);
        }
    }
}
