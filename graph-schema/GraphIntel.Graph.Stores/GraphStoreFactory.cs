using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Stores;

/// <summary>
/// Creates the store <see cref="GraphStoreOptions"/> select: the embedded SQLite store (a file under the data
/// directory, created if missing) or Neo4j over HTTP. The one place both backends are wired; the caller
/// initializes (migrates) and disposes the store.
/// </summary>
public static class GraphStoreFactory
{
    public static IGraphStore Create(GraphStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        var time = timeProvider ?? TimeProvider.System;
        if (string.Equals(options.Backend, GraphStoreOptions.Neo4jBackend, StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(options.Neo4j.Url, UriKind.Absolute, out var url))
                throw new ArgumentException($"'{options.Neo4j.Url}' is not an absolute URL ({GraphStoreOptions.Neo4jUrlVariable})", nameof(options));
            return new Neo4jGraphStore(new Neo4jOptions
            {
                Url = url,
                User = options.Neo4j.Password is null ? null : options.Neo4j.User,
                Password = options.Neo4j.Password,
                Database = options.Neo4j.Database,
            }, time);
        }
        Directory.CreateDirectory(options.DataDirectory);
        return new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = options.EmbeddedDatabasePath, TimeProvider = time });
    }

    /// <summary>A one-line description of where the store lives, for start-up messages.</summary>
    public static string Describe(GraphStoreOptions options) =>
        string.Equals(options.Backend, GraphStoreOptions.Neo4jBackend, StringComparison.OrdinalIgnoreCase)
            ? $"Neo4j at {options.Neo4j.Url} (database {options.Neo4j.Database})"
            : $"embedded store at {Path.GetFullPath(options.EmbeddedDatabasePath)}";
}
