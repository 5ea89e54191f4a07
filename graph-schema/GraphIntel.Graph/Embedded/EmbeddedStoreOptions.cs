namespace GraphIntel.Graph.Embedded;

/// <summary>Settings of the embedded (SQLite) store.</summary>
public sealed class EmbeddedStoreOptions
{
    /// <summary>The database file; its directory is created when missing.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Overall limit on one store operation, retries included.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a busy/locked database is retried before the operation fails.</summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How long SQLite itself waits on a lock before reporting SQLITE_BUSY (whole seconds, at least 1).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time for the pipeline's delays and timeouts (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
