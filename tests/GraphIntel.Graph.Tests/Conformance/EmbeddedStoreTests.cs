using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Tests.Conformance;

/// <summary>The conformance suite on the embedded store, each test on its own SQLite file in a temporary directory.</summary>
public sealed class EmbeddedStoreTests : GraphStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private int _files;

    protected override Task<IGraphStore> CreateStoreAsync() =>
        Task.FromResult<IGraphStore>(new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = _directory.File($"store-{++_files}.db") }));

    public void Dispose() => _directory.Dispose();
}

/// <summary>A directory under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "graphintel-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a file still open elsewhere; the OS temp cleaner gets it */ }
    }
}
