using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Neo4j.Http;

namespace GraphIntel.Graph.Testing;

/// <summary>Stores on the test Neo4j (<see cref="Neo4jTestServer"/>), each on a freshly emptied database.</summary>
public static class Neo4jTestDatabase
{
    /// <summary>Removes every node and relationship (schema stays), then initializes a store on the empty database.</summary>
    public static async Task<Neo4jGraphStore> CreateCleanStoreAsync(Neo4jOptions? options = null, TimeProvider? time = null)
    {
        var store = new Neo4jGraphStore(options ?? Options(), time);
        await WipeAsync(store);
        await store.InitializeAsync();
        return store;
    }

    public static Neo4jOptions Options(Uri? url = null) => new()
    {
        Url = url ?? Neo4jTestServer.Url ?? throw new InvalidOperationException(Neo4jTestServer.MissingReason),
    };

    /// <summary>Empties the shared test database, for tests that then reach it through other means (the seed CLI).</summary>
    public static async Task ResetAsync()
    {
        await using var store = new Neo4jGraphStore(Options());
        await WipeAsync(store);
    }

    /// <summary>Deletes every node and relationship; constraints and indexes stay (migrations re-record themselves).</summary>
    public static Task WipeAsync(Neo4jGraphStore store) =>
        store.Client.RunAsync(new Statement("MATCH (n) DETACH DELETE n"), CancellationToken.None);
}
