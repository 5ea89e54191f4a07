using GraphIntel.Graph.Model;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// Migration 9 on the real server: entities stored with the old listing key (the folded name alone, which Neo4j
/// orders by UTF-16 code unit) get the code point key when the store is initialized, in batches, so their listing
/// is in code point order again.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jSortKeyBackfillTests
{
    [StoreFact]
    public async Task Entities_stored_with_the_old_listing_key_are_listed_in_code_point_order_after_the_backfill()
    {
        var options = Neo4jTestDatabase.Options();
        options.WriteBatchSize = 2;
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync(options);
        await store.ApplyAsync(WholeGraph, Context);
        // U+FF5A (fullwidth z) comes before U+1D538 (𝔸) and U+1F600 in code points, after them in UTF-16 code units.
        string[] names = ["\U0001F600 band", "\U0001D538 band", "\uFF5A band"];
        await store.ApplyAsync(new ChangeSet
        {
            Entities = names.Select((n, i) => new Entity($"person/backfill-{i}", EntityKind.Person, n, [], [CiteAlpha("Mahdi Arsalan led Jamaat Ansarullah")])).ToList(),
        }, Context);
        await store.Client.RunAsync(new Statement("MATCH (e:Entity) SET e.sortKey = e.name"), CancellationToken.None);
        await store.Client.RunAsync(new Statement("MATCH (m:Migration {version: 9}) DELETE m"), CancellationToken.None);
        Assert.Equal(["person/backfill-1", "person/backfill-0", "person/backfill-2"], await ListedAsync(store)); // the UTF-16 order

        await store.InitializeAsync();

        Assert.Equal(["person/backfill-2", "person/backfill-1", "person/backfill-0"], await ListedAsync(store));
    }

    private static async Task<IReadOnlyList<string>> ListedAsync(Neo4jGraphStore store) =>
        (await store.ListEntitiesAsync(new EntityQuery { Kinds = [EntityKind.Person], NameContains = "band", First = 10 })).Items.Select(e => e.Id).ToList();
}
