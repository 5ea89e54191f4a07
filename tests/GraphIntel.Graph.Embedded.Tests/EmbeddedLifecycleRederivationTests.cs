using GraphIntel.Graph.Store;
using GraphIntel.Graph.Store.Patches;
using Microsoft.Data.Sqlite;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Embedded.Tests;

/// <summary>On the embedded store: the lookup it writes through, over its own SQLite file.</summary>
public sealed class EmbeddedLifecycleRederivationTests : LifecycleRederivationTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    protected override async Task<ChangeSet> Prepared(ChangeSet set)
    {
        var path = _directory.File("graph.db");
        await using (var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path }))
        {
            await store.InitializeAsync();
            await store.ApplyAsync(WholeGraph, Context);
        }
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var lookup = new SqliteChangeSetLookup(new RecordReader(connection, transaction));
        return await ChangeSetResolver.PrepareAsync(set, Context, lookup, lookup);
    }
}
