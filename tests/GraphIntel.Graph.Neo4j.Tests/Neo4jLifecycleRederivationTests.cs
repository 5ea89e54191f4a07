using GraphIntel.Graph.Store;
using GraphIntel.Graph.Store.Patches;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>On the real Neo4j: the store is its own lookup. Reported skipped when no Neo4j is configured.</summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jLifecycleRederivationTests : LifecycleRederivationTests
{
    protected override async Task<ChangeSet> Prepared(ChangeSet set)
    {
        await using var store = new Neo4jGraphStore(Neo4jTestDatabase.Options());
        await Neo4jTestDatabase.WipeAsync(store);
        await store.InitializeAsync();
        await store.ApplyAsync(WholeGraph, Context);
        return await ChangeSetResolver.PrepareAsync(set, Context, store, store);
    }
}
