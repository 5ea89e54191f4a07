using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Store;

namespace GraphIntel.Seed.Stores;

/// <summary>Creates the store <see cref="GraphStoreOptions"/> select. The caller initializes and disposes it.</summary>
public static class GraphStoreFactory
{
    public static IGraphStore Create(GraphStoreOptions options)
    {
        if (options.Problem() is { } problem) throw new SeedException(problem);
        return options.Backend.ToLowerInvariant() switch
        {
            GraphStoreOptions.Neo4jBackend => CreateNeo4j(options.Neo4j),
            _ => new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = options.EmbeddedDatabasePath }),
        };
    }

    /// <summary>The one place the Neo4j backend (graph-schema/GraphIntel.Graph.Neo4j) is wired in.</summary>
    private static IGraphStore CreateNeo4j(Neo4jStoreOptions options) => new Neo4jGraphStore(Neo4jOptions.From(options));
}
