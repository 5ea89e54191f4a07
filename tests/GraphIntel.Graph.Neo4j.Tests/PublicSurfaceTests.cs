using GraphIntel.Graph.Neo4j.Export;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// The Neo4j backend shows other projects only what they use: the store, its options (with their protocol choice) and pipeline factory (the chooser
/// composes them) and the Cypher and neo4j-admin exports (the seed CLI writes them). Its HTTP client, statements and rows stay internal.
/// </summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void Only_the_store_its_options_its_pipeline_and_the_export_are_public()
    {
        string[] allowed =
        [
            typeof(Neo4jGraphStore).FullName!, typeof(Neo4jOptions).FullName!, typeof(Neo4jProtocol).FullName!, typeof(Neo4jResilience).FullName!, typeof(CypherScript).FullName!,
            typeof(Neo4jAdminCsv).FullName!, typeof(Neo4jAdminCsv.Result).FullName!,
        ];
        var exported = typeof(Neo4jGraphStore).Assembly.GetExportedTypes().Select(t => t.FullName!);
        Assert.Equal(allowed.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
    }
}
