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
    /// <summary>How long the circuit stays open once it breaks.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Rows per UNWIND batch on writes.</summary>
    public int WriteBatchSize { get; set; } = 2_000;
}
