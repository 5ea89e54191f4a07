using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Stores;

/// <summary>
/// Creates the store <see cref="GraphStoreOptions"/> select: the embedded SQLite store (a file under the data
/// directory, created if missing) or Neo4j over HTTP. The one place both backends are wired, for the API and the
/// seed CLI alike; the caller initializes (migrates) and disposes the store.
/// </summary>
public static class GraphStoreFactory
{
    /// <exception cref="GraphStoreException">The options are unusable (unknown backend, malformed Neo4j URL); the message names the setting.</exception>
    public static IGraphStore Create(GraphStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem) throw new GraphStoreException(problem, isTransient: false);
        var time = timeProvider ?? TimeProvider.System;
        if (IsNeo4j(options)) return new Neo4jGraphStore(Neo4jOptions.From(options.Neo4j), time);
        Directory.CreateDirectory(options.DataDirectory);
        return new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = options.EmbeddedDatabasePath, TimeProvider = time });
    }

    /// <summary>A one-line description of where the store lives, for start-up messages.</summary>
    public static string Describe(GraphStoreOptions options) =>
        IsNeo4j(options)
            ? $"Neo4j at {options.Neo4j.Url} (database {options.Neo4j.Database})"
            : $"embedded store at {Path.GetFullPath(options.EmbeddedDatabasePath)}";

    private static bool IsNeo4j(GraphStoreOptions options) =>
        string.Equals(options.Backend, GraphStoreOptions.Neo4jBackend, StringComparison.OrdinalIgnoreCase);
}
