using GraphIntel.Graph.Model;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// Migration 6 on the real server: relationships and entities written before time profiles (the old overlap days
/// fromStart/toEnd, foundedStart/dissolvedEnd) get their profiles in batches, and read exactly as freshly written ones.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jTimeProfileBackfillTests
{
    private const int BackfillVersion = 6;

    [StoreFact]
    public async Task Facts_and_entities_stored_with_the_old_days_get_profiles_and_read_as_written_fresh()
    {
        var options = Neo4jTestDatabase.Options();
        options.WriteBatchSize = 3;
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync(options);
        await store.ApplyAsync(WholeGraph, Context);
        var filters = new[] { "2010", "2014-06-30", "2015", "2015-06", "2021-10" }
            .SelectMany(d => Enum.GetValues<TemporalCertainty>().Select(c => new RelationshipFilter { AsOf = PartialDate.Parse(d), Certainty = c }))
            .ToArray();
        var ids = Entities.Select(e => e.Id).ToArray();
        async Task<string> Answers()
        {
            var parts = new List<string>();
            foreach (var f in filters)
            {
                var byEntity = await store.GetRelationshipsAsync(ids, f);
                parts.Add(string.Join(",", byEntity.Values.SelectMany(rs => rs.Select(r => r.Id)).Distinct().Order(StringComparer.Ordinal)));
                var active = await store.ListEntitiesAsync(new EntityQuery { ActiveAt = f.AsOf, Certainty = f.Certainty, First = 100 });
                parts.Add(string.Join(",", active.Items.Select(e => e.Id)));
            }
            return string.Join("\n", parts);
        }
        var fresh = await Answers();

        // Back to the pre-migration shape: the old days, no profiles, no attested.
        await RunAsync(store, "MATCH ()-[r:REL]->() SET r.fromStart = coalesce(r.possibleStart, '0001-01-01'), r.toEnd = r.possibleEnd " +
                              "REMOVE r.possibleStart, r.possibleEnd, r.coreStart, r.coreEnd, r.evidence, r.attested");
        await RunAsync(store, "MATCH (e:Entity) SET e.foundedStart = coalesce(e.possibleStart, '0001-01-01'), e.dissolvedEnd = e.possibleEnd " +
                              "REMOVE e.possibleStart, e.possibleEnd, e.coreStart, e.coreEnd, e.evidence");
        await RunAsync(store, $"MATCH (m:Migration {{version: {BackfillVersion}}}) DELETE m");
        Assert.NotEqual(fresh, await Answers());

        await store.InitializeAsync();

        Assert.Equal(0, await CountAsync(store, "MATCH ()-[r:REL]->() WHERE r.fromStart IS NOT NULL OR r.toEnd IS NOT NULL RETURN count(r) AS n"));
        Assert.Equal(0, await CountAsync(store, "MATCH (e:Entity) WHERE e.foundedStart IS NOT NULL OR e.dissolvedEnd IS NOT NULL RETURN count(e) AS n"));
        Assert.Equal(fresh, await Answers());
    }

    [Fact]
    public void The_backfill_is_migration_6()
    {
        var backfill = Assert.Single(SchemaStatements.Migrations, m => m.Data == DataMigration.SetTimeProfiles);
        Assert.Equal(BackfillVersion, backfill.Version);
    }

    private static async Task<long> CountAsync(Neo4jGraphStore store, string cypher) =>
        (await store.Client.RunAsync(new Statement(cypher), CancellationToken.None)).Rows[0][0].GetInt64();

    private static Task RunAsync(Neo4jGraphStore store, string cypher) =>
        store.Client.RunAsync(new Statement(cypher), CancellationToken.None);
}
