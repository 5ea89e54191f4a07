using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Store;
using Microsoft.Extensions.Configuration;

namespace GraphIntel.Graph.Stores;

/// <summary>
/// Which store to use, and the chosen backend's own options. The choice is the configuration key
/// <c>GraphStore:Backend</c> or <see cref="StoreVariable"/>; each backend binds its own section
/// (<see cref="EmbeddedStoreOptions.Bind"/>, <see cref="Neo4jOptions.Bind"/>), and only the chosen one is read, so a
/// setting of the other backend can never stop this one from starting. With nothing configured: the embedded store
/// under <c>./data</c>.
/// </summary>
public sealed class GraphStoreOptions
{
    public const string SectionName = "GraphStore";
    public const string BackendKey = SectionName + ":" + nameof(Backend);
    public const string StoreVariable = "GRAPHINTEL_STORE";

    /// <summary>Where the embedded store's folder was configured before each backend had its own section; refused, not ignored.</summary>
    private const string MovedDataDirectoryKey = SectionName + ":DataDirectory";

    public const string EmbeddedBackend = "embedded";
    public const string Neo4jBackend = "neo4j";
    public static readonly IReadOnlyList<string> Backends = [EmbeddedBackend, Neo4jBackend];

    /// <summary><c>embedded</c> (SQLite file, the default) or <c>neo4j</c>, in lower case.</summary>
    public string Backend { get; private init; } = EmbeddedBackend;

    /// <summary>The embedded store's options (defaults unless it is the chosen backend).</summary>
    public EmbeddedStoreOptions Embedded { get; private init; } = new();

    /// <summary>Neo4j's options (defaults unless it is the chosen backend).</summary>
    public Neo4jOptions Neo4j { get; private init; } = new();

    public bool IsEmbedded => Backend == EmbeddedBackend;
    public bool IsNeo4j => Backend == Neo4jBackend;

    /// <summary>The embedded store at <paramref name="databasePath"/>, with default tuning.</summary>
    public static GraphStoreOptions ForEmbedded(string databasePath) =>
        new() { Embedded = new EmbeddedStoreOptions { DatabasePath = databasePath } };

    /// <summary>Neo4j with <paramref name="options"/>.</summary>
    public static GraphStoreOptions ForNeo4j(Neo4jOptions options) =>
        new() { Backend = Neo4jBackend, Neo4j = options ?? throw new ArgumentNullException(nameof(options)) };

    /// <summary>
    /// The backend <paramref name="backend"/> names (a command-line choice), else <see cref="StoreVariable"/>, else
    /// <see cref="BackendKey"/> of <paramref name="configuration"/>, else embedded; then that backend's options, bound by
    /// the backend from <paramref name="configuration"/> (may be null: no configuration) and <paramref name="getVariable"/>.
    /// </summary>
    /// <exception cref="GraphStoreException">An unknown backend, or a setting of the chosen one that cannot be used; the message names the setting.</exception>
    public static GraphStoreOptions Bind(IConfiguration? configuration, Func<string, string?> getVariable, string? backend = null)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        if (configuration?[MovedDataDirectoryKey] is not null)
        {
            throw new GraphStoreException(
                $"{MovedDataDirectoryKey} is now {EmbeddedStoreOptions.SectionName}:{nameof(EmbeddedStoreOptions.DataDirectory)} (or {EmbeddedStoreOptions.DataDirVariable}); rename the key",
                isTransient: false);
        }
        var chosen = backend ?? StoreSettings.Variable(getVariable, StoreVariable) ?? configuration?[BackendKey] ?? EmbeddedBackend;
        var known = Backends.FirstOrDefault(b => string.Equals(b, chosen.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new GraphStoreException(
                $"unknown store '{chosen}' ({(backend is null ? StoreVariable : "--store")}); expected one of {string.Join(", ", Backends)}",
                isTransient: false);
        return known == Neo4jBackend
            ? new GraphStoreOptions { Backend = known, Neo4j = Neo4jOptions.Bind(configuration, getVariable) }
            : new GraphStoreOptions { Backend = known, Embedded = EmbeddedStoreOptions.Bind(configuration, getVariable) };
    }
}
