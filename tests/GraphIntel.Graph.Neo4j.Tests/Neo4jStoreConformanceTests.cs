using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// The conformance suite on the real Neo4j (<see cref="Neo4jTestServer"/>; Neo4j 3.1.1 from tests/run). Every store a
/// test asks for starts on an emptied database, so a second store (the export round trip) starts empty too. Reported
/// skipped when no Neo4j is configured.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jStoreConformanceTests : GraphStoreConformanceTests
{
    protected override async Task<IGraphStore> CreateStoreAsync()
    {
        var store = new GraphIntel.Graph.Neo4j.Neo4jGraphStore(Neo4jTestDatabase.Options());
        await Neo4jTestDatabase.WipeAsync(store);
        return store;
    }
}
