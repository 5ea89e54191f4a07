using GraphIntel.Api.Errors;

namespace GraphIntel.Api.Limits;

/// <summary>The bounds on what one request may ask for (section <c>GraphIntel:Limits</c>); each breach is a clear error.</summary>
internal sealed class ApiLimits
{
    public const string SectionName = "GraphIntel:Limits";

    /// <summary>Largest request body in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;
    /// <summary>Deepest field nesting of an operation.</summary>
    public int MaxQueryDepth { get; set; } = 15;
    /// <summary>
    /// Highest cost of an operation: each field 1 (a source's text 1 per <see cref="TextBytesPerCost"/> of the longest
    /// text), list fields multiplied by their page size or, when the query can't bound them, by the longest such list
    /// in the data (<see cref="CostStatistics"/>).
    /// </summary>
    public long MaxQueryCost { get; set; } = 100_000;
    /// <summary>The length assumed for a list the query doesn't bound, until the store's statistics are known (and for lists they don't cover).</summary>
    public int DefaultListSize { get; set; } = 10;
    /// <summary>How many characters of a large text (a source's text, an audit entry's record) cost as much as one field.</summary>
    public int TextBytesPerCost { get; set; } = 1024;
    /// <summary>How often the store's statistics are checked for a write (one audit read) and, after one, read again.</summary>
    public TimeSpan StatisticsRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Largest response body in bytes; a larger response is one RESPONSE_TOO_LARGE error instead.</summary>
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;
    /// <summary>Most documents kept for automatic persisted queries (least recently used evicted first); 0 turns them off.</summary>
    public int MaxPersistedQueries { get; set; } = 10_000;
    /// <summary>Most bytes of documents kept for automatic persisted queries (UTF-16 text plus a fixed overhead each).</summary>
    public long MaxPersistedQueryBytes { get; set; } = 16 * 1024 * 1024;
    /// <summary>Longest time one request may take, from execution to the last byte of its response.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Largest page (`first`) of a list.</summary>
    public int MaxPageSize { get; set; } = 200;
    /// <summary>Most subscriptions open at once (SSE streams and WebSocket operations together); more are refused.</summary>
    public int MaxSubscriptions { get; set; } = 1000;
    /// <summary>Most WebSocket connections open at once.</summary>
    public int MaxWebSocketConnections { get; set; } = 200;
    /// <summary>How long a WebSocket may take to send connection_init (close 4408 after).</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How often an idle subscription stream is pinged (SSE comment line, WebSocket ping).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>How often the change feed reads the audit trail for writes made elsewhere (seed tool, other replicas).</summary>
    public TimeSpan ChangeFeedPollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Deepest lineage walk.</summary>
    public int MaxLineageDepth { get; set; } = 10;
    /// <summary>Longest path searched.</summary>
    public int MaxPathHops { get; set; } = 8;
    /// <summary>Most paths returned.</summary>
    public int MaxPaths { get; set; } = 50;
    /// <summary>Deepest neighborhood.</summary>
    public int MaxNeighborhoodDepth { get; set; } = 3;
    /// <summary>How many <c>/export/{format}</c> requests run at once; one more is refused with 503 (EXPORT_BUSY).</summary>
    public int MaxConcurrentExports { get; set; } = 2;
    /// <summary>Longest time one export may take, from reading the store to its last byte; past it the connection is aborted.</summary>
    public TimeSpan ExportTimeout { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Largest export body in bytes; past it the connection is aborted.</summary>
    public long MaxExportBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Refuses settings the limits can't work with, naming the key and the value.</summary>
    public void Validate()
    {
        static void Require(bool holds, string key, object value, string rule)
        {
            if (!holds) throw new Hosting.StartupConfigurationException($"{SectionName}:{key} must be {rule} (got {value}).");
        }
        Require(MaxResponseBytes >= 1, nameof(MaxResponseBytes), MaxResponseBytes, "at least 1");
        Require(MaxPersistedQueries >= 0, nameof(MaxPersistedQueries), MaxPersistedQueries, "0 or more");
        Require(MaxPersistedQueryBytes >= 1, nameof(MaxPersistedQueryBytes), MaxPersistedQueryBytes, "at least 1");
        Require(DefaultListSize >= 0, nameof(DefaultListSize), DefaultListSize, "0 or more");
        Require(TextBytesPerCost >= 1, nameof(TextBytesPerCost), TextBytesPerCost, "at least 1");
        Require(StatisticsRefreshInterval > TimeSpan.Zero, nameof(StatisticsRefreshInterval), StatisticsRefreshInterval, "positive");
        Require(MaxSubscriptions >= 0, nameof(MaxSubscriptions), MaxSubscriptions, "0 or more");
        Require(MaxWebSocketConnections >= 0, nameof(MaxWebSocketConnections), MaxWebSocketConnections, "0 or more");
        Require(ConnectionInitTimeout > TimeSpan.Zero, nameof(ConnectionInitTimeout), ConnectionInitTimeout, "positive");
        Require(KeepAliveInterval > TimeSpan.Zero, nameof(KeepAliveInterval), KeepAliveInterval, "positive");
        Require(ChangeFeedPollInterval > TimeSpan.Zero, nameof(ChangeFeedPollInterval), ChangeFeedPollInterval, "positive");
        Require(ExecutionTimeout > TimeSpan.Zero, nameof(ExecutionTimeout), ExecutionTimeout, "positive");
        Require(MaxConcurrentExports >= 1, nameof(MaxConcurrentExports), MaxConcurrentExports, "at least 1");
        Require(ExportTimeout > TimeSpan.Zero, nameof(ExportTimeout), ExportTimeout, "positive");
        Require(MaxExportBytes >= 1, nameof(MaxExportBytes), MaxExportBytes, "at least 1");
    }

    /// <summary>The value, or a BAD_USER_INPUT error naming the argument, the limit and the value.</summary>
    public static int Check(int value, int min, int max, string argument) =>
        value >= min && value <= max
            ? value
            : throw ApiErrors.BadArgument($"Argument \"{argument}\" must be between {min} and {max}; got {value}.");
}
