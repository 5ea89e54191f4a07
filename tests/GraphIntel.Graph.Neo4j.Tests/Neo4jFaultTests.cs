using GraphIntel.Graph.Model;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// Faults on a real Neo4j of the class's own (<see cref="OwnNeo4jServer"/>): the server stopped mid-run and restarted,
/// and a change set whose transaction fails half-way. Assertions are on outcomes and messages, never on timing.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jFaultTests(OwnNeo4jServer server) : IClassFixture<OwnNeo4jServer>
{
    private Neo4jOptions Options(int statementsPerRequest = 10, int batchSize = 2_000) => new()
    {
        Url = server.Url,
        MaxRetryAttempts = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        BreakerMinimumThroughput = 3,
        BreakDuration = TimeSpan.FromSeconds(2),
        AttemptTimeout = TimeSpan.FromSeconds(20),
        OperationTimeout = TimeSpan.FromSeconds(60),
        StatementsPerRequest = statementsPerRequest,
        WriteBatchSize = batchSize,
    };

    private async Task<Neo4jGraphStore> CleanStoreAsync(Neo4jOptions options)
    {
        var store = new Neo4jGraphStore(options);
        await Neo4jTestDatabase.WipeAsync(store);
        await store.InitializeAsync();
        return store;
    }

    [StoreFact]
    public async Task Calls_fail_clearly_while_Neo4j_is_down_then_fast_once_the_circuit_opens_and_recover_by_themselves()
    {
        await using var store = await CleanStoreAsync(Options());
        await store.ApplyAsync(WholeGraph, Context);
        var before = (await store.GetEntitiesAsync([Ja]))[Ja];

        await server.StopAsync();
        try
        {
            var first = await Assert.ThrowsAnyAsync<GraphStoreException>(() => store.GetEntitiesAsync([Ja]));
            Assert.True(first.IsTransient);
            Assert.Contains($"Neo4j at {server.Url}", first.Message);

            // The breaker opens once failures are half the attempts of its 10 s window, which also holds the successful
            // calls that set the store up (migrations, the write): a few dozen, so allow enough failing calls to outweigh them.
            GraphStoreUnavailableException? fast = null;
            for (var call = 0; call < 50 && fast is null; call++)
            {
                try { await store.GetEntitiesAsync([Ja]); }
                catch (GraphStoreUnavailableException e) when (e.Message.Contains("circuit is open")) { fast = e; }
                catch (GraphStoreException e) when (e.IsTransient) { /* still counting failures */ }
            }
            Assert.NotNull(fast);
            Assert.Contains($"cannot reach Neo4j at {server.Url}", fast.Message);
            var health = await store.CheckHealthAsync();
            Assert.False(health.Available);
        }
        finally
        {
            await server.ResumeAsync();
        }

        // No reset, no new store: the same instance recovers once a trial call after the break succeeds.
        Entity? after = null;
        for (var attempt = 0; attempt < 120 && after is null; attempt++)
        {
            try { after = (await store.GetEntitiesAsync([Ja]))[Ja]; }
            catch (GraphStoreException e) when (e.IsTransient) { await Task.Delay(TimeSpan.FromSeconds(1)); }
        }
        Assert.NotNull(after);
        Assert.Equal(RecordJson.Serialize(before), RecordJson.Serialize(after));
        Assert.True((await store.CheckHealthAsync()).Available);
    }

    [StoreTheory]
    [InlineData(10, 2_000)] // the whole change set in one commit request
    [InlineData(1, 1)]      // one statement per request of an open transaction: dozens of requests
    public async Task A_change_set_whose_transaction_fails_half_way_writes_nothing(int statementsPerRequest, int batchSize)
    {
        await using var store = await CleanStoreAsync(Options(statementsPerRequest, batchSize));
        // The fixture cites "The Islamic State declared its Khorasan province in January 2015." twice, so with this
        // constraint the citation statements fail — after sources, entities and relationships were written.
        await store.Client.RunAsync(new Statement("CREATE CONSTRAINT ON (c:Citation) ASSERT c.quote IS UNIQUE"), CancellationToken.None);
        var generation = await store.GetWriteGenerationAsync();
        try
        {
            var error = await Assert.ThrowsAsync<Neo4jServerException>(() => store.ApplyAsync(WholeGraph, Context));
            Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", error.Code);
            Assert.Equal(generation, await store.GetWriteGenerationAsync()); // rolled back with the write

            var snapshot = await store.ExportAsync();
            Assert.Empty(snapshot.Sources);
            Assert.Empty(snapshot.Entities);
            Assert.Empty(snapshot.Relationships);
            Assert.Empty(snapshot.StrengthEstimates);
            Assert.Empty(await store.GetAuditAsync(new AuditQuery()));
            var nodes = await store.Client.RunAsync(new Statement("MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n"), CancellationToken.None);
            Assert.Equal(0, nodes.Rows[0][0].GetInt32());
        }
        finally
        {
            await store.Client.RunAsync(new Statement("DROP CONSTRAINT ON (c:Citation) ASSERT c.quote IS UNIQUE"), CancellationToken.None);
        }

        // The same change set is fine without the constraint, and is written whole.
        var written = await store.ApplyAsync(WholeGraph, Context);
        Assert.Equal(Relationships.Count, written[RecordKinds.Relationship].Created);
        Assert.NotEqual(generation, await store.GetWriteGenerationAsync());
        Assert.Equal(Relationships.Count, (await store.ExportAsync()).Relationships.Count);
    }

    [StoreTheory]
    [InlineData(10, 2_000)]
    [InlineData(1, 1)]
    public async Task A_record_another_writer_created_after_the_plan_read_it_as_new_fails_the_change_set_whole(int statementsPerRequest, int batchSize)
    {
        await using var store = await CleanStoreAsync(Options(statementsPerRequest, batchSize));
        // What another process leaves when its write commits between this write's reads and its own: a (:FactRef) of a
        // relationship id this write plans as new (the plan finds no edge for it). New records are CREATEd, so the
        // uniqueness constraint refuses the duplicate instead of silently taking the other writer's record over.
        await store.Client.RunAsync(new Statement("CREATE (:FactRef {id: $id, from: $from, to: $to})",
            new Dictionary<string, object?> { ["id"] = TalibanHostsTtt, ["from"] = Taliban, ["to"] = Ttt }), CancellationToken.None);
        var generation = await store.GetWriteGenerationAsync();

        var error = await Assert.ThrowsAsync<Neo4jServerException>(() => store.ApplyAsync(WholeGraph, Context));
        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", error.Code);
        Assert.Equal(generation, await store.GetWriteGenerationAsync());
        var snapshot = await store.ExportAsync();
        Assert.Empty(snapshot.Sources);
        Assert.Empty(snapshot.Entities);
        Assert.Empty(snapshot.Relationships);
        Assert.Empty(await store.GetAuditAsync(new AuditQuery()));
        var nodes = await store.Client.RunAsync(new Statement("MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n"), CancellationToken.None);
        Assert.Equal(1, nodes.Rows[0][0].GetInt32()); // the other writer's node alone
    }
}
