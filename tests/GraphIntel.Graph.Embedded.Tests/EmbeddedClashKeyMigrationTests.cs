using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Embedded.Migrations;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Embedded.Tests;

/// <summary>
/// Migration 2 of the embedded store on a file written before it: names stored without clash keys get them, so a
/// Latin look-alike of a name stored back then is refused.
/// </summary>
public sealed class EmbeddedClashKeyMigrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Names_stored_before_clash_keys_get_them_and_their_look_alikes_are_refused()
    {
        var path = _directory.File("graph.db");
        var cyrillic = "\u0408\u0410\u041C"; // confusables.txt: 0408 → 004A (J), 0410 → 0041 (A), 041C → 004D (M)
        await using (var connection = LegacyStore.OpenAt(path, version: 1))
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO entities (id, kind, name, sort_key, org_kind) VALUES ('org/cyrillic', 'ORGANIZATION', $name, $name, 'ARMED_GROUP');
                INSERT INTO names (entity_id, ordinal, name, folded) VALUES ('org/cyrillic', 0, $name, $name);
                """;
            insert.Parameters.AddWithValue("$name", cyrillic);
            insert.ExecuteNonQuery();
        }

        await using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path });
        await store.InitializeAsync();

        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var key = connection.CreateCommand();
            key.CommandText = "SELECT clash_key FROM names WHERE entity_id = 'org/cyrillic'";
            Assert.Equal("JAM", key.ExecuteScalar());
        }
        var latin = new Entity("org/latin", EntityKind.Organization, "Jam", [], [CiteBeta("The Taliban movement dominates Afghanistan.")])
            { OrganizationKind = OrganizationKind.ArmedGroup };
        var refused = await Assert.ThrowsAsync<GraphValidationException>(() =>
            store.ApplyAsync(new ChangeSet { Sources = [BetaSource], Entities = [latin] }, Context));
        Assert.Contains($"'{cyrillic}' of org/cyrillic", Assert.Single(refused.Problems).Message);
    }
}
