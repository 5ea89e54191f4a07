using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Neo4j.Http;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// Migration 8 on the real server: every (:Name) carries its grams as words (what the full-text index of 4.4+ reads),
/// written with the name and backfilled, in batches, for names stored before. The expected words come from the name's
/// own (:Gram) links on 3.1 — the layout the gram path reads — not from the code that writes the words.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jGramWordsBackfillTests
{
    [StoreFact]
    public async Task Names_written_or_backfilled_carry_the_words_of_the_grams_they_are_linked_to()
    {
        var options = Neo4jTestDatabase.Options();
        options.WriteBatchSize = 3;
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync(options);
        await store.ApplyAsync(WholeGraph, Context);
        await AssertWordsMatchLinksAsync(store);

        // A store written before migration 8: no words, migration not applied.
        await RunAsync(store, "MATCH (n:Name) REMOVE n.grams");
        await RunAsync(store, "MATCH (m:Migration {version: 8}) DELETE m");
        await store.InitializeAsync();

        await AssertWordsMatchLinksAsync(store);
        Assert.Equal(1L, (await store.Client.RunAsync(new Statement("MATCH (m:Migration {version: 8}) RETURN count(m) AS n"), CancellationToken.None)).Rows[0][0].GetInt64());
        Assert.Equal(Arsalan, (await store.FindByNameAsync("Mehdi Arsalan"))[0].Entity.Id);
    }

    private static async Task AssertWordsMatchLinksAsync(Neo4jGraphStore store)
    {
        var rows = (await store.Client.RunAsync(new Statement(
            "MATCH (n:Name) OPTIONAL MATCH (n)-[:HAS]->(g:Gram) WITH n, collect(g.key) AS grams RETURN n.grams AS words, grams"), CancellationToken.None)).Rows;
        Assert.True(rows.Count > 10, $"only {rows.Count} names");
        foreach (var row in rows)
        {
            Assert.NotNull(row[0].GetString());
            var words = row[0].GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
            // The documented encoding of a gram as a word: ':' and spaces as '_'.
            var linked = row[1].EnumerateArray().Select(g => g.GetString()!.Replace(':', '_').Replace(' ', '_')).Order(StringComparer.Ordinal);
            Assert.Equal(linked, words);
        }
    }

    private static Task RunAsync(Neo4jGraphStore store, string cypher) =>
        store.Client.RunAsync(new Statement(cypher), CancellationToken.None);
}
