using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Neo4j.Http;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// Migration 4 on the real server: a store whose names were written before (:Gram)s existed gets them linked when it
/// is initialized, in batches, once — and misspelled lookups find those names again.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jGramBackfillTests
{
    private const int BackfillVersion = 4;

    [StoreFact]
    public async Task Initializing_a_store_with_names_lacking_grams_links_them_in_batches_and_misspellings_match_again()
    {
        // Batches of 3 names: the fixture's names need several, so the backfill must page until none is left.
        var options = Neo4jTestDatabase.Options();
        options.WriteBatchSize = 3;
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync(options);
        await store.ApplyAsync(WholeGraph, Context);
        var expectedLinks = await ExpectedLinksAsync(store);
        Assert.Equal(expectedLinks, await CountAsync(store, "MATCH (:Name)-[h:HAS]->(:Gram) RETURN count(h) AS n"));

        await ForgetGramsAsync(store);
        Assert.Empty(await store.FindByNameAsync("Mehdi Arsalan"));

        await store.InitializeAsync();

        Assert.Equal(expectedLinks, await CountAsync(store, "MATCH (:Name)-[h:HAS]->(:Gram) RETURN count(h) AS n"));
        Assert.Equal(0, await CountAsync(store, "MATCH (n:Name) OPTIONAL MATCH (n)-[h:HAS]->() WITH n, count(h) AS links WHERE links = 0 RETURN count(n) AS n"));
        Assert.Equal(Arsalan, (await store.FindByNameAsync("Mehdi Arsalan"))[0].Entity.Id);
        Assert.Equal(1, await CountAsync(store, $"MATCH (m:Migration {{version: {BackfillVersion}}}) RETURN count(m) AS n"));
    }

    [StoreFact]
    public async Task Running_the_backfill_again_adds_no_second_link()
    {
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync();
        await store.ApplyAsync(WholeGraph, Context);
        var links = await CountAsync(store, "MATCH (:Name)-[h:HAS]->(:Gram) RETURN count(h) AS n");
        var grams = await CountAsync(store, "MATCH (g:Gram) RETURN count(g) AS n");

        await RunAsync(store, $"MATCH (m:Migration {{version: {BackfillVersion}}}) DELETE m");
        await store.InitializeAsync();

        Assert.Equal(links, await CountAsync(store, "MATCH (:Name)-[h:HAS]->(:Gram) RETURN count(h) AS n"));
        Assert.Equal(grams, await CountAsync(store, "MATCH (g:Gram) RETURN count(g) AS n"));
    }

    [StoreFact]
    public async Task A_name_whose_key_is_empty_has_no_grams_and_does_not_stop_the_backfill()
    {
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync();
        await store.ApplyAsync(WholeGraph, Context);
        await ForgetGramsAsync(store);
        await RunAsync(store, "CREATE (:Name {entityId: 'org/ja', kind: 'ORGANIZATION', name: '--', key: '', folded: '--'})");

        await store.InitializeAsync();

        Assert.Equal(1, await CountAsync(store, "MATCH (n:Name) OPTIONAL MATCH (n)-[h:HAS]->() WITH n, count(h) AS links WHERE links = 0 RETURN count(n) AS n"));
        Assert.Equal(Arsalan, (await store.FindByNameAsync("Mehdi Arsalan"))[0].Entity.Id);
    }

    [Fact]
    public void The_backfill_is_a_migration_of_its_own_after_the_gram_constraint()
    {
        var backfill = Assert.Single(SchemaStatements.Migrations, m => m.Data == DataMigration.LinkNameGrams);
        Assert.Equal(BackfillVersion, backfill.Version);
        var gramConstraint = Assert.Single(SchemaStatements.Migrations, m => m.Legacy.Any(s => s.Contains("(n:Gram)", StringComparison.Ordinal)));
        Assert.True(backfill.Version > gramConstraint.Version);
    }

    /// <summary>Turns the store back into one written before grams existed: no links, no grams, migration 4 not applied.</summary>
    private static async Task ForgetGramsAsync(Neo4jGraphStore store)
    {
        await RunAsync(store, "MATCH (g:Gram) DETACH DELETE g");
        await RunAsync(store, $"MATCH (m:Migration {{version: {BackfillVersion}}}) DELETE m");
    }

    /// <summary>One link per distinct gram of each stored name's key.</summary>
    private static async Task<long> ExpectedLinksAsync(Neo4jGraphStore store)
    {
        var keys = await store.Client.RunAsync(new Statement("MATCH (n:Name) RETURN n.key AS key"), CancellationToken.None);
        return keys.Rows.Sum(r => (long)NameGrams.OfName(r[0].GetString()!).Length);
    }

    private static async Task<long> CountAsync(Neo4jGraphStore store, string cypher) =>
        (await store.Client.RunAsync(new Statement(cypher), CancellationToken.None)).Rows[0][0].GetInt64();

    private static Task RunAsync(Neo4jGraphStore store, string cypher) =>
        store.Client.RunAsync(new Statement(cypher), CancellationToken.None);
}
