namespace GraphIntel.Graph.Store;

/// <summary>
/// Which store to use and how to reach it. A plain options class: bind it by name from configuration (section
/// <see cref="SectionName"/>) or from the environment with <see cref="FromEnvironment"/>. With no configuration
/// at all it selects the embedded store under <c>./data</c>.
/// </summary>
public sealed class GraphStoreOptions
{
    public const string SectionName = "GraphStore";

    public const string EmbeddedBackend = "embedded";
    public const string Neo4jBackend = "neo4j";
    public static readonly IReadOnlyList<string> Backends = [EmbeddedBackend, Neo4jBackend];

    public const string StoreVariable = "GRAPHINTEL_STORE";
    public const string DataDirVariable = "GRAPHINTEL_DATA_DIR";
    public const string Neo4jUrlVariable = "GRAPHINTEL_NEO4J_URL";
    public const string Neo4jUserVariable = "GRAPHINTEL_NEO4J_USER";
    public const string Neo4jPasswordVariable = "GRAPHINTEL_NEO4J_PASSWORD";
    public const string Neo4jDatabaseVariable = "GRAPHINTEL_NEO4J_DATABASE";

    /// <summary><c>embedded</c> (SQLite file, the default) or <c>neo4j</c>.</summary>
    public string Backend { get; set; } = EmbeddedBackend;

    /// <summary>Where the embedded store keeps its file.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The embedded store's database file name inside <see cref="DataDirectory"/>.</summary>
    public const string EmbeddedDatabaseFileName = "graphintel.db";

    /// <summary>The embedded store's database file: <see cref="DataDirectory"/>/<see cref="EmbeddedDatabaseFileName"/>.</summary>
    public string EmbeddedDatabasePath => Path.Combine(DataDirectory, EmbeddedDatabaseFileName);

    public Neo4jStoreOptions Neo4j { get; set; } = new();

    /// <summary>Options from <c>GRAPHINTEL_*</c> variables; unset ones keep their defaults.</summary>
    public static GraphStoreOptions FromEnvironment(Func<string, string?> getVariable)
    {
        var options = new GraphStoreOptions();
        options.ApplyEnvironment(getVariable);
        return options;
    }

    /// <summary>Overrides the properties whose <c>GRAPHINTEL_*</c> variable is set (and not blank).</summary>
    public void ApplyEnvironment(Func<string, string?> getVariable)
    {
        string? Get(string name) => getVariable(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        Backend = Get(StoreVariable) ?? Backend;
        DataDirectory = Get(DataDirVariable) ?? DataDirectory;
        Neo4j.Url = Get(Neo4jUrlVariable) ?? Neo4j.Url;
        Neo4j.User = Get(Neo4jUserVariable) ?? Neo4j.User;
        Neo4j.Password = Get(Neo4jPasswordVariable) ?? Neo4j.Password;
        Neo4j.Database = Get(Neo4jDatabaseVariable) ?? Neo4j.Database;
    }

    /// <summary>Null when the options can be used; else what is wrong, naming the variable to fix.</summary>
    public string? Problem() =>
        Backends.Contains(Backend, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"unknown store '{Backend}' ({StoreVariable}); expected one of {string.Join(", ", Backends)}";
}

/// <summary>How to reach a Neo4j server over its HTTP endpoint.</summary>
public sealed class Neo4jStoreOptions
{
    public string Url { get; set; } = "http://localhost:7474";
    public string User { get; set; } = "neo4j";
    /// <summary>Null when the server runs without authentication.</summary>
    public string? Password { get; set; }
    public string Database { get; set; } = "neo4j";
}
