using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Store;
using Microsoft.Extensions.Configuration;

namespace GraphIntel.Graph.Stores.Tests;

/// <summary>
/// How the chooser and each backend read their settings: the choice from GraphStore:Backend or GRAPHINTEL_STORE, then
/// only the chosen backend's own section and variables, every property of it (tuning included), variables over keys.
/// </summary>
public sealed class GraphStoreOptionsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Nothing_configured_is_the_embedded_store_under_data()
    {
        var options = GraphStoreOptions.Bind(configuration: null, Environment());
        Assert.True(options.IsEmbedded);
        Assert.Equal(Path.Combine("./data", "graphintel.db"), options.Embedded.DatabasePath);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Embedded.OperationTimeout);
    }

    [Fact]
    public void Neo4j_tuning_keys_are_bound_not_ignored()
    {
        var options = GraphStoreOptions.Bind(Configuration(
            ("GraphStore:Backend", "neo4j"),
            ("GraphStore:Neo4j:Url", "http://db.example:7474"),
            ("GraphStore:Neo4j:AttemptTimeout", "00:00:03"),
            ("GraphStore:Neo4j:MaxRetryAttempts", "7"),
            ("GraphStore:Neo4j:WriteBatchSize", "500"),
            ("GraphStore:Neo4j:BreakerFailureRatio", "0.25")), Environment());
        Assert.True(options.IsNeo4j);
        Assert.Equal(new Uri("http://db.example:7474"), options.Neo4j.Url);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Neo4j.AttemptTimeout);
        Assert.Equal(7, options.Neo4j.MaxRetryAttempts);
        Assert.Equal(500, options.Neo4j.WriteBatchSize);
        Assert.Equal(0.25, options.Neo4j.BreakerFailureRatio);
    }

    [Fact]
    public void Embedded_tuning_keys_are_bound_and_the_variable_wins_over_the_key()
    {
        var options = GraphStoreOptions.Bind(Configuration(
            ("GraphStore:Embedded:DataDirectory", "/from/settings"),
            ("GraphStore:Embedded:AttemptTimeout", "00:00:02"),
            ("GraphStore:Embedded:BreakerMinimumThroughput", "5")), Environment(("GRAPHINTEL_DATA_DIR", " /from/env ")));
        Assert.Equal("/from/env", options.Embedded.DataDirectory);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Embedded.AttemptTimeout);
        Assert.Equal(5, options.Embedded.BreakerMinimumThroughput);
    }

    [Fact]
    public void Neo4j_variables_win_over_keys_and_a_user_without_a_password_sends_no_credentials()
    {
        var options = GraphStoreOptions.Bind(
            Configuration(("GraphStore:Neo4j:Url", "http://settings:7474"), ("GraphStore:Neo4j:Database", "graph")),
            Environment(("GRAPHINTEL_STORE", "NEO4J"), ("GRAPHINTEL_NEO4J_URL", "https://env:7473"), ("GRAPHINTEL_NEO4J_USER", "reader")));
        Assert.Equal(GraphStoreOptions.Neo4jBackend, options.Backend);
        Assert.Equal(new Uri("https://env:7473"), options.Neo4j.Url);
        Assert.Equal("graph", options.Neo4j.Database);
        Assert.Equal("reader", options.Neo4j.User);
        Assert.Null(options.Neo4j.Password);
    }

    [Fact]
    public void The_other_backends_settings_are_not_read()
    {
        // A broken Neo4j URL must not stop an embedded store from starting (and the reverse).
        var embedded = GraphStoreOptions.Bind(Configuration(("GraphStore:Neo4j:WriteBatchSize", "lots")), Environment(("GRAPHINTEL_NEO4J_URL", "ftp://x")));
        Assert.True(embedded.IsEmbedded);
        var neo4j = GraphStoreOptions.Bind(Configuration(("GraphStore:Embedded:MaxRetries", "many")), Environment(), backend: "neo4j");
        Assert.True(neo4j.IsNeo4j);
    }

    [Theory]
    [InlineData("GraphStore:Neo4j:WriteBatchSize", "lots", "GraphStore:Neo4j:WriteBatchSize")]
    [InlineData("GraphStore:Neo4j:Url", "localhost:7474", "GraphStore:Neo4j:Url")]
    [InlineData("GraphStore:Neo4j:AttemptTimeout", "ten seconds", "GraphStore:Neo4j:AttemptTimeout")]
    public void An_unreadable_neo4j_setting_is_refused_naming_its_key(string key, string value, string named)
    {
        var error = Assert.Throws<GraphStoreException>(() =>
            GraphStoreOptions.Bind(Configuration((key, value)), Environment(), backend: "neo4j"));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void Out_of_range_resilience_settings_are_refused_at_bind_naming_every_key()
    {
        var error = Assert.Throws<GraphStoreException>(() => GraphStoreOptions.Bind(Configuration(
            ("GraphStore:Neo4j:AttemptTimeout", "00:00:00"),
            ("GraphStore:Neo4j:BreakerMinimumThroughput", "1"),
            ("GraphStore:Neo4j:MaxRetryAttempts", "-1")), Environment(), backend: "neo4j"));
        Assert.Equal(
            "GraphStore:Neo4j:AttemptTimeout must be between 00:00:00.0100000 and 1.00:00:00 (got 00:00:00); " +
            "GraphStore:Neo4j:MaxRetryAttempts must be 0 or more (got -1); GraphStore:Neo4j:BreakerMinimumThroughput must be at least 2 (got 1)",
            error.Message);
        Assert.True(GraphStoreOptions.Bind(Configuration(("GraphStore:Embedded:MaxRetries", "0")), Environment()).Embedded.MaxRetries == 0);
    }

    [Fact]
    public void An_unreadable_embedded_setting_is_refused_naming_its_key()
    {
        var error = Assert.Throws<GraphStoreException>(() =>
            GraphStoreOptions.Bind(Configuration(("GraphStore:Embedded:MaxRetries", "many")), Environment()));
        Assert.Contains("GraphStore:Embedded:MaxRetries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_directory_key_of_before_the_backends_had_sections_is_refused_not_ignored()
    {
        var error = Assert.Throws<GraphStoreException>(() =>
            GraphStoreOptions.Bind(Configuration(("GraphStore:DataDirectory", "/srv/graph")), Environment()));
        Assert.Equal("GraphStore:DataDirectory is now GraphStore:Embedded:DataDirectory (or GRAPHINTEL_DATA_DIR); rename the key", error.Message);
    }

    [Fact]
    public void A_neo4j_url_variable_that_is_not_http_names_the_variable()
    {
        var error = Assert.Throws<GraphStoreException>(() =>
            GraphStoreOptions.Bind(null, Environment(("GRAPHINTEL_STORE", "neo4j"), ("GRAPHINTEL_NEO4J_URL", "bolt://localhost:7687"))));
        Assert.StartsWith("the Neo4j URL 'bolt://localhost:7687' (GRAPHINTEL_NEO4J_URL) is not an absolute http:// or https:// URL", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "mongo", "unknown store 'mongo' (GRAPHINTEL_STORE); expected one of embedded, neo4j")]
    [InlineData("sqlite", null, "unknown store 'sqlite' (--store); expected one of embedded, neo4j")]
    public void An_unknown_backend_names_where_it_came_from_and_the_known_ones(string? commandLine, string? variable, string message)
    {
        var environment = variable is null ? Environment() : Environment(("GRAPHINTEL_STORE", variable));
        var error = Assert.Throws<GraphStoreException>(() => GraphStoreOptions.Bind(null, environment, commandLine));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task The_factory_opens_the_embedded_store_the_options_name()
    {
        using var directory = new TempDirectory();
        var options = GraphStoreOptions.Bind(Configuration(("GraphStore:Embedded:DatabasePath", directory.File("named.db"))), Environment());
        await using var store = GraphStoreFactory.Create(options);
        await store.InitializeAsync();
        Assert.Equal(directory.File("named.db"), Assert.IsType<EmbeddedGraphStore>(store).DatabasePath);
        Assert.True(File.Exists(directory.File("named.db")));
        Assert.Equal($"embedded store at {directory.File("named.db")}", GraphStoreFactory.Describe(options));
    }

    [Fact]
    public void A_second_writer_lock_on_one_embedded_store_is_refused_naming_the_holder()
    {
        using var directory = new TempDirectory();
        var options = GraphStoreOptions.ForEmbedded(directory.File("graphintel.db"));
        using var held = StoreWriterLock.Acquire(options, "first holder");
        Assert.StartsWith("first holder (pid ", held.Holder);
        var refused = Assert.Throws<GraphStoreException>(() => StoreWriterLock.Acquire(options, "second holder"));
        Assert.Contains("first holder", refused.Message, StringComparison.Ordinal);
        Assert.Null(StoreWriterLock.Acquire(GraphStoreOptions.ForNeo4j(new Neo4jOptions()), "anyone").Holder);
    }

    /// <summary>A value of <paramref name="type"/> other than <paramref name="current"/>, and its configuration text.</summary>
    private static (object Value, string Text) Another(Type type, object? current) => type switch
    {
        _ when type == typeof(string) => ($"{current}-set", $"{current}-set"),
        _ when type == typeof(int) => ((int)current! + 7, $"{(int)current! + 7}"),
        _ when type == typeof(double) => ((double)current! / 2, ((double)current! / 2).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ when type == typeof(TimeSpan) => ((TimeSpan)current! + TimeSpan.FromSeconds(3), ((TimeSpan)current! + TimeSpan.FromSeconds(3)).ToString("c")),
        _ when type == typeof(Uri) => (new Uri("http://set.example:7474"), "http://set.example:7474"),
        _ when type.IsEnum => (Enum.GetValues(type).Cast<object>().First(v => !v.Equals(current)), $"{Enum.GetValues(type).Cast<object>().First(v => !v.Equals(current))}".ToLowerInvariant()),
        _ => throw new InvalidOperationException($"no test value for {type}: add one here"),
    };

    /// <summary>Every settable property of <typeparamref name="T"/> set through its section, each to a value other than its default.</summary>
    private static (IConfiguration Configuration, Dictionary<string, object> Expected) EverySetting<T>(string section) where T : new()
    {
        var defaults = new T();
        var expected = new Dictionary<string, object>();
        var values = new List<(string, string)>();
        foreach (var property in typeof(T).GetProperties().Where(p => p.SetMethod is { IsPublic: true }))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var (value, text) = Another(type, property.GetValue(defaults) ?? (type == typeof(string) ? "secret" : null));
            expected[property.Name] = value;
            values.Add(($"{section}:{property.Name}", text));
        }
        return (Configuration([.. values]), expected);
    }

    [Theory]
    [InlineData("auto", Neo4jProtocol.Auto)]
    [InlineData("transactional", Neo4jProtocol.Transactional)]
    [InlineData("Query", Neo4jProtocol.Query)]
    public void The_Neo4j_protocol_is_chosen_by_its_key(string text, Neo4jProtocol expected)
    {
        var options = GraphStoreOptions.Bind(Configuration(("GraphStore:Neo4j:Protocol", text)), Environment(), backend: "neo4j");
        Assert.Equal(expected, options.Neo4j.Protocol);
        Assert.Equal(Neo4jProtocol.Auto, new Neo4jOptions().Protocol);
        var error = Assert.Throws<GraphStoreException>(() =>
            GraphStoreOptions.Bind(Configuration(("GraphStore:Neo4j:Protocol", "bolt")), Environment(), backend: "neo4j"));
        Assert.Contains("GraphStore:Neo4j:Protocol", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_neo4j_setting_is_bound_from_its_key()
    {
        var (configuration, expected) = EverySetting<Neo4jOptions>(Neo4jOptions.SectionName);
        var options = GraphStoreOptions.Bind(configuration, Environment(), backend: "neo4j").Neo4j;
        Assert.True(expected.Count >= 16, $"only {expected.Count} settings found");
        foreach (var (name, value) in expected) Assert.Equal(value, typeof(Neo4jOptions).GetProperty(name)!.GetValue(options));
    }

    [Fact]
    public void Every_embedded_setting_is_bound_from_its_key()
    {
        var (configuration, expected) = EverySetting<EmbeddedStoreOptions>(EmbeddedStoreOptions.SectionName);
        var options = GraphStoreOptions.Bind(configuration, Environment()).Embedded;
        Assert.True(expected.Count >= 11, $"only {expected.Count} settings found");
        foreach (var (name, value) in expected) Assert.Equal(value, typeof(EmbeddedStoreOptions).GetProperty(name)!.GetValue(options));
    }
}
