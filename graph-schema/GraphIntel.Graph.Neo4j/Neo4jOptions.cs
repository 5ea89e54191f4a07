using GraphIntel.Graph.Store;
using Microsoft.Extensions.Configuration;

namespace GraphIntel.Graph.Neo4j;

/// <summary>
/// How to reach Neo4j and how patient to be with it. Bound from the configuration section <see cref="SectionName"/>
/// (every property), then the <c>GRAPHINTEL_NEO4J_*</c> variables (the connection), by <see cref="Bind"/>.
/// </summary>
public sealed class Neo4jOptions
{
    public const string SectionName = "GraphStore:Neo4j";
    public const string UrlVariable = "GRAPHINTEL_NEO4J_URL";
    public const string UserVariable = "GRAPHINTEL_NEO4J_USER";
    public const string PasswordVariable = "GRAPHINTEL_NEO4J_PASSWORD";
    public const string DatabaseVariable = "GRAPHINTEL_NEO4J_DATABASE";

    /// <summary>The server's HTTP root, e.g. http://localhost:7474. Discovery (GET /) finds the transaction endpoint.</summary>
    public Uri Url { get; set; } = new("http://localhost:7474");
    /// <summary>The user to authenticate as; sent only with a <see cref="Password"/>.</summary>
    public string User { get; set; } = "neo4j";
    /// <summary>Null when the server runs without authentication: then no credentials are sent.</summary>
    public string? Password { get; set; }
    /// <summary>The database on Neo4j 4+ (ignored by 3.x, which has one).</summary>
    public string Database { get; set; } = "neo4j";
    /// <summary>
    /// Which of Neo4j's HTTP protocols to speak: <see cref="Neo4jProtocol.Auto"/> (the default) lets discovery choose,
    /// the others force one (see <see cref="Neo4jProtocol"/>).
    /// </summary>
    public Neo4jProtocol Protocol { get; set; } = Neo4jProtocol.Auto;
    /// <summary>Upper bound for one store operation, retries included.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Upper bound for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public int MaxRetryAttempts { get; set; } = 3;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    /// <summary>How long the circuit stays open once it breaks; then one trial call decides whether it closes.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>The share of failed attempts within <see cref="BreakerSamplingDuration"/> that breaks the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;
    /// <summary>Attempts needed within <see cref="BreakerSamplingDuration"/> before the circuit may break.</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Rows per UNWIND batch on writes.</summary>
    public int WriteBatchSize { get; set; } = 2_000;
    /// <summary>
    /// Statements per HTTP request of a write. A change set with more statements than this spans several requests of
    /// one open transaction (begin, continue, commit), so a large load never sends one giant body yet stays atomic.
    /// </summary>
    public int StatementsPerRequest { get; set; } = 10;
    /// <summary>
    /// After a change set that writes at least this many records, the store asks Neo4j to resample its outdated
    /// indexes, so that queries planned next see the new sizes (<see cref="Cypher.Statements.ResampleOutdatedIndexes"/>).
    /// </summary>
    public int ResampleIndexesAfterRecords { get; set; } = 1_000;

    /// <summary>
    /// The options <paramref name="configuration"/>'s section <see cref="SectionName"/> sets (none: the defaults), then
    /// the <c>GRAPHINTEL_NEO4J_*</c> variables that are set.
    /// </summary>
    /// <exception cref="GraphStoreException">A value cannot be read, or the URL is not an absolute http(s) URL; the message names the key or variable.</exception>
    public static Neo4jOptions Bind(IConfiguration? configuration, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var options = new Neo4jOptions();
        try
        {
            configuration?.GetSection(SectionName).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new GraphStoreException($"configuration {SectionName}: {e.Message}", isTransient: false, e);
        }
        CheckUrl(options.Url, $"{SectionName}:{nameof(Url)}");
        if (StoreSettings.Variable(getVariable, UrlVariable) is { } url)
        {
            options.Url = Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null!;
            CheckUrl(options.Url, UrlVariable, url);
        }
        options.User = StoreSettings.Variable(getVariable, UserVariable) ?? options.User;
        options.Password = StoreSettings.Variable(getVariable, PasswordVariable) ?? options.Password;
        options.Database = StoreSettings.Variable(getVariable, DatabaseVariable) ?? options.Database;
        _ = Neo4jResilience.Create(options); // refuses out-of-range resilience settings now, at start, not at first use
        return options;
    }

    private static void CheckUrl(Uri? url, string setting, string? given = null)
    {
        if (url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)) return;
        throw new GraphStoreException(
            $"the Neo4j URL '{given ?? url?.OriginalString}' ({setting}) is not an absolute http:// or https:// URL " +
            "of Neo4j's HTTP port, e.g. http://localhost:7474", isTransient: false);
    }
}

/// <summary>Neo4j's two HTTP protocols for Cypher (<c>GraphStore:Neo4j:Protocol</c>).</summary>
public enum Neo4jProtocol
{
    /// <summary>
    /// Chosen at discovery (<c>GET /</c>): the Query API when the server lists it and is 5.26 or later (explicit
    /// transactions, which a change set of several statements needs), else the transactional endpoint; the Query API
    /// also when it is the only one listed.
    /// </summary>
    Auto,
    /// <summary>The transactional endpoint: <c>/db/{database}/tx</c> on 4+, <c>/db/data/transaction</c> on 3.x.</summary>
    Transactional,
    /// <summary>The Query API: <c>/db/{database}/query/v2</c> (and <c>/query/v2/tx</c> for explicit transactions).</summary>
    Query,
}
