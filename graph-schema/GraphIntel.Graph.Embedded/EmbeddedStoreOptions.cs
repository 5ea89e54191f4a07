using GraphIntel.Graph.Store;
using Microsoft.Extensions.Configuration;

namespace GraphIntel.Graph.Embedded;

/// <summary>
/// Settings of the embedded (SQLite) store: where its file is and how patient to be with it. Bound from the
/// configuration section <see cref="SectionName"/>, then <see cref="DataDirVariable"/> (<see cref="Bind"/>).
/// </summary>
public sealed class EmbeddedStoreOptions
{
    public const string SectionName = "GraphStore:Embedded";
    public const string DataDirVariable = "GRAPHINTEL_DATA_DIR";

    /// <summary>The database file's name inside <see cref="DataDirectory"/>.</summary>
    public const string DatabaseFileName = "graphintel.db";

    private string? _databasePath;

    /// <summary>The folder of the database file (<see cref="DatabaseFileName"/>), relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The database file: <see cref="DataDirectory"/>/<see cref="DatabaseFileName"/> unless set; its directory is created when missing.</summary>
    public string DatabasePath
    {
        get => _databasePath ?? Path.Combine(DataDirectory, DatabaseFileName);
        set => _databasePath = value;
    }

    /// <summary>Overall limit on one store operation, retries included.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Limit on one attempt of an operation; an attempt that runs over is retried like a busy database. By default as
    /// long as <see cref="OperationTimeout"/>, so a large write (a bulk load in one change set) is never cut short by it;
    /// set it lower where operations are known to be short.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a busy/locked database (or a timed-out attempt) is retried before the operation fails.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How long SQLite itself waits on a lock before reporting SQLITE_BUSY (whole seconds, at least 1).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the circuit stays open once it breaks; then one trial call decides whether it closes.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The share of failed attempts within <see cref="BreakerSamplingDuration"/> that breaks the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed within <see cref="BreakerSamplingDuration"/> before the circuit may break.</summary>
    public int BreakerMinimumThroughput { get; set; } = 20;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The options <paramref name="configuration"/>'s section <see cref="SectionName"/> sets (none: the defaults), then
    /// <see cref="DataDirVariable"/> when set.
    /// </summary>
    /// <exception cref="GraphStoreException">A value of the section cannot be read (the message names its key), or is out of range.</exception>
    public static EmbeddedStoreOptions Bind(IConfiguration? configuration, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var options = new EmbeddedStoreOptions();
        try
        {
            configuration?.GetSection(SectionName).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new GraphStoreException($"configuration {SectionName}: {e.Message}", isTransient: false, e);
        }
        if (StoreSettings.Variable(getVariable, DataDirVariable) is { } dataDir) options.DataDirectory = dataDir;
        _ = SqliteResilience.Create(options); // refuses out-of-range resilience settings now, at start, not at first use
        return options;
    }
}
