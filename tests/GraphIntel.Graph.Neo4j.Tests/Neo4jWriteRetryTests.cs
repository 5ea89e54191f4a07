using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Model;
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
    [InlineData(2)]      // an open transaction of many requests: the fault hits its last one
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
    [InlineData(2)]
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
    [InlineData(2, LoseAnswer)]
    [InlineData(10_000, HoldAnswer)] // the answer comes after the attempt timed out
    [InlineData(2, HoldAnswer)]
    public async Task A_write_that_committed_but_whose_answer_was_lost_succeeds_once(int statementsPerRequest, FaultingNeo4jHandler.Fault fault)
    {
        var auditEntries = await AuditEntriesOfOneWriteAsync(statementsPerRequest);
        var (store, faults) = await CleanStoreAsync(statementsPerRequest);
        await using var _ = store;
        faults.Then(fault);
        var before = await store.GetWriteGenerationAsync();

        var summary = await store.ApplyAsync(WholeGraph, Context);

        Assert.Equal(Relationships.Count, summary[RecordKinds.Relationship].Created);
        Assert.Equal(1, faults.WriteCommits); // resolved by its claim, not sent again
        await AssertWrittenOnceAsync(store, before, auditEntries);
    }

    [StoreTheory]
    [InlineData(10_000)]
    [InlineData(2)]
    public async Task A_write_whose_commit_request_was_lost_on_the_way_is_written_again_and_lands_once(int statementsPerRequest)
    {
        var auditEntries = await AuditEntriesOfOneWriteAsync(statementsPerRequest);
        var (store, faults) = await CleanStoreAsync(statementsPerRequest);
        await using var _ = store;
        faults.Then(DropRequest);
        var before = await store.GetWriteGenerationAsync();

        await store.ApplyAsync(WholeGraph, Context);

        Assert.Equal(2, faults.WriteCommits);
        await AssertWrittenOnceAsync(store, before, auditEntries);
    }

    /// <summary>An update: stored records are rewritten in place (no new record a duplicate could collide with), and audited.</summary>
    private static ChangeSet AliasUpdate => new() { Entities = [Entities[0] with { Aliases = [.. Entities[0].Aliases, "Retry Alias"] }] };

    [StoreTheory]
    [InlineData(10_000)]
    [InlineData(2)]
    public async Task A_commit_request_arriving_after_its_claim_was_resolved_fails_and_commits_nothing(int statementsPerRequest)
    {
        int auditEntries;
        IReadOnlyList<string> aliases;
        var (reference, _) = await CleanStoreAsync(statementsPerRequest);
        await using (reference)
        {
            await reference.ApplyAsync(WholeGraph, Context);
            await reference.ApplyAsync(AliasUpdate, Context);
            auditEntries = (await reference.GetAuditAsync(new AuditQuery { First = 10_000 })).Count;
            aliases = (await reference.GetEntitiesAsync([Entities[0].Id]))[Entities[0].Id].Aliases;
        }
        var (store, faults) = await CleanStoreAsync(statementsPerRequest);
        await using var _ = store;
        await store.ApplyAsync(WholeGraph, Context);
        faults.Then(DelayRequest);
        var before = await store.GetWriteGenerationAsync();

        await store.ApplyAsync(AliasUpdate, Context); // the first attempt times out; its claim is abandoned; the second lands

        var late = Assert.Single(await faults.ForwardLateAsync());
        // One request: its claim breaks the constraint. An open transaction: the client rolled it back when it gave up.
        Assert.True(late.Contains(statementsPerRequest == 10_000 ? "\"code\":\"Neo.ClientError.Schema.ConstraintValidationFailed" : "\"code\":\"Neo.ClientError.", StringComparison.Ordinal), late);
        Assert.Equal(3, faults.WriteCommits);
        await AssertWrittenOnceAsync(store, before, auditEntries);
        Assert.Equal(aliases, (await store.GetEntitiesAsync([Entities[0].Id]))[Entities[0].Id].Aliases);
    }

    [StoreFact]
    public async Task A_write_that_never_gets_through_fails_saying_nothing_was_written()
    {
        var (store, faults) = await CleanStoreAsync(10_000);
        await using var _ = store;
        faults.Then(DropRequest).Then(DropRequest).Then(DropRequest);
        var before = await store.GetWriteGenerationAsync();

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => store.ApplyAsync(WholeGraph, Context));

        Assert.Contains("did not commit in 3 attempts", error.Message);
        Assert.Contains("nothing of it was written", error.Message);
        Assert.Equal(3, faults.WriteCommits);
        Assert.Equal(before, await store.GetWriteGenerationAsync());
        Assert.Empty((await store.ExportAsync()).Entities);
        Assert.Empty(await store.GetAuditAsync(new AuditQuery()));
    }
}
