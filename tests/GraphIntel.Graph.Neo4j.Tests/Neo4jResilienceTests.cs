using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// The real <see cref="Neo4jHttpClient"/> and <see cref="Neo4jResilience"/> pipeline against an in-process server
/// that answers like Neo4j (<see cref="FakeNeo4jHandler"/>). Time is a <see cref="ManualTimeProvider"/>: backoff and
/// break durations pass when the test advances the clock, never by sleeping.
/// </summary>
public sealed class Neo4jResilienceTests
{
    private static readonly Statement Ping = new("RETURN 1 AS ok");
    private readonly ManualTimeProvider _time = new();
    private readonly FakeNeo4jHandler _server = new();

    private static readonly Neo4jOptions Options = new()
    {
        Url = FakeNeo4jHandler.Url,
        MaxRetryAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(200),
        BreakDuration = TimeSpan.FromSeconds(30),
        BreakerMinimumThroughput = 4,
        BreakerFailureRatio = 0.5,
        BreakerSamplingDuration = TimeSpan.FromMinutes(1),
        OperationTimeout = TimeSpan.FromMinutes(5),
        AttemptTimeout = TimeSpan.FromMinutes(1),
    };

    private Neo4jHttpClient Client() => new(new HttpClient(_server), Options, Neo4jResilience.Create(Options, _time));

    /// <summary>Advances the manual clock in steps until the call completes (bounded: a hung call fails the test).</summary>
    private async Task<T> WithTimePassing<T>(Task<T> call)
    {
        for (var step = 0; step < 2_000 && !call.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(call, Task.Delay(5));
        }
        Assert.True(call.IsCompleted, "the call did not complete while 200 s of manual time passed");
        return await call;
    }

    [Fact]
    public async Task A_transient_error_code_is_retried_until_the_call_succeeds()
    {
        _server.Then(() => FakeNeo4jHandler.Error("Neo.TransientError.Transaction.DeadlockDetected"))
               .Then(() => FakeNeo4jHandler.Error("Neo.TransientError.General.DatabaseUnavailable"));
        var result = await WithTimePassing(Client().RunAsync(Ping, CancellationToken.None));
        Assert.Equal(1, result.Rows[0][0].GetInt32());
        Assert.Equal(3, _server.TransactionRequests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_with_backoff_until_the_server_answers()
    {
        _server.Then(FakeNeo4jHandler.ConnectionRefused).Then(FakeNeo4jHandler.ConnectionRefused);
        var call = Client().RunAsync(Ping, CancellationToken.None);
        for (var i = 0; i < 1_000 && _server.TransactionRequests == 0; i++) await Task.WhenAny(call, Task.Delay(5));
        await Task.WhenAny(call, Task.Delay(50));
        // Without time passing, the retry waits out its backoff: the call is still pending after one attempt.
        Assert.False(call.IsCompleted);
        Assert.Equal(1, _server.TransactionRequests);
        var result = await WithTimePassing(call);
        Assert.Equal(1, result.Rows[0][0].GetInt32());
        Assert.Equal(3, _server.TransactionRequests);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_names_the_code()
    {
        _server.Then(() => FakeNeo4jHandler.Error("Neo.ClientError.Statement.SyntaxError", "Invalid input 'X'"));
        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => WithTimePassing(Client().RunAsync(Ping, CancellationToken.None)));
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.False(error.IsTransient);
        Assert.Contains("Invalid input 'X'", error.Message);
        Assert.Equal(1, _server.TransactionRequests);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts_with_the_last_error()
    {
        _server.Otherwise(() => FakeNeo4jHandler.Error("Neo.TransientError.Transaction.LockClientStopped"));
        var options = new Neo4jOptions { Url = FakeNeo4jHandler.Url, MaxRetryAttempts = 2, BreakerMinimumThroughput = 100 };
        var client = new Neo4jHttpClient(new HttpClient(_server), options, Neo4jResilience.Create(options, _time));
        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => WithTimePassing(client.RunAsync(Ping, CancellationToken.None)));
        Assert.Equal("Neo.TransientError.Transaction.LockClientStopped", error.Code);
        Assert.Equal(3, _server.TransactionRequests);
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_and_later_calls_fail_fast_naming_the_cause()
    {
        _server.Otherwise(FakeNeo4jHandler.ConnectionRefused);
        var client = Client();
        var first = await Assert.ThrowsAnyAsync<GraphStoreException>(() => WithTimePassing(client.RunAsync(Ping, CancellationToken.None)));
        Assert.True(first.IsTransient);
        Assert.Equal(4, _server.TransactionRequests); // 1 attempt + 3 retries, the 4th failure breaks the circuit

        var fast = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => client.RunAsync(Ping, CancellationToken.None));
        Assert.Equal(4, _server.TransactionRequests); // failed without a request
        Assert.Contains("circuit is open", fast.Message);
        Assert.Contains("cannot reach Neo4j at http://neo4j.test:7474/", fast.Message);
        Assert.Contains("Connection refused", fast.Message);
    }

    [Fact]
    public async Task After_the_break_a_trial_call_that_succeeds_closes_the_circuit()
    {
        _server.Otherwise(FakeNeo4jHandler.ConnectionRefused);
        var client = Client();
        await Assert.ThrowsAnyAsync<GraphStoreException>(() => WithTimePassing(client.RunAsync(Ping, CancellationToken.None)));
        await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => client.RunAsync(Ping, CancellationToken.None));

        _server.Otherwise(FakeNeo4jHandler.Ok); // the server is back
        _time.Advance(Options.BreakDuration + TimeSpan.FromSeconds(1)); // half-open: one trial call goes through
        var trial = await client.RunAsync(Ping, CancellationToken.None);
        Assert.Equal(1, trial.Rows[0][0].GetInt32());
        var after = await client.RunAsync(Ping, CancellationToken.None);
        Assert.Equal(1, after.Rows[0][0].GetInt32());
        Assert.Equal(6, _server.TransactionRequests);
    }

    [Fact]
    public async Task A_failed_trial_call_opens_the_circuit_again()
    {
        _server.Otherwise(FakeNeo4jHandler.ConnectionRefused);
        var client = Client();
        await Assert.ThrowsAnyAsync<GraphStoreException>(() => WithTimePassing(client.RunAsync(Ping, CancellationToken.None)));
        _time.Advance(Options.BreakDuration + TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<GraphStoreException>(() => WithTimePassing(client.RunAsync(Ping, CancellationToken.None)));
        var requests = _server.TransactionRequests;
        Assert.Equal(5, requests); // exactly one trial request went out, then the circuit opened again
        await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => client.RunAsync(Ping, CancellationToken.None));
        Assert.Equal(requests, _server.TransactionRequests);
    }

    [Fact]
    public async Task The_store_reports_itself_unhealthy_with_the_reason_while_the_server_is_down()
    {
        _server.Otherwise(FakeNeo4jHandler.ConnectionRefused);
        await using var store = new Neo4jGraphStore(Options, _time, new HttpClient(_server));
        var health = await WithTimePassing(store.CheckHealthAsync());
        Assert.False(health.Available);
        Assert.Equal("neo4j", health.Backend);
        Assert.Contains("cannot reach Neo4j", health.Detail);
    }
}
