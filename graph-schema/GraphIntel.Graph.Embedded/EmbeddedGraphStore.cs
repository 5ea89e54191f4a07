using System.Globalization;
using GraphIntel.Graph.Embedded.Migrations;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Names;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded;

/// <summary>
/// The embedded graph store: one SQLite file (WAL, foreign keys on), migrated on <see cref="InitializeAsync"/>.
/// Reads open a pooled connection per operation, so readers run concurrently; writes are serialized. Name lookup and
/// traversals use in-memory indexes (<see cref="NameIndex"/>, <see cref="AdjacencyIndex"/>) built lazily from the
/// database on first use and patched by every committed write; the store assumes it is the file's only writer.
/// Every operation runs through one resilience pipeline (<see cref="SqliteResilience"/>), composed by the caller or from the options.
/// </summary>
public sealed partial class EmbeddedGraphStore : IGraphStore
{
    public const string BackendName = "embedded";

    private readonly EmbeddedStoreOptions _options;
    private readonly string _connectionString;
    private readonly SqliteResilience _resilience;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ReaderWriterLockSlim _adjacencyLock = new(LockRecursionPolicy.NoRecursion);
    private readonly Lock _nameIndexGate = new();
    private AdjacencyIndex? _adjacency;
    private NameIndex? _names;
    private bool _initialized;

    /// <summary>A store on <paramref name="options"/>' file, with the resilience pipeline those options describe.</summary>
    public EmbeddedGraphStore(EmbeddedStoreOptions options, TimeProvider? timeProvider = null)
        : this(options, SqliteResilience.Create(options ?? throw new ArgumentNullException(nameof(options)), timeProvider), timeProvider)
    {
    }

    /// <summary>A store on <paramref name="options"/>' file whose operations run through <paramref name="resilience"/>, composed by the caller.</summary>
    public EmbeddedGraphStore(EmbeddedStoreOptions options, SqliteResilience resilience, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resilience);
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
            throw new ArgumentException("EmbeddedStoreOptions.DatabasePath is empty; give the SQLite file to use.", nameof(options));
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        _resilience = resilience;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath => Path.GetFullPath(_options.DatabasePath);

