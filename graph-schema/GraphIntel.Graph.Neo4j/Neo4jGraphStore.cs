using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Store;
using Polly;

namespace GraphIntel.Graph.Neo4j;

/// <summary>
/// The graph store on a Neo4j server, over its transactional HTTP endpoint (see <see cref="Neo4jHttpClient"/>).
/// Every statement is a constant of <see cref="Statements"/> with <c>$parameters</c>; every call goes through one
/// Polly pipeline (<see cref="Neo4jResilience"/>); every change set is written in one transaction.
/// Writes from this process are serialized; the validation that precedes a write reads committed state.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    private readonly Neo4jHttpClient _client;
    private readonly HttpClient? _ownedHttp;
    private readonly Neo4jOptions _options;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _time;

    /// <summary>A store on the server <paramref name="options"/> name, with the resilience pipeline they describe.</summary>
    public Neo4jGraphStore(Neo4jOptions options, TimeProvider? timeProvider = null, HttpClient? http = null)
        : this(options, Neo4jResilience.Create(options ?? throw new ArgumentNullException(nameof(options)), timeProvider), timeProvider, http)
    {
    }

    /// <summary>A store whose calls run through <paramref name="pipeline"/>, composed by the caller (<see cref="Neo4jResilience.Create"/>).</summary>
    public Neo4jGraphStore(Neo4jOptions options, ResiliencePipeline pipeline, TimeProvider? timeProvider = null, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipeline);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _ownedHttp = http is null ? new HttpClient { Timeout = Timeout.InfiniteTimeSpan } : null;
        _client = new Neo4jHttpClient(http ?? _ownedHttp!, options, pipeline, _time);
    }

    /// <summary>For tests and tools that need to send their own statements (constants only).</summary>
    internal Neo4jHttpClient Client => _client;

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await _client.DiscoverAsync(ct).ConfigureAwait(false);
        var version = _client.ServerVersion ?? throw new GraphStoreException("Neo4j did not report its version", isTransient: false);
        var applied = (await _client.RunAsync(new Statement(Statements.AppliedMigrations), ct).ConfigureAwait(false))
            .Rows.Select(r => r[0].GetInt32()).ToHashSet();
        foreach (var migration in SchemaStatements.Migrations.Where(m => !applied.Contains(m.Version)))
        {
            // Schema statements each run in a transaction of their own, never mixed with data writes.
            foreach (var text in migration.For(version))
                await _client.RunAsync(new Statement(text), ct).ConfigureAwait(false);
            if (migration.Data == DataMigration.LinkNameGrams) await LinkNamesWithoutGramsAsync(ct).ConfigureAwait(false);
            if (migration.Data == DataMigration.SetNameClashKeys) await SetNameClashKeysAsync(ct).ConfigureAwait(false);
            if (migration.Data == DataMigration.SetTimeProfiles) await SetTimeProfilesAsync(ct).ConfigureAwait(false);
            if (migration.Data == DataMigration.SetNameGramWords) await SetNameGramWordsAsync(ct).ConfigureAwait(false);
            if (migration.Data == DataMigration.SetSortKeys) await SetSortKeysAsync(ct).ConfigureAwait(false);
            await _client.RunAsync(new Statement(Statements.RecordMigration, new Dictionary<string, object?>
            {
                ["version"] = migration.Version,
                ["name"] = migration.Name,
                ["at"] = _time.GetUtcNow().ToString("O"),
            }), ct).ConfigureAwait(false);
        }
    }

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken ct = default)
    {
        try
        {
            await _client.RunAsync(new Statement(Statements.Ping), ct).ConfigureAwait(false);
            return new StoreHealth(true, "neo4j", $"Neo4j {_client.ServerVersion} at {_options.Url}");
        }
        catch (GraphStoreException e)
        {
            return new StoreHealth(false, "neo4j", e.Message);
        }
    }

    public ValueTask DisposeAsync()
    {
        _ownedHttp?.Dispose();
        _writeLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<StatementResult> RunAsync(string text, Dictionary<string, object?> parameters, CancellationToken ct) =>
        _client.RunAsync(new Statement(text, parameters), ct);
}
