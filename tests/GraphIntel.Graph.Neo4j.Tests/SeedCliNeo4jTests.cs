using GraphIntel.Graph.Stores;
using GraphIntel.Seed.Tests;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>The seed CLI against the real Neo4j, selected by the environment as a deployment would (GRAPHINTEL_STORE=neo4j).</summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class SeedCliNeo4jTests : IDisposable
{
    private readonly TempDataset _dataset = new();

    private static Dictionary<string, string> Environment => new()
    {
        [GraphStoreOptions.StoreVariable] = GraphStoreOptions.Neo4jBackend,
        [Neo4jOptions.UrlVariable] = Neo4jTestServer.Url!.ToString(),
    };

    public void Dispose() => _dataset.Dispose();

    [StoreFact]
    public async Task Load_with_the_neo4j_store_writes_the_data_set_to_Neo4j_and_a_second_load_changes_nothing()
    {
        await Neo4jTestDatabase.ResetAsync();

        var first = await SeedCliRunner.RunAsync(Environment, "load", "--seed-dir", _dataset.Root);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        var second = await SeedCliRunner.RunAsync(Environment, "load", "--seed-dir", _dataset.Root, "--store", "neo4j");
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.Contains("Nothing changed", second.Output);

        await using var neo4j = new Neo4jGraphStore(Neo4jTestDatabase.Options());
        var snapshot = await neo4j.ExportAsync();
        Assert.Contains(snapshot.Entities, e => e.Id == "org/isis-k");
        Assert.NotEmpty(snapshot.Relationships);
        Assert.Contains(await neo4j.GetAuditAsync(new AuditQuery()), a => a.Actor == "seed");
    }

    [StoreFact]
    public async Task Export_in_cypher_format_writes_a_MERGE_script_of_what_Neo4j_holds()
    {
        await Neo4jTestDatabase.ResetAsync();
        Assert.Equal(0, (await SeedCliRunner.RunAsync(Environment, "load", "--seed-dir", _dataset.Root)).ExitCode);
        var file = Path.Combine(_dataset.Root, "graph.cypher");

        var run = await SeedCliRunner.RunAsync(Environment, "export", "--format", "cypher", "--out", file);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var lines = (await File.ReadAllLinesAsync(file)).Where(l => !l.StartsWith("//", StringComparison.Ordinal) && l.Length > 0).ToList();
        Assert.StartsWith("CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("MERGE (e:Entity {id: 'org/isis-k'}) SET e += {", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.EndsWith(";", l));
    }

    [Fact]
    public async Task An_unusable_Neo4j_URL_is_reported_naming_the_variable()
    {
        var environment = new Dictionary<string, string>
        {
            [GraphStoreOptions.StoreVariable] = GraphStoreOptions.Neo4jBackend,
            [Neo4jOptions.UrlVariable] = "bolt://localhost:7687",
        };
        var run = await SeedCliRunner.RunAsync(environment, "load", "--seed-dir", _dataset.Root);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'bolt://localhost:7687' (GRAPHINTEL_NEO4J_URL) is not an absolute http:// or https:// URL", run.Error);
    }
}
