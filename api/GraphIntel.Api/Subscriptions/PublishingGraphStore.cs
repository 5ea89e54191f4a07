using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Api.Subscriptions;

/// <summary>
/// The store as the API writes it: every successful <see cref="ApplyAsync"/> (whichever resolver made it) tells the
/// <see cref="ChangeFeed"/> at once, which reads the new audit entries and publishes them. Reads pass through.
/// </summary>
internal sealed class PublishingGraphStore(IGraphStore inner, ChangeFeed feed) : IGraphStore
{
    /// <summary>The store behind it (writes there reach subscribers only through the audit trail poll).</summary>
    public IGraphStore Inner => inner;

    public async Task<WriteSummary> ApplyAsync(ChangeSet changes, WriteContext context, CancellationToken ct = default)
    {
        var summary = await inner.ApplyAsync(changes, context, ct).ConfigureAwait(false);
        feed.Written();
        return summary;
    }

    public Task InitializeAsync(CancellationToken ct = default) => inner.InitializeAsync(ct);
    public Task<StoreHealth> CheckHealthAsync(CancellationToken ct = default) => inner.CheckHealthAsync(ct);
    public Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => inner.GetEntitiesAsync(ids, ct);
    public Task<IReadOnlyList<NameMatch>> FindByNameAsync(string text, IReadOnlyCollection<EntityKind>? kinds = null, int limit = 10, CancellationToken ct = default) => inner.FindByNameAsync(text, kinds, limit, ct);
    public Task<EntityPage> ListEntitiesAsync(EntityQuery query, CancellationToken ct = default) => inner.ListEntitiesAsync(query, ct);
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relationship>>> GetRelationshipsAsync(IReadOnlyCollection<string> entityIds, RelationshipFilter filter, CancellationToken ct = default) => inner.GetRelationshipsAsync(entityIds, filter, ct);
    public Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipsByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => inner.GetRelationshipsByIdAsync(ids, ct);
    public Task<IReadOnlyDictionary<string, IReadOnlyList<StrengthEstimate>>> GetStrengthEstimatesAsync(IReadOnlyCollection<string> organizationIds, bool includeRetracted = false, CancellationToken ct = default) => inner.GetStrengthEstimatesAsync(organizationIds, includeRetracted, ct);
    public Task<IReadOnlyDictionary<string, StrengthEstimate>> GetStrengthEstimatesByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => inner.GetStrengthEstimatesByIdAsync(ids, ct);
    public Task<Subgraph> GetLineageAsync(string id, LineageDirection direction, RelationshipFilter filter, int maxDepth, CancellationToken ct = default) => inner.GetLineageAsync(id, direction, filter, maxDepth, ct);
    public Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, RelationshipFilter filter, int maxHops, int first, CancellationToken ct = default) => inner.FindPathsAsync(fromId, toId, filter, maxHops, first, ct);
    public Task<Subgraph> GetNeighborhoodAsync(string id, int depth, RelationshipFilter filter, CancellationToken ct = default) => inner.GetNeighborhoodAsync(id, depth, filter, ct);
    public Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => inner.GetSourcesAsync(ids, ct);
    public Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken ct = default) => inner.ListSourcesAsync(ct);
    public Task<SourcePage> ListSourcesAsync(SourceQuery query, CancellationToken ct = default) => inner.ListSourcesAsync(query, ct);
    public Task<IReadOnlyDictionary<string, IReadOnlyList<SourceCitation>>> GetCitationsBySourceAsync(IReadOnlyCollection<string> sourceIds, CancellationToken ct = default) => inner.GetCitationsBySourceAsync(sourceIds, ct);
    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(AuditQuery query, CancellationToken ct = default) => inner.GetAuditAsync(query, ct);
    public Task<GraphStatistics> GetStatisticsAsync(CancellationToken ct = default) => inner.GetStatisticsAsync(ct);
    public Task<StoreCardinalities> GetCardinalitiesAsync(CancellationToken ct = default) => inner.GetCardinalitiesAsync(ct);
    public Task<GraphSnapshot> ExportAsync(CancellationToken ct = default) => inner.ExportAsync(ct);

    public Task<WriteGeneration> GetWriteGenerationAsync(CancellationToken ct = default) => inner.GetWriteGenerationAsync(ct);
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
