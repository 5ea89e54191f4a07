using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Stores;

/// <summary>
/// Creates the store <see cref="GraphStoreOptions"/> select: the embedded SQLite store (a file under the data
/// directory, created if missing) or Neo4j over HTTP, each with its resilience pipeline composed here, once, and handed
/// to the store. The one place both backends are wired, for the API and the seed CLI alike; the caller initializes
/// (migrates) and disposes the store.
/// </summary>
public static class GraphStoreFactory
{
    public static IGraphStore Create(GraphStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = timeProvider ?? TimeProvider.System;
        if (options.IsNeo4j) return new Neo4jGraphStore(options.Neo4j, Neo4jResilience.Create(options.Neo4j, time), time);
        return new EmbeddedGraphStore(options.Embedded, SqliteResilience.Create(options.Embedded, time), time);
    }

    /// <summary>A one-line description of where the store lives, for start-up messages.</summary>
    public static string Describe(GraphStoreOptions options) =>
        options.IsNeo4j
            ? $"Neo4j at {options.Neo4j.Url} (database {options.Neo4j.Database})"
            : $"embedded store at {Path.GetFullPath(options.Embedded.DatabasePath)}";
}
