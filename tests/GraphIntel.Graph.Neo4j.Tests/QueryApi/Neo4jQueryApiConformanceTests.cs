using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Tests.QueryApi;

/// <summary>One <see cref="QueryApiShim"/> over the Neo4j test server per test class, started on first use.</summary>
public sealed class QueryApiShimFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private QueryApiShim? _shim;

    internal async Task<QueryApiShim> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _shim ??= await QueryApiShim.StartAsync(Neo4jTestServer.Url ?? throw new InvalidOperationException(Neo4jTestServer.MissingReason));
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_shim is not null) await _shim.DisposeAsync();
        _gate.Dispose();
    }
}

/// <summary>
/// The conformance suite through the Query API: the store forced to <see cref="Neo4jProtocol.Query"/> on the
/// <see cref="QueryApiShim"/>, which runs each statement on the real Neo4j 3.1.1 test server. Every store starts on an
/// emptied database. Reported skipped when no Neo4j is configured.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jQueryApiConformanceTests(QueryApiShimFixture shim) : GraphStoreConformanceTests, IClassFixture<QueryApiShimFixture>
{
    protected override async Task<IGraphStore> CreateStoreAsync()
    {
        var options = Neo4jTestDatabase.Options((await shim.GetAsync()).Url);
        options.Protocol = Neo4jProtocol.Query;
        var store = new Neo4jGraphStore(options);
        await Neo4jTestDatabase.WipeAsync(store);
        return store;
    }
}
