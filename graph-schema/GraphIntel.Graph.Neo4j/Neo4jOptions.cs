using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j;

/// <summary>How to reach Neo4j and how patient to be with it.</summary>
public sealed class Neo4jOptions
{
    /// <summary>The server's HTTP root, e.g. http://localhost:7474. Discovery (GET /) finds the transaction endpoint.</summary>
    public Uri Url { get; set; } = new("http://localhost:7474");
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>The database on Neo4j 4+ (ignored by 3.x, which has one).</summary>
    public string Database { get; set; } = "neo4j";
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
    /// The options the configuration selects (<see cref="GraphStoreOptions.Neo4j"/>: GRAPHINTEL_NEO4J_URL, _USER,
    /// _PASSWORD, _DATABASE). Without a password no credentials are sent (a server with authentication disabled).
    /// </summary>
    public static Neo4jOptions From(Neo4jStoreOptions configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        if (!Uri.TryCreate(configured.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new GraphStoreException(
                $"the Neo4j URL '{configured.Url}' ({GraphStoreOptions.Neo4jUrlVariable}) is not an absolute http:// or https:// URL " +
                "of Neo4j's HTTP port, e.g. http://localhost:7474", isTransient: false);
        }
        return new Neo4jOptions
        {
            Url = url,
            User = configured.Password is null ? null : configured.User,
            Password = configured.Password,
            Database = configured.Database,
        };
    }
}
