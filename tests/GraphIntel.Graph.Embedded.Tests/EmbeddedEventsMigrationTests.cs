using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Embedded.Migrations;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Embedded.Tests;

/// <summary>
/// Migration 4 of the embedded store on a file written before it: the entities table's CHECK on kind is widened in
/// place to admit EVENT, and every entity, name and relationship stored before is still there (a table rebuild would
/// have cascaded the names away).
/// </summary>
public sealed class EmbeddedEventsMigrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_store_written_before_events_keeps_its_entities_and_names_and_then_takes_events()
    {
        var path = _directory.File("graph.db");
        await using (var connection = LegacyStore.OpenAt(path, version: 3))
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO entities (id, kind, name, sort_key) VALUES ('place/badakhshan', 'PLACE', 'Badakhshan', 'badakhshan');
                INSERT INTO names (entity_id, ordinal, name, folded, clash_key) VALUES ('place/badakhshan', 0, 'Badakhshan', 'badakhshan', 'BADAKHSHAN');
                """;
            insert.ExecuteNonQuery();
            using var refused = connection.CreateCommand();
            refused.CommandText = "INSERT INTO entities (id, kind, name, sort_key) VALUES ('event/x', 'EVENT', 'x', 'x')";
            Assert.Throws<SqliteException>(() => refused.ExecuteNonQuery());
        }

        await using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path });
        await store.InitializeAsync();

        Assert.Equal("place/badakhshan", Assert.Single(await store.FindByNameAsync("Badakhshan")).Entity.Id);
        var cite = CiteAlpha("Badakhshan is a province in the north-east of Afghanistan.");
        var meeting = new Entity("event/meeting-in-badakhshan", EntityKind.Event, "Meeting in Badakhshan", [], [cite])
        {
            Event = new EventDetails(EventKind.Meeting, DateBound.Parse("[2015..2016]")),
        };
        var occurred = new Relationship("rel/meeting-in-badakhshan", RelationshipType.OccurredIn, meeting.Id, "place/badakhshan",
            new Validity(meeting.Event.Date, meeting.Event.Date), ClaimStatus.Asserted, [cite]);
        await store.ApplyAsync(new ChangeSet { Sources = [AlphaSource], Entities = [meeting], Relationships = [occurred] }, Context);

        Assert.Equal("[2015..2016]", (await store.GetEntitiesAsync([meeting.Id]))[meeting.Id].Event!.Date.ToString());
        await using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var integrity = check.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", integrity.ExecuteScalar());
    }
}
