using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Api.Telemetry;

/// <summary>
/// The store as the API registers it, measured: each call's duration by method and backend, and a span per call
/// (<see cref="StoreTelemetry"/>). It sits beneath the read-through cache, so what it counts are the calls that reach the
/// backend. With nothing listening a call costs one enabled-check and the closure.
/// </summary>
internal sealed class InstrumentedGraphStore(IGraphStore inner, StoreTelemetry telemetry, string backend) : IGraphStore
{
    private Task<T> Observe<T>(string method, Func<IGraphStore, Task<T>> call) =>
        telemetry.Enabled ? ObserveAsync(method, call) : call(inner);

    private async Task<T> ObserveAsync<T>(string method, Func<IGraphStore, Task<T>> call)
    {
        var measured = telemetry.Begin(method);
        try
        {
            var result = await call(inner).ConfigureAwait(false);
            telemetry.End(measured, backend, null);
            return result;
        }
        catch (Exception e)
        {
            telemetry.End(measured, backend, e);
            throw;
        }
    }

    public Task InitializeAsync(CancellationToken ct = default) =>
        Observe("Initialize", async s => { await s.InitializeAsync(ct).ConfigureAwait(false); return true; });

    public Task<StoreHealth> CheckHealthAsync(CancellationToken ct = default) => Observe("CheckHealth", s => s.CheckHealthAsync(ct));

    public Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Observe("GetEntities", s => s.GetEntitiesAsync(ids, ct));

    public Task<IReadOnlyList<NameMatch>> FindByNameAsync(string text, IReadOnlyCollection<EntityKind>? kinds = null, int limit = 10, CancellationToken ct = default) =>
        Observe("FindByName", s => s.FindByNameAsync(text, kinds, limit, ct));

    public Task<EntityPage> ListEntitiesAsync(EntityQuery query, CancellationToken ct = default) => Observe("ListEntities", s => s.ListEntitiesAsync(query, ct));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relationship>>> GetRelationshipsAsync(
        IReadOnlyCollection<string> entityIds, RelationshipFilter filter, CancellationToken ct = default) =>
        Observe("GetRelationships", s => s.GetRelationshipsAsync(entityIds, filter, ct));

    public Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipsByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Observe("GetRelationshipsById", s => s.GetRelationshipsByIdAsync(ids, ct));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<StrengthEstimate>>> GetStrengthEstimatesAsync(
        IReadOnlyCollection<string> organizationIds, bool includeRetracted = false, CancellationToken ct = default) =>
        Observe("GetStrengthEstimates", s => s.GetStrengthEstimatesAsync(organizationIds, includeRetracted, ct));

    public Task<IReadOnlyDictionary<string, StrengthEstimate>> GetStrengthEstimatesByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Observe("GetStrengthEstimatesById", s => s.GetStrengthEstimatesByIdAsync(ids, ct));

    public Task<Subgraph> GetLineageAsync(string id, LineageDirection direction, RelationshipFilter filter, int maxDepth, CancellationToken ct = default) =>
        Observe("GetLineage", s => s.GetLineageAsync(id, direction, filter, maxDepth, ct));

    public Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, RelationshipFilter filter, int maxHops, int first, CancellationToken ct = default) =>
        Observe("FindPaths", s => s.FindPathsAsync(fromId, toId, filter, maxHops, first, ct));

    public Task<Subgraph> GetNeighborhoodAsync(string id, int depth, RelationshipFilter filter, CancellationToken ct = default) =>
        Observe("GetNeighborhood", s => s.GetNeighborhoodAsync(id, depth, filter, ct));

    public Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Observe("GetSources", s => s.GetSourcesAsync(ids, ct));

    public Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken ct = default) => Observe("ListSources", s => s.ListSourcesAsync(ct));

    public Task<SourcePage> ListSourcesAsync(SourceQuery query, CancellationToken ct = default) => Observe("ListSourcesPage", s => s.ListSourcesAsync(query, ct));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<SourceCitation>>> GetCitationsBySourceAsync(
        IReadOnlyCollection<string> sourceIds, CancellationToken ct = default) =>
        Observe("GetCitationsBySource", s => s.GetCitationsBySourceAsync(sourceIds, ct));

    public Task<WriteSummary> ApplyAsync(ChangeSet changes, WriteContext context, CancellationToken ct = default) =>
        Observe("Apply", s => s.ApplyAsync(changes, context, ct));

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(AuditQuery query, CancellationToken ct = default) => Observe("GetAudit", s => s.GetAuditAsync(query, ct));

    public Task<GraphStatistics> GetStatisticsAsync(CancellationToken ct = default) => Observe("GetStatistics", s => s.GetStatisticsAsync(ct));

    public Task<StoreCardinalities> GetCardinalitiesAsync(CancellationToken ct = default) => Observe("GetCardinalities", s => s.GetCardinalitiesAsync(ct));

    public Task<GraphSnapshot> ExportAsync(CancellationToken ct = default) => Observe("Export", s => s.ExportAsync(ct));

    public Task<WriteGeneration> GetWriteGenerationAsync(CancellationToken ct = default) => Observe("GetWriteGeneration", s => s.GetWriteGenerationAsync(ct));

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
