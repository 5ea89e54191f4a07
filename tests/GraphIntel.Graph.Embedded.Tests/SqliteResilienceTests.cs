using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Embedded.Tests;

/// <summary>
/// The embedded store's pipeline beyond retries: a per-attempt timeout whose expiry is retried, and a circuit breaker
/// that, once the database has kept failing, refuses calls without touching it — on a real SQLite file held by another
/// connection, and on real Polly strategies.
/// </summary>
public sealed class SqliteResilienceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DatabasePath => _directory.File("graph.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_database_that_keeps_failing_breaks_the_circuit_and_calls_are_refused_untouched()
    {
        var options = new EmbeddedStoreOptions
        {
            DatabasePath = DatabasePath,
            MaxRetries = 0,
            BreakerMinimumThroughput = 2,
            BreakerFailureRatio = 0.5,
            BreakerSamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = TimeSpan.FromMinutes(5),
        };
        await using var store = new EmbeddedGraphStore(options, SqliteResilience.Create(options));
        await store.InitializeAsync();
        await using (var blocker = RawDatabase.Open(DatabasePath))
        {
            blocker.Execute("BEGIN IMMEDIATE");
            // Initialize succeeded, this write fails busy: half of the two calls sampled failed, and the circuit breaks.
            var busy = await Assert.ThrowsAnyAsync<GraphStoreException>(() => store.ApplyAsync(WholeGraph, Context));
            Assert.True(busy.IsTransient, busy.Message);
            Assert.Contains("database is locked", busy.ToString(), StringComparison.Ordinal);
            blocker.Execute("ROLLBACK");
        }

        // The database is free again, but the circuit is open: the write is refused, and nothing reaches the file.
        var refused = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.ApplyAsync(WholeGraph, Context));
        Assert.Contains("kept failing", refused.Message, StringComparison.Ordinal);
        Assert.Contains(DatabasePath, refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.GetEntitiesAsync([Ja]));
        await using var check = RawDatabase.Open(DatabasePath);
        Assert.Equal(0L, check.Scalar("SELECT count(*) FROM entities"));
    }

    [Fact]
    public async Task An_attempt_that_runs_over_is_cancelled_and_retried()
    {
        var resilience = SqliteResilience.Create(new EmbeddedStoreOptions
        {
            DatabasePath = DatabasePath,
            AttemptTimeout = TimeSpan.FromMilliseconds(100),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });
        var attempts = 0;
        var result = await resilience.ExecuteAsync("read", async ct =>
        {
            if (++attempts == 1) await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return "answer";
        }, CancellationToken.None);
        Assert.Equal("answer", result);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Attempts_that_all_run_over_end_in_a_timeout_naming_the_store()
    {
        var resilience = SqliteResilience.Create(new EmbeddedStoreOptions
        {
            DatabasePath = DatabasePath,
            AttemptTimeout = TimeSpan.FromMilliseconds(50),
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });
        var attempts = 0;
        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => resilience.ExecuteAsync<int>("read", async ct =>
        {
            attempts++;
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return 0;
        }, CancellationToken.None));
        Assert.Equal(3, attempts);
        Assert.Contains($"embedded store ({DatabasePath}): read timed out", error.Message, StringComparison.Ordinal);
    }
}
