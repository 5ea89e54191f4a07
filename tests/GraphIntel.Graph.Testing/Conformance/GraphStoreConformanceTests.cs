using GraphIntel.Graph.Model;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// The behaviour every <see cref="IGraphStore"/> backend must show, tested on <see cref="ConformanceFixture"/>.
/// A backend's test class derives from this and supplies <see cref="CreateStoreAsync"/>; each test gets a fresh store
/// with the fixture applied. Split by area: entities, facts, traversal, writes.
/// </summary>
public abstract partial class GraphStoreConformanceTests : IAsyncLifetime
{
    private readonly List<IGraphStore> _stores = [];

    /// <summary>
    /// A new, empty store (InitializeAsync is called by the suite). A test may ask for a second one (export round
    /// trip); after that it uses only the newest.
    /// </summary>
    protected abstract Task<IGraphStore> CreateStoreAsync();

    protected IGraphStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await NewStoreAsync();
        await Store.ApplyAsync(WholeGraph, Context);
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
    }

    protected async Task<IGraphStore> NewStoreAsync()
    {
        var store = await CreateStoreAsync();
        _stores.Add(store);
        await store.InitializeAsync();
        await store.InitializeAsync(); // idempotent
        return store;
    }

    protected static WriteContext Editor(string reason = "edit", int minute = 10) =>
        new("editor", reason, new DateTimeOffset(2025, 2, 3, 4, minute, 0, TimeSpan.Zero));

    protected async Task<IReadOnlyList<Relationship>> RelationshipsOf(string id, RelationshipFilter filter) =>
        (await Store.GetRelationshipsAsync([id], filter))[id];

    protected static string[] Ids(IEnumerable<Relationship> relationships) =>
        relationships.Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();

    protected static string[] Ids(IEnumerable<Entity> entities) =>
        entities.Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();

    protected static string[] Sorted(params string[] ids) => ids.Order(StringComparer.Ordinal).ToArray();

    protected static PartialDate Date(string text) => PartialDate.Parse(text);

    /// <summary>The store's whole content as canonical JSON, to tell whether anything changed.</summary>
    protected async Task<string> SnapshotJson(IGraphStore? store = null) =>
        RecordJson.Serialize(await (store ?? Store).ExportAsync());
}
