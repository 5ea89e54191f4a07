using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Neo4j.Tests.FaultingNeo4jHandler.Fault;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// A write whose commit request meets a network fault, on the real server behind a forwarding handler
/// (<see cref="FaultingNeo4jHandler"/>): it lands exactly once or fails saying so, never twice. The expected store is
/// the fixture's records and the audit log of the same change set written without faults.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jWriteRetryTests
{
    private static Neo4jOptions Options(int statementsPerRequest) => new()
    {
        Url = Neo4jTestServer.Url ?? throw new InvalidOperationException(Neo4jTestServer.MissingReason),
        MaxRetryAttempts = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        StatementsPerRequest = statementsPerRequest,
    };

    private static async Task<(Neo4jGraphStore Store, FaultingNeo4jHandler Faults)> CleanStoreAsync(int statementsPerRequest)
    {
        var faults = new FaultingNeo4jHandler();
        var store = new Neo4jGraphStore(Options(statementsPerRequest), timeProvider: null, new HttpClient(faults) { Timeout = Timeout.InfiniteTimeSpan });
        await Neo4jTestDatabase.WipeAsync(store);
        await store.InitializeAsync();
        return (store, faults);
    }

    /// <summary>The audit log of the fixture written once without faults, on a clean store.</summary>
    private static async Task<int> AuditEntriesOfOneWriteAsync(int statementsPerRequest)
    {
        var (store, _) = await CleanStoreAsync(statementsPerRequest);
        await using (store)
        {
            await store.ApplyAsync(WholeGraph, Context);
            return (await store.GetAuditAsync(new AuditQuery { First = 10_000 })).Count;
        }
    }

    /// <summary>The store holds the fixture once, its audit entries once, and the generation moved by exactly one write.</summary>
    private static async Task AssertWrittenOnceAsync(Neo4jGraphStore store, WriteGeneration before, int auditEntries)
    {
        var snapshot = await store.ExportAsync();
        Assert.Equal(WholeGraph.Sources.Count, snapshot.Sources.Count);
        Assert.Equal(Entities.Count, snapshot.Entities.Count);
        Assert.Equal(Relationships.Count, snapshot.Relationships.Count);
        Assert.Equal(StrengthEstimates.Count, snapshot.StrengthEstimates.Count);
        Assert.Equal(auditEntries, (await store.GetAuditAsync(new AuditQuery { First = 10_000 })).Count);
        Assert.Equal(before.Value + 1, (await store.GetWriteGenerationAsync()).Value);
    }

    [StoreTheory]
    [InlineData(10_000)] // the whole change set in one commit request
    [InlineData(10)]     // an open transaction: the fault hits its last request
    public async Task A_write_whose_connection_was_refused_is_retried_and_lands_once(int statementsPerRequest)
    {
        var auditEntries = await AuditEntriesOfOneWriteAsync(statementsPerRequest);
        var (store, faults) = await CleanStoreAsync(statementsPerRequest);
        await using var _ = store;
        faults.Then(RefuseConnection);
        var before = await store.GetWriteGenerationAsync();

        await store.ApplyAsync(WholeGraph, Context);

        Assert.Equal(2, faults.WriteCommits);
        await AssertWrittenOnceAsync(store, before, auditEntries);
    }

    [StoreTheory]
    [InlineData(10_000)]
    [InlineData(10)]
    public async Task A_write_Neo4j_refused_with_a_transient_error_is_retried_and_lands_once(int statementsPerRequest)
    {
        var auditEntries = await AuditEntriesOfOneWriteAsync(statementsPerRequest);
        var (store, faults) = await CleanStoreAsync(statementsPerRequest);
        await using var _ = store;
        faults.Then(TransientError);
        var before = await store.GetWriteGenerationAsync();

        await store.ApplyAsync(WholeGraph, Context);

        Assert.Equal(2, faults.WriteCommits);
        await AssertWrittenOnceAsync(store, before, auditEntries);
    }

    [StoreTheory]
    [InlineData(10_000, LoseAnswer)]
    [InlineData(10, LoseAnswer)]
    [InlineData(10_000, HoldAnswer)] // the answer comes after the attempt timed out
    public async Task A_write_that_committed_but_whose_answer_was_lost_is_not_written_again(int statementsPerRequest, FaultingNeo4jHandler.Fault fault)
    {
        var auditEntries = await AuditEntriesOfOneWriteAsync(statementsPerRequest);
        var (store, faults) = await CleanStoreAsync(statementsPerRequest);
        await using var _ = store;
        faults.Then(fault);
        var before = await store.GetWriteGenerationAsync();

        var error = await Assert.ThrowsAsync<Neo4jWriteOutcomeUnknownException>(() => store.ApplyAsync(WholeGraph, Context));

        Assert.Contains("outcome of a write", error.Message);
        Assert.Contains("write generation", error.Message);
        Assert.False(error.IsTransient);
        Assert.Equal(1, faults.WriteCommits);
        await AssertWrittenOnceAsync(store, before, auditEntries);
    }
}