    public Task InitializeAsync(CancellationToken ct = default) =>
        _resilience.ExecuteAsync("initialize", _ =>
        {
            var directory = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            using var connection = Open();
            using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL";
                wal.ExecuteNonQuery();
            }
            ClashKeyFunction.Register(connection);
            TemporalProfileFunction.Register(connection);
            Migrator.Migrate(connection, SchemaMigrations.All, _time.GetUtcNow());
            _initialized = true;
            return ValueTask.FromResult(true);
        }, ct);

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken ct = default)
    {
        try
        {
            var version = await Run("health check", c => Migrator.CurrentVersion(c), ct).ConfigureAwait(false);
            return new StoreHealth(true, BackendName, string.Create(CultureInfo.InvariantCulture, $"{DatabasePath} (schema version {version})"));
        }
        catch (GraphStoreException e)
        {
            return new StoreHealth(false, BackendName, e.Message);
        }
    }

    /// <summary>Releases the pooled connections to the file, so it can be moved or deleted.</summary>
    public ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(_connectionString)) SqliteConnection.ClearPool(connection);
        _writeGate.Dispose();
        _adjacencyLock.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs a read on its own connection, through the resilience pipeline.</summary>
    private Task<T> Run<T>(string operation, Func<SqliteConnection, T> read, CancellationToken ct) =>
        _resilience.ExecuteAsync(operation, token =>
        {
            token.ThrowIfCancellationRequested();
            EnsureInitialized();
            using var connection = Open();
            return ValueTask.FromResult(read(connection));
        }, ct);

    private Task<T> Read<T>(string operation, Func<RecordReader, T> read, CancellationToken ct) =>
        Run(operation, connection => read(new RecordReader(connection)), ct);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private void EnsureInitialized()
    {
        if (!_initialized)
            throw new InvalidOperationException($"the embedded store ({DatabasePath}) is not initialized; call InitializeAsync first");
    }

    /// <summary>The name index, built from the database on first use.</summary>
    private NameIndex NameIndex(SqliteConnection connection)
    {
        if (Volatile.Read(ref _names) is { } built) return built;
        lock (_nameIndexGate)
        {
            if (_names is not null) return _names;
            var index = new NameIndex();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT e.id, e.kind, n.name FROM entities e JOIN names n ON n.entity_id = e.id ORDER BY e.id, n.ordinal";
            using var reader = command.ExecuteReader();
            string? currentId = null;
            var kind = EntityKind.Organization;
            var names = new List<string>();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (id != currentId)
                {
                    if (currentId is not null) index.Set(currentId, kind, names[0], names.Skip(1));
                    currentId = id;
                    kind = reader.GetEnum<EntityKind>(1);
                    names.Clear();
                }
                names.Add(reader.GetString(2));
            }
            if (currentId is not null) index.Set(currentId, kind, names[0], names.Skip(1));
            Volatile.Write(ref _names, index);
            return index;
        }
    }

    /// <summary>Runs <paramref name="traverse"/> under the adjacency index's read lock, building the index first if needed.</summary>
    private T WithAdjacency<T>(SqliteConnection connection, Func<AdjacencyIndex, T> traverse)
    {
        while (true)
        {
            _adjacencyLock.EnterReadLock();
            try
            {
                if (_adjacency is { } index) return traverse(index);
            }
            finally { _adjacencyLock.ExitReadLock(); }

            _adjacencyLock.EnterWriteLock();
            try { _adjacency ??= LoadAdjacency(connection); }
            finally { _adjacencyLock.ExitWriteLock(); }
        }
    }

    /// <summary>Builds the adjacency index from the stored rows, each edge with the profile its columns and evidence rows hold.</summary>
    private static AdjacencyIndex LoadAdjacency(SqliteConnection connection)
    {
        var evidence = new Dictionary<string, List<DaySpan>>(StringComparer.Ordinal);
        using (var spans = connection.CreateCommand())
        {
            spans.CommandText = "SELECT owner_id, start_day, end_day FROM evidence WHERE owner_kind = 'R'";
            using var rows = spans.ExecuteReader();
            while (rows.Read())
            {
                if (!evidence.TryGetValue(rows.GetString(0), out var list)) evidence[rows.GetString(0)] = list = [];
                list.Add(new DaySpan(rows.GetInt32(1), rows.GetInt32(2)));
            }
        }
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, type, from_id, to_id, possible_start, possible_end, core_start, core_end, status
            FROM relationships ORDER BY id
            """;
        using var reader = command.ExecuteReader();
        return AdjacencyIndex.Build(Rows(reader, evidence));

        static IEnumerable<(string, RelationshipType, string, string, TemporalProfile, ClaimStatus)> Rows(
            SqliteDataReader reader, Dictionary<string, List<DaySpan>> evidence)
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                var time = new TemporalProfile(reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7),
                    evidence.TryGetValue(id, out var spans) ? spans : []);
                yield return (id, reader.GetEnum<RelationshipType>(1), reader.GetString(2), reader.GetString(3), time, reader.GetEnum<ClaimStatus>(8));
            }
        }
    }

    /// <summary>Brings the in-memory indexes up to a committed write.</summary>
    private void ApplyToIndexes(WriteDelta delta)
    {
        _adjacencyLock.EnterWriteLock();
        try
        {
            if (delta.RelationshipsMoved) _adjacency = null;
            else if (_adjacency is not null)
                foreach (var r in delta.UpsertedRelationships) _adjacency.Upsert(r);
        }
        finally { _adjacencyLock.ExitWriteLock(); }

        lock (_nameIndexGate)
        {
            if (_names is null) return;
            foreach (var id in delta.RemovedEntities) _names.Remove(id);
            foreach (var e in delta.UpsertedEntities) _names.Set(e.Id, e.Kind, e.Name, e.Aliases);
        }
    }
}
