using GraphIntel.Benchmarks.Graph;
using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Embedded.Migrations;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Embedded.Tests;

/// <summary>What only the embedded store has: its file, its migrations, its transactions and its retry pipeline.</summary>
public sealed class EmbeddedGraphStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DatabasePath => _directory.File("graph.db");

    private EmbeddedGraphStore NewStore(TimeSpan? operationTimeout = null, int maxRetries = 6) => new(new EmbeddedStoreOptions
    {
        DatabasePath = DatabasePath,
        OperationTimeout = operationTimeout ?? TimeSpan.FromSeconds(30),
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
    });

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Initialize_creates_the_file_in_wal_mode_and_records_each_migration_once()
    {
        await using (var store = NewStore())
        {
            await store.InitializeAsync();
            await store.InitializeAsync();
        }
        await using (var again = NewStore()) await again.InitializeAsync();

        await using var connection = RawDatabase.Open(DatabasePath);
        Assert.Equal("wal", connection.Scalar("PRAGMA journal_mode"));
        Assert.Equal((long)SchemaMigrations.All.Count, connection.Scalar("SELECT count(*) FROM schema_version"));
        Assert.Equal((long)SchemaMigrations.All[^1].Version, connection.Scalar("SELECT max(version) FROM schema_version"));
        foreach (var table in new[] { "sources", "entities", "names", "relationships", "estimates", "citations", "merges", "audit" })
            Assert.Equal(1L, connection.Scalar($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"));
    }

    [Fact]
    public async Task A_migration_step_moves_the_write_generation_in_its_own_transaction()
    {
        await using (var store = NewStore()) await store.InitializeAsync();
        long Generation(SqliteConnection c) => (long)c.Scalar("SELECT value FROM write_generation WHERE id = 1")!;
        using var connection = RawDatabase.Open(DatabasePath);
        var before = Generation(connection);
        var next = SchemaMigrations.All[^1].Version + 1;

        Migrator.Migrate(connection, [new Migration(next, "a backfill", "UPDATE sources SET title = title")], DateTimeOffset.UnixEpoch);
        Assert.Equal(before + 1, Generation(connection));

        Assert.Throws<InvalidOperationException>(() =>
            Migrator.Migrate(connection, [new Migration(next + 1, "broken", "UPDATE sources SET title = title; SELECT * FROM no_such_table")], DateTimeOffset.UnixEpoch));
        Assert.Equal(before + 1, Generation(connection)); // nothing of the failed step stays
    }

    [Fact]
    public void Migrator_applies_only_steps_newer_than_the_database()
    {
        using var connection = RawDatabase.Open(DatabasePath);
        var steps = new List<Migration> { new(1, "one", "CREATE TABLE t1 (x INTEGER)") };
        var now = DateTimeOffset.UnixEpoch;

        Assert.Equal([1], Migrator.Migrate(connection, steps, now));
        Assert.Empty(Migrator.Migrate(connection, steps, now));
        steps.Add(new Migration(2, "two", "ALTER TABLE t1 ADD COLUMN y TEXT"));
        Assert.Equal([2], Migrator.Migrate(connection, steps, now));
        Assert.Equal(2, Migrator.CurrentVersion(connection));
    }

    [Fact]
    public void A_failing_migration_rolls_back_and_says_which_one()
    {
        using var connection = RawDatabase.Open(DatabasePath);
        var steps = new List<Migration> { new(1, "good", "CREATE TABLE t1 (x INTEGER)"), new(2, "broken", "CREATE TABLE t2 (x INTEGER); CREATE TABLE t1 (x INTEGER)") };

        var error = Assert.Throws<InvalidOperationException>(() => Migrator.Migrate(connection, steps, DateTimeOffset.UnixEpoch));

        Assert.Contains("migration 2 (broken)", error.Message);
        Assert.Equal(1, Migrator.CurrentVersion(connection));
        Assert.Equal(0L, connection.Scalar("SELECT count(*) FROM sqlite_master WHERE name = 't2'"));
    }

    [Fact]
    public async Task A_failure_inside_the_transaction_leaves_the_store_as_it_was()
    {
        await using var store = NewStore();
        await store.InitializeAsync();
        await store.ApplyAsync(WholeGraph, Context);
        var before = RecordJson.Serialize(await store.ExportAsync());
        var auditBefore = (await store.GetAuditAsync(new AuditQuery { First = 1000 })).Count;
        var generationBefore = await store.GetWriteGenerationAsync();
        _ = await store.FindPathsAsync(Kib, Ttt, RelationshipFilter.Default, 6, 5); // build the in-memory index first
        await using (var connection = RawDatabase.Open(DatabasePath))
        {
            // The change set is valid; the database refuses its last relationship half-way through the write.
            connection.Execute("""
                CREATE TRIGGER refuse_boom BEFORE INSERT ON relationships WHEN NEW.id = 'rel/boom'
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                """);
        }
        var changes = new ChangeSet
        {
            Entities = [new Entity("org/new", EntityKind.Organization, "New Front", [], [CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition")]) { OrganizationKind = OrganizationKind.ArmedGroup }],
            Relationships =
            [
                new Relationship("rel/fine", RelationshipType.AlliedWith, "org/new", Kib, Validity.Unknown, ClaimStatus.Asserted, [CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition")]),
                new Relationship("rel/boom", RelationshipType.AlliedWith, "org/new", Ttt, Validity.Unknown, ClaimStatus.Asserted, [CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition")]),
            ],
            Retractions = [KibUnderIsisK],
        };

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => store.ApplyAsync(changes, Editor()));

        Assert.Contains("injected failure", error.Message);
        Assert.False(error.IsTransient);
        Assert.Equal(before, RecordJson.Serialize(await store.ExportAsync()));
        Assert.Equal(auditBefore, (await store.GetAuditAsync(new AuditQuery { First = 1000 })).Count);
        Assert.Equal(generationBefore, await store.GetWriteGenerationAsync()); // rolled back with the write
        Assert.Empty(await store.FindByNameAsync("New Front"));
        Assert.Equal(3, (await store.FindPathsAsync(Kib, Ttt, RelationshipFilter.Default, 3, 10)).Count);
    }

    [Fact]
    public async Task A_bulk_load_rebuilds_every_index_and_a_failed_one_keeps_them()
    {
        await using var store = NewStore();
        await store.InitializeAsync();
        var indexes = Indexes();
        var graph = SyntheticGraph.Generate(new SyntheticGraphOptions { Entities = 5_000, Relationships = BulkIndexes.Threshold, Seed = 11 });
        await using (var connection = RawDatabase.Open(DatabasePath))
        {
            connection.Execute("""
                CREATE TRIGGER refuse_last BEFORE INSERT ON relationships WHEN NEW.id = 'rel/r49999'
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                """);
        }

        await Assert.ThrowsAsync<GraphStoreException>(() => store.ApplyAsync(graph.ChangeSet, Editor()));
        Assert.Equal(indexes, Indexes());
        Assert.Empty(await store.ListSourcesAsync());

        await using (var connection = RawDatabase.Open(DatabasePath)) connection.Execute("DROP TRIGGER refuse_last");
        var summary = await store.ApplyAsync(graph.ChangeSet, Editor());

        Assert.Equal(BulkIndexes.Threshold, summary[RecordKinds.Relationship].Created);
        Assert.Equal(indexes, Indexes());
        var someone = graph.Entities[1234];
        Assert.Equal(someone.Id, (await store.FindByNameAsync(someone.Name))[0].Entity.Id);
    }

    private List<string> Indexes()
    {
        using var connection = RawDatabase.Open(DatabasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
        using var rows = command.ExecuteReader();
        var result = new List<string>();
        while (rows.Read()) result.Add(rows.GetString(0));
        return result;
    }

    [Fact]
    public async Task Reopening_the_file_finds_everything_written()
    {
        await using (var store = NewStore())
        {
            await store.InitializeAsync();
            await store.ApplyAsync(WholeGraph, Context);
            await store.ApplyAsync(new ChangeSet { Retractions = [KibAlliedTaliban] }, Editor());
        }
        await using var reopened = NewStore();
        await reopened.InitializeAsync();

        Assert.Equal(Kib, (await reopened.FindByNameAsync("Khatiba Imam Al-Buhari"))[0].Entity.Id);
        Assert.Equal(ClaimStatus.Retracted, (await reopened.GetRelationshipsByIdAsync([KibAlliedTaliban]))[KibAlliedTaliban].Status);
        Assert.Equal(2 + Entities.Count + Relationships.Count + StrengthEstimates.Count + 1, (await reopened.GetAuditAsync(new AuditQuery { First = 1000 })).Count);
        Assert.Equal(4, (await reopened.FindPathsAsync(Kib, Ttt, RelationshipFilter.Default, 6, 10)).Count);
    }

    [Fact]
    public async Task Operations_before_initialize_say_so()
    {
        await using var store = NewStore();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetEntitiesAsync([Ja]));
        Assert.Contains("InitializeAsync", error.Message);
    }

    [Fact]
    public async Task A_database_locked_by_another_writer_is_retried_then_reported_as_transient()
    {
        await using var store = NewStore(maxRetries: 2);
        await store.InitializeAsync();
        await using var blocker = RawDatabase.Open(DatabasePath);
        blocker.Execute("BEGIN IMMEDIATE");

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => store.ApplyAsync(WholeGraph, Context));
        Assert.True(error.IsTransient, error.Message);
        Assert.Contains(DatabasePath, error.Message);

        blocker.Execute("ROLLBACK");
        var summary = await store.ApplyAsync(WholeGraph, Context);
        Assert.Equal(Entities.Count, summary[RecordKinds.Entity].Created);
    }

    [Fact]
    public async Task Readers_run_alongside_a_writer()
    {
        await using var store = NewStore();
        await store.InitializeAsync();
        await store.ApplyAsync(WholeGraph, Context);

        var reads = Enumerable.Range(0, 40).Select(async i =>
        {
            await Task.Yield();
            return i % 2 == 0
                ? (await store.FindByNameAsync("IS-K"))[0].Entity.Id
                : (await store.GetLineageAsync(Ttt, LineageDirection.Ancestors, RelationshipFilter.Default, 2)).Nodes[0].Id;
        }).ToList();
        var writes = Enumerable.Range(0, 4).Select(i => store.ApplyAsync(new ChangeSet
        {
            Entities = [new Entity($"place/p{i}", EntityKind.Place, $"Place {i}", [], [CiteAlpha("Badakhshan is a province")])],
        }, Editor()));

        await Task.WhenAll(writes);
        var results = await Task.WhenAll(reads);
        Assert.All(results, id => Assert.True(id is IsisK or Ttt, id));
        Assert.Equal(4, (await store.ListEntitiesAsync(new EntityQuery { NameContains = "place " })).TotalCount);
    }

    private static WriteContext Editor() => new("editor", "test", new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero));
}
