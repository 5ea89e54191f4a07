using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Api.Tests.Support;

/// <summary>
/// A decorator over a real store that lets each call through after <see cref="Before"/>: tests count store round
/// trips with it, or hold calls back. Nothing is faked: every answer comes from the real store.
/// </summary>
public class ForwardingStore(IGraphStore inner) : IGraphStore
{
    protected virtual Task Before(string operation, CancellationToken ct) => Task.CompletedTask;

    private async Task<T> Call<T>(string operation, CancellationToken ct, Func<Task<T>> call)
    {
        await Before(operation, ct).ConfigureAwait(false);
        return await call().ConfigureAwait(false);
    }

    public Task InitializeAsync(CancellationToken ct = default) => inner.InitializeAsync(ct);
    public Task<StoreHealth> CheckHealthAsync(CancellationToken ct = default) => inner.CheckHealthAsync(ct);
    public ValueTask DisposeAsync() => inner.DisposeAsync();

    public Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Call(nameof(GetEntitiesAsync), ct, () => inner.GetEntitiesAsync(ids, ct));
    public Task<IReadOnlyList<NameMatch>> FindByNameAsync(string text, IReadOnlyCollection<EntityKind>? kinds = null, int limit = 10, CancellationToken ct = default) =>
        Call(nameof(FindByNameAsync), ct, () => inner.FindByNameAsync(text, kinds, limit, ct));
    public Task<EntityPage> ListEntitiesAsync(EntityQuery query, CancellationToken ct = default) =>
        Call(nameof(ListEntitiesAsync), ct, () => inner.ListEntitiesAsync(query, ct));
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relationship>>> GetRelationshipsAsync(IReadOnlyCollection<string> entityIds, RelationshipFilter filter, CancellationToken ct = default) =>
        Call(nameof(GetRelationshipsAsync), ct, () => inner.GetRelationshipsAsync(entityIds, filter, ct));
    public Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipsByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Call(nameof(GetRelationshipsByIdAsync), ct, () => inner.GetRelationshipsByIdAsync(ids, ct));
    public Task<IReadOnlyDictionary<string, IReadOnlyList<StrengthEstimate>>> GetStrengthEstimatesAsync(IReadOnlyCollection<string> organizationIds, bool includeRetracted = false, CancellationToken ct = default) =>
        Call(nameof(GetStrengthEstimatesAsync), ct, () => inner.GetStrengthEstimatesAsync(organizationIds, includeRetracted, ct));
    public Task<IReadOnlyDictionary<string, StrengthEstimate>> GetStrengthEstimatesByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Call(nameof(GetStrengthEstimatesByIdAsync), ct, () => inner.GetStrengthEstimatesByIdAsync(ids, ct));
    public Task<Subgraph> GetLineageAsync(string id, LineageDirection direction, RelationshipFilter filter, int maxDepth, CancellationToken ct = default) =>
        Call(nameof(GetLineageAsync), ct, () => inner.GetLineageAsync(id, direction, filter, maxDepth, ct));
    public Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, RelationshipFilter filter, int maxHops, int first, CancellationToken ct = default) =>
        Call(nameof(FindPathsAsync), ct, () => inner.FindPathsAsync(fromId, toId, filter, maxHops, first, ct));
    public Task<Subgraph> GetNeighborhoodAsync(string id, int depth, RelationshipFilter filter, CancellationToken ct = default) =>
        Call(nameof(GetNeighborhoodAsync), ct, () => inner.GetNeighborhoodAsync(id, depth, filter, ct));
    public Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Call(nameof(GetSourcesAsync), ct, () => inner.GetSourcesAsync(ids, ct));
    public Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken ct = default) =>
        Call(nameof(ListSourcesAsync), ct, () => inner.ListSourcesAsync(ct));
    public Task<SourcePage> ListSourcesAsync(SourceQuery query, CancellationToken ct = default) =>
        Call(nameof(ListSourcesAsync), ct, () => inner.ListSourcesAsync(query, ct));
    public Task<IReadOnlyDictionary<string, IReadOnlyList<SourceCitation>>> GetCitationsBySourceAsync(IReadOnlyCollection<string> sourceIds, CancellationToken ct = default) =>
        Call(nameof(GetCitationsBySourceAsync), ct, () => inner.GetCitationsBySourceAsync(sourceIds, ct));
    public Task<WriteSummary> ApplyAsync(ChangeSet changes, WriteContext context, CancellationToken ct = default) =>
        Call(nameof(ApplyAsync), ct, () => inner.ApplyAsync(changes, context, ct));
    public Task<WriteGeneration> GetWriteGenerationAsync(CancellationToken ct = default) =>
        Call(nameof(GetWriteGenerationAsync), ct, () => inner.GetWriteGenerationAsync(ct));
    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(AuditQuery query, CancellationToken ct = default) =>
        Call(nameof(GetAuditAsync), ct, () => inner.GetAuditAsync(query, ct));
    public Task<GraphStatistics> GetStatisticsAsync(CancellationToken ct = default) =>
        Call(nameof(GetStatisticsAsync), ct, () => inner.GetStatisticsAsync(ct));
    public Task<StoreCardinalities> GetCardinalitiesAsync(CancellationToken ct = default) =>
        Call(nameof(GetCardinalitiesAsync), ct, () => inner.GetCardinalitiesAsync(ct));
    public Task<GraphSnapshot> ExportAsync(CancellationToken ct = default) =>
        Call(nameof(ExportAsync), ct, () => inner.ExportAsync(ct));
}

/// <summary>Counts the store calls of each operation.</summary>
public sealed class CountingStore(IGraphStore inner) : ForwardingStore(inner)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _calls = new();

    public int Total => _calls.Values.Sum();
    public IReadOnlyDictionary<string, int> Calls => _calls;
    public void Reset() => _calls.Clear();

    protected override Task Before(string operation, CancellationToken ct)
    {
        _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

/// <summary>Holds every read until it is cancelled: a store that never answers.</summary>
public sealed class HangingStore(IGraphStore inner) : ForwardingStore(inner)
{
    protected override Task Before(string operation, CancellationToken ct) => Task.Delay(Timeout.Infinite, ct);
}
