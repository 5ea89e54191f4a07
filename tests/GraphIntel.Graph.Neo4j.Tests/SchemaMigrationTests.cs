using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>Which schema syntax each server version gets.</summary>
public sealed class SchemaStatementsTests
{
    [Theory]
    [InlineData("3.1.1")]
    [InlineData("3.5.35")]
    [InlineData("4.3.0")]
    public void Servers_before_4_4_get_the_legacy_ON_ASSERT_syntax(string version)
    {
        var statements = SchemaStatements.Migrations.SelectMany(m => m.For(Neo4jVersion.Parse(version))).ToList();
        Assert.Contains("CREATE CONSTRAINT ON (n:Entity) ASSERT n.id IS UNIQUE", statements);
        Assert.Contains("CREATE INDEX ON :Citation(sourceId)", statements);
        Assert.DoesNotContain(statements, s => s.Contains("IF NOT EXISTS", StringComparison.Ordinal) || s.Contains("REQUIRE", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Contains("FULLTEXT", StringComparison.Ordinal));
        Assert.False(SchemaStatements.UsesFulltextNames(Neo4jVersion.Parse(version)));
        Assert.Equal(Statements.NameFuzzyCandidatesByGrams, Statements.NameFuzzyCandidatesFor(Neo4jVersion.Parse(version)));
    }

    [Theory]
    [InlineData("4.4.0")]
    [InlineData("5.20.0")]
    [InlineData("2025.01.0")]
    public void Servers_from_4_4_get_named_idempotent_FOR_REQUIRE_statements(string version)
    {
        var statements = SchemaStatements.Migrations.SelectMany(m => m.For(Neo4jVersion.Parse(version))).ToList();
        Assert.Contains("CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE", statements);
        Assert.Contains("CREATE INDEX citation_sourceid IF NOT EXISTS FOR (n:Citation) ON (n.sourceId)", statements);
        // Every index or constraint is named and idempotent; the one procedure call waits for the full-text index.
        Assert.All(statements.Where(s => !s.StartsWith("CALL ", StringComparison.Ordinal)), s => Assert.Contains(" IF NOT EXISTS FOR ", s));
        Assert.Equal(["CALL db.awaitIndex('name_grams', 300)"], statements.Where(s => s.StartsWith("CALL ", StringComparison.Ordinal)));
        Assert.DoesNotContain(statements, s => s.Contains(" ON (n:", StringComparison.Ordinal) || s.Contains("ASSERT", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.StartsWith("CREATE FULLTEXT INDEX name_grams IF NOT EXISTS FOR (n:Name) ON EACH [n.grams]", StringComparison.Ordinal));
        Assert.True(SchemaStatements.UsesFulltextNames(Neo4jVersion.Parse(version)));
        Assert.Equal(Statements.NameFuzzyCandidates, Statements.NameFuzzyCandidatesFor(Neo4jVersion.Parse(version)));
    }

    [Fact]
    public void Every_migration_has_the_same_statements_in_both_syntaxes_and_versions_increase()
    {
        // Except migration 8: the full-text index of names exists on 4.4+ only (3.x–4.3 search names through (:Gram)s).
        Assert.All(SchemaStatements.Migrations.Where(m => m.Version != 8), m => Assert.Equal(m.Legacy.Count, m.Modern.Count));
        var fulltext = Assert.Single(SchemaStatements.Migrations, m => m.Version == 8);
        Assert.Empty(fulltext.Legacy);
        Assert.Equal(DataMigration.SetNameGramWords, fulltext.Data);
        var versions = SchemaStatements.Migrations.Select(m => m.Version).ToList();
        Assert.Equal(versions.Order().Distinct(), versions);
    }

    [Fact]
    public void An_unreadable_server_version_is_an_error_that_quotes_it()
    {
        var error = Assert.Throws<GraphStoreException>(() => Neo4jVersion.Parse("dev"));
        Assert.Contains("'dev'", error.Message);
    }
}

/// <summary>Migrations on the real server: recorded, idempotent, and the constraints they create hold.</summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jMigrationTests
{
    [StoreFact]
    public async Task Initializing_records_every_migration_once_and_running_again_changes_nothing()
    {
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync();
        await store.InitializeAsync();
        await store.InitializeAsync();
        var recorded = await store.Client.RunAsync(
            new Statement("MATCH (m:Migration) RETURN m.version AS version, m.name AS name, m.appliedAt AS at ORDER BY version"), CancellationToken.None);
        Assert.Equal(SchemaStatements.Migrations.Select(m => m.Version), recorded.Rows.Select(r => r[0].GetInt32()));
        Assert.Equal(SchemaStatements.Migrations.Select(m => m.Name), recorded.Rows.Select(r => r[1].GetString()));
        Assert.All(recorded.Rows, r => Assert.True(DateTimeOffset.TryParse(r[2].GetString(), out _), r[2].ToString()));
    }

    [StoreFact]
    public async Task The_unique_id_constraint_refuses_a_second_entity_with_the_same_id()
    {
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync();
        await store.Client.RunAsync(new Statement("CREATE (:Entity {id: 'org/dup'})"), CancellationToken.None);
        var error = await Assert.ThrowsAsync<Neo4jServerException>(() =>
            store.Client.RunAsync(new Statement("CREATE (:Entity {id: 'org/dup'})"), CancellationToken.None));
        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", error.Code);
        Assert.False(error.IsTransient);
    }

    [StoreFact]
    public async Task The_server_version_is_discovered_and_selects_the_legacy_syntax_on_3_1()
    {
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync();
        var version = store.Client.ServerVersion;
        Assert.NotNull(version);
        var health = await store.CheckHealthAsync();
        Assert.True(health.Available, health.Detail);
        Assert.Contains($"Neo4j {version}", health.Detail);
        if (version!.Value.Major == 3)
            Assert.Equal(SchemaStatements.Migrations[0].Legacy, SchemaStatements.Migrations[0].For(version.Value));
    }
}
