using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GraphIntel.Graph.Embedded;

/// <summary>
/// The embedded store's one resilience pipeline: an overall timeout around retries with jittered exponential
/// backoff on SQLITE_BUSY / SQLITE_LOCKED. Built once per store; every operation runs through <see cref="ExecuteAsync{T}"/>,
/// which also maps failures to the store's error taxonomy.
/// </summary>
internal sealed class SqliteResilience
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private readonly ResiliencePipeline _pipeline;
    private readonly string _databasePath;

    public SqliteResilience(EmbeddedStoreOptions options)
    {
        _databasePath = options.DatabasePath;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddTimeout(options.OperationTimeout)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SqliteException>(IsTransient),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
            })
            .Build();
    }

    public static bool IsTransient(SqliteException e) =>
        (e.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked;

    public async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, ValueTask<T>> action, CancellationToken ct)
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
    }
}
