using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store;

/// <summary>
/// The graph store, shaped by the domain rather than by a query language. Every read that takes a collection of
/// keys answers for all of them in one round trip, so a caller resolving N entities costs a constant number of
/// calls. Every write is one atomic, idempotent change set (upsert by id), validated before anything is written.
/// Both backends (embedded SQLite, Neo4j) pass one conformance suite.
/// </summary>
public interface IGraphStore : IAsyncDisposable
{
    /// <summary>Creates or migrates the schema. Safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken ct = default);

    /// <summary>Cheap round trip to tell whether the store answers.</summary>
    Task<StoreHealth> CheckHealthAsync(CancellationToken ct = default);

    // ---- entities ------------------------------------------------------------------------------------------

    /// <summary>
    /// Entities by id. Ids of entities merged away resolve to the survivor: the result is keyed by the id asked
    /// for. Unknown ids are absent from the result.
    /// </summary>
    Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    /// <summary>
    /// Entities whose name or alias matches <paramref name="text"/>, tolerant of case, diacritics, dash and
    /// apostrophe variants, "al-" forms and small misspellings; exact matches first, best score first. Only
    /// entities of <paramref name="kinds"/>, or of every kind when it is null or empty (see <see cref="ListFilter"/>).
    /// </summary>
    Task<IReadOnlyList<NameMatch>> FindByNameAsync(string text, IReadOnlyCollection<EntityKind>? kinds = null, int limit = 10, CancellationToken ct = default);

    /// <summary>A filtered page of entities in name order (keyset pagination on name, then id).</summary>
    Task<EntityPage> ListEntitiesAsync(EntityQuery query, CancellationToken ct = default);

    // ---- facts ---------------------------------------------------------------------------------------------

    /// <summary>The relationships of each entity, filtered; keyed by the id asked for (every id present).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Relationship>>> GetRelationshipsAsync(
        IReadOnlyCollection<string> entityIds, RelationshipFilter filter, CancellationToken ct = default);

    /// <summary>Relationships by id, retracted ones included.</summary>
    Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipsByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    /// <summary>Strength estimates of each organization (retracted ones only when asked for).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<StrengthEstimate>>> GetStrengthEstimatesAsync(
        IReadOnlyCollection<string> organizationIds, bool includeRetracted = false, CancellationToken ct = default);

    /// <summary>Strength estimates by id.</summary>
    Task<IReadOnlyDictionary<string, StrengthEstimate>> GetStrengthEstimatesByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    // ---- traversal -----------------------------------------------------------------------------------------

    /// <summary>
    /// What an organization came from (ancestors) and what came from it (descendants), to <paramref name="maxDepth"/>
    /// hops. Which end of an edge is the ancestor depends on its type (<see cref="GraphOntology.AncestorDirection"/>):
    /// JA SPLIT_FROM UTO makes the UTO JA's ancestor; JA REBRANDED_AS TTT makes JA TTT's ancestor. BOTH is the union of
    /// the two walks (not a walk that turns). Types default to <see cref="GraphOntology.LineageTypes"/>.
    /// </summary>
    Task<Subgraph> GetLineageAsync(string id, LineageDirection direction, RelationshipFilter filter, int maxDepth, CancellationToken ct = default);

    /// <summary>
    /// The first <paramref name="first"/> distinct simple paths between two entities in <see cref="PathOrder"/> (fewer
    /// hops first, equally short ones by their relationship ids), following relationships in either direction, at most
    /// <paramref name="maxHops"/> hops.
    /// </summary>
    Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, RelationshipFilter filter, int maxHops, int first, CancellationToken ct = default);

    /// <summary>Every entity within <paramref name="depth"/> hops (either direction) and the relationships among them that were followed.</summary>
    Task<Subgraph> GetNeighborhoodAsync(string id, int depth, RelationshipFilter filter, CancellationToken ct = default);

    // ---- sources -------------------------------------------------------------------------------------------

    Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    /// <summary>Every source, in id order, without loading facts.</summary>
    Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken ct = default);

    /// <summary>
    /// A page of sources in id order (keyset pagination on id, <see cref="SourcePaging"/>), with the count of all
    /// sources, without loading facts. Throws <see cref="InvalidCursorException"/> for a cursor that is garbled or
    /// names no stored source.
    /// </summary>
    Task<SourcePage> ListSourcesAsync(SourceQuery query, CancellationToken ct = default);

    /// <summary>Every citation of each source with the id of the entity or fact it supports.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<SourceCitation>>> GetCitationsBySourceAsync(
        IReadOnlyCollection<string> sourceIds, CancellationToken ct = default);

    // ---- writes and audit ----------------------------------------------------------------------------------

    /// <summary>
    /// Applies the change set atomically: validates it against the store's current contents (ids, endpoint kinds,
    /// intervals, quotes verbatim in their sources), then upserts, retracts and merges in one transaction,
    /// recording an audit entry per changed record. Throws <see cref="GraphValidationException"/> with every
    /// problem found and writes nothing when any is found. Applying the same change set twice changes nothing the
    /// second time.
    /// </summary>
    Task<WriteSummary> ApplyAsync(ChangeSet changes, WriteContext context, CancellationToken ct = default);

    /// <summary>
    /// The store's <see cref="WriteGeneration"/> now, in one cheap read (a primary-key lookup; one statement on Neo4j):
    /// it moves with every write that changes data, whichever process made it.
    /// </summary>
    Task<WriteGeneration> GetWriteGenerationAsync(CancellationToken ct = default);

    /// <summary>Audit entries, newest first, optionally for one target.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(AuditQuery query, CancellationToken ct = default);

    /// <summary>Counts for dashboards, and the first and last day an asOf answer can turn on.</summary>
    Task<GraphStatistics> GetStatisticsAsync(CancellationToken ct = default);

    /// <summary>The longest lists in the data (citations per source and per record, relationships per entity…), for cost estimates.</summary>
    Task<StoreCardinalities> GetCardinalitiesAsync(CancellationToken ct = default);

    /// <summary>The whole graph, for export and backend-to-backend copies.</summary>
    Task<GraphSnapshot> ExportAsync(CancellationToken ct = default);
}
