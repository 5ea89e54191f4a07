using GraphIntel.Graph.Model;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// Migration 5 on the real server: (:Name)s written before clash keys get them when the store is initialized, in
/// batches, so look-alikes of names stored back then are refused.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jClashKeyBackfillTests
{
    private const int BackfillVersion = 5;

    [StoreFact]
    public async Task Names_stored_without_clash_keys_get_them_in_batches_and_look_alikes_are_refused_again()
    {
        var options = Neo4jTestDatabase.Options();
        options.WriteBatchSize = 3;
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync(options);
        await store.ApplyAsync(WholeGraph, Context);
        var names = await CountAsync(store, "MATCH (n:Name) RETURN count(n) AS n");
        await RunAsync(store, "MATCH (n:Name) REMOVE n.clashKey");
        await RunAsync(store, $"MATCH (m:Migration {{version: {BackfillVersion}}}) DELETE m");
        var generation = await store.GetWriteGenerationAsync();

        await store.InitializeAsync();

        Assert.Equal(names, await CountAsync(store, "MATCH (n:Name) WHERE n.clashKey IS NOT NULL RETURN count(n) AS n"));
        // Each batch moved the write generation with it, as any write does, so other processes' caches drop what they held.
        Assert.NotEqual(generation, await store.GetWriteGenerationAsync());
        Assert.Equal(generation.StoreId, (await store.GetWriteGenerationAsync()).StoreId);
        // confusables.txt: 0422 ; 0054 (CYRILLIC CAPITAL TE → T): "ТТТ" is TTT's look-alike.
        var spoof = new Entity("org/spoof", EntityKind.Organization, "\u0422\u0422\u0422", [], [CiteBeta("The Taliban movement dominates Afghanistan.")])
            { OrganizationKind = OrganizationKind.ArmedGroup };
        var refused = await Assert.ThrowsAsync<GraphValidationException>(() => store.ApplyAsync(new ChangeSet { Entities = [spoof] }, Context));
        Assert.Contains("'TTT' of org/ttt", Assert.Single(refused.Problems).Message);
    }

    [Fact]
    public void The_backfill_is_a_migration_of_its_own_with_the_clash_key_index()
    {
        var backfill = Assert.Single(SchemaStatements.Migrations, m => m.Data == DataMigration.SetNameClashKeys);
        Assert.Equal(BackfillVersion, backfill.Version);
        Assert.Contains(backfill.Legacy, s => s.Contains(":Name(clashKey)", StringComparison.Ordinal));
    }

    private static async Task<long> CountAsync(Neo4jGraphStore store, string cypher) =>
        (await store.Client.RunAsync(new Statement(cypher), CancellationToken.None)).Rows[0][0].GetInt64();

    private static Task RunAsync(Neo4jGraphStore store, string cypher) =>
        store.Client.RunAsync(new Statement(cypher), CancellationToken.None);
}
