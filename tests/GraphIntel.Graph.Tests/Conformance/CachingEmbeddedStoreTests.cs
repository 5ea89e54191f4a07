using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Tests.Conformance;

/// <summary>
/// The conformance suite on the read-through cache over the embedded store: every answer, before and after writes,
/// must be the one the store behind it gives. A small bound makes the suite also run through clears for size.
/// </summary>
public sealed class CachingEmbeddedStoreTests : GraphStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private int _files;

    protected override Task<IGraphStore> CreateStoreAsync() =>
        Task.FromResult<IGraphStore>(new CachingGraphStore(
            new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = _directory.File($"store-{++_files}.db") }),
            maxEntries: 64));

    public void Dispose() => _directory.Dispose();
}
