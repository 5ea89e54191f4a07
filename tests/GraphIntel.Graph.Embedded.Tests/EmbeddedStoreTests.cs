using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Embedded.Tests;

/// <summary>The conformance suite on the embedded store, each test on its own SQLite file in a temporary directory.</summary>
public sealed class EmbeddedStoreTests : GraphStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private int _files;

    protected override Task<IGraphStore> CreateStoreAsync() =>
        Task.FromResult<IGraphStore>(new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = _directory.File($"store-{++_files}.db") }));

    public void Dispose() => _directory.Dispose();
}
