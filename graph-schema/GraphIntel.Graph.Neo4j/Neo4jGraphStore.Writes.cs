using GraphIntel.Graph.Model;
using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Store.Patches;

namespace GraphIntel.Graph.Neo4j;

public sealed partial class Neo4jGraphStore : IChangeSetLookup, IStoredRecords
{
    private static readonly ClaimStatus[] AllStatuses = Enum.GetValues<ClaimStatus>();

    public async Task<WriteSummary> ApplyAsync(ChangeSet changes, WriteContext context, CancellationToken ct = default)
    {
        changes = Names.NameForms.Normalize(changes);
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Under the write lock, so what patches are merged with and validated against is what is replaced.
            var prepared = await ChangeSetResolver.PrepareAsync(changes, context, this, this, ct).ConfigureAwait(false);
            var plan = await PlanAsync(prepared, context, ct).ConfigureAwait(false);
            var version = _client.ServerVersion ?? throw new GraphStoreException("Neo4j did not report its version", isTransient: false);
            var statements = plan.ToStatements(_options.WriteBatchSize, gramLinks: !SchemaStatements.UsesFulltextNames(version));
            if (statements.Count > 0) await WriteOnceAsync(statements, ct).ConfigureAwait(false);
            if (plan.WrittenRecords >= _options.ResampleIndexesAfterRecords) await ResampleIndexesAsync(ct).ConfigureAwait(false);
            return plan.Summary();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// <paramref name="statements"/> (a transaction that writes data) followed by the write generation's advance
    /// (<see cref="Statements.AdvanceWriteGeneration"/>), so other processes' caches see the write once it commits.
    /// </summary>
    private static List<Statement> AdvancingGeneration(IEnumerable<Statement> statements) =>
    [
        .. statements,
        new Statement(Statements.AdvanceWriteGeneration, new Dictionary<string, object?> { ["storeId"] = Guid.NewGuid().ToString("N") }),
    ];

    public async Task<WriteGeneration> GetWriteGenerationAsync(CancellationToken ct = default)
    {
        var row = (await _client.RunAsync(new Statement(Statements.ReadWriteGeneration), ct).ConfigureAwait(false)).Rows[0];
        return new WriteGeneration(row[0].GetString() ?? string.Empty, row[1].GetInt64());
    }

    /// <summary>
    /// Best effort, after a large write has committed: a failure here loses nothing but fresher index statistics,
    /// which Neo4j's background sampling brings later anyway, so it does not fail the write.
    /// </summary>
    private async Task ResampleIndexesAsync(CancellationToken ct)
    {
        try
        {
            await _client.RunAsync(new Statement(Statements.ResampleOutdatedIndexes), ct).ConfigureAwait(false);
        }
        catch (GraphStoreException)
        {
            // The write is committed; stale statistics only cost query plans until the server resamples by itself.
        }
    }

    /// <summary>Reads what the change set touches and decides, record by record, what to write and audit.</summary>
    private async Task<WritePlan> PlanAsync(ChangeSet changes, WriteContext context, CancellationToken ct)
    {
        var plan = new WritePlan(context, reverting: changes.RevertAuditSequence is not null);
        // Facts may name an entity by an id merged away: they are written against the survivor.
        var endpoints = changes.Relationships.SelectMany(r => new[] { r.FromId, r.ToId })
            .Concat(changes.StrengthEstimates.Select(x => x.OrganizationId)).Distinct().ToArray();
        var survivors = await GetSurvivorsAsync(endpoints, ct).ConfigureAwait(false);
        string Resolve(string id) => survivors.GetValueOrDefault(id, id);
        var relationships = changes.Relationships
            .Select(r => survivors.Count == 0 ? r : r with { FromId = Resolve(r.FromId), ToId = Resolve(r.ToId) }).ToList();
        var estimates = changes.StrengthEstimates
            .Select(x => survivors.Count == 0 ? x : x with { OrganizationId = Resolve(x.OrganizationId) }).ToList();

        var factIds = relationships.Select(r => r.Id).Concat(changes.Retractions).Distinct().ToArray();
        var storedSources = await GetSourcesAsync(changes.Sources.Select(s => s.Id).ToArray(), ct).ConfigureAwait(false);
        var storedEntities = await GetEntitiesDirectAsync(changes.Entities.Select(e => e.Id).ToArray(), ct).ConfigureAwait(false);
        var storedRelationships = await GetRelationshipsByIdAsync(factIds, ct).ConfigureAwait(false);
        var storedEstimates = await GetStrengthEstimatesByIdAsync(
            estimates.Select(x => x.Id).Concat(changes.Retractions).Distinct().ToArray(), ct).ConfigureAwait(false);

        foreach (var s in changes.Sources)
            plan.Source(storedSources.GetValueOrDefault(s.Id), s);
        foreach (var e in changes.Entities)
            plan.Entity(storedEntities.GetValueOrDefault(e.Id), e);
        foreach (var r in relationships)
            plan.Relationship(storedRelationships.GetValueOrDefault(r.Id), r);
        foreach (var x in estimates)
            plan.Estimate(storedEstimates.GetValueOrDefault(x.Id), x);

        foreach (var id in changes.Retractions.Distinct(StringComparer.Ordinal))
        {
            if (plan.CurrentRelationship(id, storedRelationships) is { } r) plan.Retract(r, r with { Status = ClaimStatus.Retracted });
            else if (plan.CurrentEstimate(id, storedEstimates) is { } x) plan.Retract(x, x with { Status = ClaimStatus.Retracted });
        }

        foreach (var merge in changes.Merges)
            await PlanMergeAsync(plan, merge, ct).ConfigureAwait(false);
        return plan;
    }

    private async Task PlanMergeAsync(WritePlan plan, EntityMerge merge, CancellationToken ct)
    {
        var survivors = await GetSurvivorsAsync([merge.MergedId], ct).ConfigureAwait(false);
        if (survivors.GetValueOrDefault(merge.MergedId) == merge.SurvivorId)
        {
            plan.MergeUnchanged();
            return;
        }
        var stored = await GetEntitiesDirectAsync([merge.MergedId, merge.SurvivorId], ct).ConfigureAwait(false);
        var survivor = plan.CurrentEntity(merge.SurvivorId) ?? stored[merge.SurvivorId];
        var merged = plan.CurrentEntity(merge.MergedId) ?? stored[merge.MergedId];
        var everyStatus = RelationshipFilter.Default with { Statuses = AllStatuses };
        var relationships = (await GetRelationshipsAsync([merged.Id], everyStatus, ct).ConfigureAwait(false))[merged.Id]
            .Select(plan.CurrentRelationshipOr)
            .Concat(plan.PlannedRelationshipsTouching(merged.Id))
            .DistinctBy(r => r.Id);
        var estimates = (await GetStrengthEstimatesAsync([merged.Id], includeRetracted: true, ct).ConfigureAwait(false))[merged.Id]
            .Select(plan.CurrentEstimateOr)
            .Concat(plan.PlannedEstimatesOf(merged.Id))
            .DistinctBy(x => x.Id);

        plan.Merge(merged, survivor, EntityMerging.Combine(survivor, merged), relationships.ToList(), estimates.ToList());
    }

    /// <summary>For each of these ids that was merged away, the id that now answers for it.</summary>
    private async Task<IReadOnlyDictionary<string, string>> GetSurvivorsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<string, string>();
        var result = await RunAsync(Statements.SurvivorsOf, new() { ["ids"] = ids.Distinct().ToArray() }, ct).ConfigureAwait(false);
        return result.Rows.ToDictionary(r => r[0].GetString()!, r => r[1].GetString()!, StringComparer.Ordinal);
    }

    /// <summary>Entities by exact id, without following merges.</summary>
    private async Task<IReadOnlyDictionary<string, Entity>> GetEntitiesDirectAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var all = await GetEntitiesAsync(ids, ct).ConfigureAwait(false);
        return all.Where(kv => kv.Key == kv.Value.Id).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    // ---- IStoredRecords: what patches, reverts and the source-text guard need ------------------------------

    Task<IReadOnlyDictionary<string, Entity>> IStoredRecords.GetEntityRecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        GetEntitiesDirectAsync(ids, ct);

    Task<IReadOnlyDictionary<string, Relationship>> IStoredRecords.GetRelationshipRecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        GetRelationshipsByIdAsync(ids, ct);

    async Task<IReadOnlyList<Relationship>> IStoredRecords.GetRelationshipsOfAsync(IReadOnlyCollection<string> entityIds, CancellationToken ct) =>
        (await GetRelationshipsAsync(entityIds, RelationshipFilter.Default with { Statuses = AllStatuses }, ct).ConfigureAwait(false))
            .Values.SelectMany(r => r).DistinctBy(r => r.Id).ToList();

    Task<IReadOnlyDictionary<string, StrengthEstimate>> IStoredRecords.GetEstimateRecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        GetStrengthEstimatesByIdAsync(ids, ct);

    Task<IReadOnlyDictionary<string, Source>> IStoredRecords.GetSourceRecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        GetSourcesAsync(ids, ct);

    async Task<IReadOnlyList<SourceCitation>> IStoredRecords.GetCitationsOfSourcesAsync(IReadOnlyCollection<string> sourceIds, CancellationToken ct) =>
        (await GetCitationsBySourceAsync(sourceIds, ct).ConfigureAwait(false)).Values.SelectMany(c => c).ToList();

    async Task<AuditEntry?> IStoredRecords.GetAuditEntryAsync(long sequence, CancellationToken ct) =>
        (await GetAuditAsync(new AuditQuery { Before = sequence + 1, First = 1 }, ct).ConfigureAwait(false))
            .FirstOrDefault(e => e.Sequence == sequence);

    // ---- IChangeSetLookup: what the validator needs to know -------------------------------------------------

    async Task<IReadOnlyDictionary<string, ExistingEntity>> IChangeSetLookup.GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<string, ExistingEntity>();
        var result = await RunAsync(Statements.EntityKindsByIds, new() { ["ids"] = ids.Distinct().ToArray() }, ct).ConfigureAwait(false);
        return result.Rows.ToDictionary(
            r => r[0].GetString()!,
            r =>
            {
                var asked = r[0].GetString()!;
                var id = r[1].GetString()!;
                return new ExistingEntity(asked, EnumNames.Parse<EntityKind>(r[2].GetString()!), id == asked ? null : id);
            },
            StringComparer.Ordinal);
    }

    async Task<IReadOnlyDictionary<string, string>> IChangeSetLookup.GetSourceTextsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        (await GetSourcesAsync(ids, ct).ConfigureAwait(false)).ToDictionary(kv => kv.Key, kv => kv.Value.Text, StringComparer.Ordinal);

    async Task<IReadOnlySet<string>> IChangeSetLookup.GetExistingFactIdsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new HashSet<string>();
        var result = await RunAsync(Statements.ExistingFactIds, new() { ["ids"] = ids.Distinct().ToArray() }, ct).ConfigureAwait(false);
        return result.Rows.Select(r => r[0].GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    async Task<IReadOnlyList<NameClaim>> IChangeSetLookup.GetNameClaimsAsync(IReadOnlyCollection<string> clashKeys, CancellationToken ct)
    {
        if (clashKeys.Count == 0) return [];
        var result = await RunAsync(Statements.NameClaims, new() { ["clashKeys"] = clashKeys.Distinct().ToArray() }, ct).ConfigureAwait(false);
        return result.Rows.Select(r => new NameClaim(r[0].GetString()!, EnumNames.Parse<EntityKind>(r[1].GetString()!), r[2].GetString()!)).ToList();
    }

    /// <summary>
    /// What one change set writes: the final version of every record it changes, the records it deletes (entities
    /// merged away), and an audit entry per change. Records equal to what is stored are counted and skipped.
    /// </summary>
    private sealed class WritePlan(WriteContext context, bool reverting)
    {
        private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Entity> _entities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Relationship> _relationships = new(StringComparer.Ordinal);
        /// <summary>Relationships the store may already hold an edge of: their edge is deleted before it is recreated.</summary>
        private readonly HashSet<string> _rewrittenRelationships = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StrengthEstimate> _estimates = new(StringComparer.Ordinal);
        /// <summary>
        /// Ids of the sources, entities and estimates above that the plan read as not stored: they are CREATEd, with no
        /// names or citations of theirs to delete first (their uniqueness constraints still refuse a duplicate).
        /// </summary>
        private readonly HashSet<string> _newSources = new(StringComparer.Ordinal), _newEntities = new(StringComparer.Ordinal),
            _newEstimates = new(StringComparer.Ordinal);
        private readonly List<string> _deletedEntities = [];
        private readonly List<EntityMerge> _merges = [];
        private readonly List<Dictionary<string, object?>> _audit = [];
        private readonly Dictionary<string, (int Created, int Updated, int Unchanged)> _counts = new(StringComparer.Ordinal);

        public Entity? CurrentEntity(string id) => _entities.GetValueOrDefault(id);
        public Relationship? CurrentRelationship(string id, IReadOnlyDictionary<string, Relationship> stored) =>
            _relationships.GetValueOrDefault(id) ?? stored.GetValueOrDefault(id);
        public Relationship CurrentRelationshipOr(Relationship stored) => _relationships.GetValueOrDefault(stored.Id) ?? stored;
        public StrengthEstimate? CurrentEstimate(string id, IReadOnlyDictionary<string, StrengthEstimate> stored) =>
            _estimates.GetValueOrDefault(id) ?? stored.GetValueOrDefault(id);
        public StrengthEstimate CurrentEstimateOr(StrengthEstimate stored) => _estimates.GetValueOrDefault(stored.Id) ?? stored;
        public IEnumerable<Relationship> PlannedRelationshipsTouching(string entityId) =>
            _relationships.Values.Where(r => r.FromId == entityId || r.ToId == entityId).ToList();
        public IEnumerable<StrengthEstimate> PlannedEstimatesOf(string organizationId) =>
            _estimates.Values.Where(x => x.OrganizationId == organizationId).ToList();

        public void Source(Source? before, Source after) =>
            Upsert(RecordKinds.Source, after.Id, AuditActions.ForUpsert(before, after, reverting), Json(before), RecordJson.Serialize(after),
                () => _sources[after.Id] = after, _newSources);

        public void Entity(Entity? before, Entity after) =>
            Upsert(RecordKinds.Entity, after.Id, AuditActions.ForUpsert(before, after, reverting), Json(before), RecordJson.Serialize(after),
                () => _entities[after.Id] = after, _newEntities);

        public void Relationship(Relationship? before, Relationship after) =>
            Upsert(RecordKinds.Relationship, after.Id, AuditActions.ForUpsert(before, after, reverting), Json(before), RecordJson.Serialize(after),
                () => KeepRelationship(after, stored: before is not null));

        public void Estimate(StrengthEstimate? before, StrengthEstimate after) =>
            Upsert(RecordKinds.StrengthEstimate, after.Id, AuditActions.ForUpsert(before, after, reverting), Json(before), RecordJson.Serialize(after),
                () => _estimates[after.Id] = after, _newEstimates);

        public void Retract(Relationship before, Relationship after) =>
            Retract(before.Id, before.Status, RecordJson.Serialize(before), RecordJson.Serialize(after), () => KeepRelationship(after, stored: true));

        public void Retract(StrengthEstimate before, StrengthEstimate after) =>
            Retract(before.Id, before.Status, RecordJson.Serialize(before), RecordJson.Serialize(after), () => _estimates[after.Id] = after);

        public void MergeUnchanged() => Count(RecordKinds.Merge, unchanged: 1);

        /// <summary>Plans a merge (<see cref="EntityMerging"/>) moving these relationships and estimates (their current versions).</summary>
        public void Merge(Entity merged, Entity survivor, Entity combined, IReadOnlyList<Relationship> relationships, IReadOnlyList<StrengthEstimate> estimates)
        {
            _entities.Remove(merged.Id);
            _entities[combined.Id] = combined;
            _deletedEntities.Add(merged.Id);
            foreach (var r in relationships) KeepRelationship(EntityMerging.Repoint(r, merged.Id, survivor.Id), stored: true);
            foreach (var x in estimates) _estimates[x.Id] = EntityMerging.MoveTo(x, survivor.Id);
            _merges.Add(new EntityMerge(survivor.Id, merged.Id));
            Count(RecordKinds.Merge, created: 1);
            var after = RecordJson.Serialize(combined);
            Audit(AuditActions.Merge, merged.Id, RecordJson.Serialize(merged), after);
            Audit(AuditActions.Update, survivor.Id, RecordJson.Serialize(survivor), after);
            foreach (var (id, before, moved) in EntityMerging.Moves(relationships, estimates, merged.Id, survivor.Id))
                Audit(AuditActions.Merge, id, before, moved);
        }

        /// <summary>
        /// Plans a relationship's final version. <paramref name="stored"/>: the store may hold an edge of it (when in
        /// doubt, true: deleting an edge that is not there costs one index seek).
        /// </summary>
        private void KeepRelationship(Relationship relationship, bool stored)
        {
            _relationships[relationship.Id] = relationship;
            if (stored) _rewrittenRelationships.Add(relationship.Id);
        }

        private void Retract(string id, ClaimStatus status, string before, string after, Action keep)
        {
            if (status == ClaimStatus.Retracted) { Count(RecordKinds.Retraction, unchanged: 1); return; }
            keep();
            Count(RecordKinds.Retraction, updated: 1);
            Audit(reverting ? AuditActions.Revert : AuditActions.Retract, id, before, after);
        }

        /// <summary>Records equal in <see cref="RecordJson"/> are the same content: counted unchanged, neither written nor audited.</summary>
        private void Upsert(string kind, string id, string action, string? before, string after, Action keep, HashSet<string>? created = null)
        {
            if (before == after) { Count(kind, unchanged: 1); return; }
            keep();
            if (before is null) created?.Add(id);
            Count(kind, created: before is null ? 1 : 0, updated: before is null ? 0 : 1);
            Audit(action, id, before, after);
        }

        private void Count(string kind, int created = 0, int updated = 0, int unchanged = 0)
        {
            var (c, u, n) = _counts.GetValueOrDefault(kind);
            _counts[kind] = (c + created, u + updated, n + unchanged);
        }

        private void Audit(string action, string targetId, string? before, string? after) => _audit.Add(new()
        {
            ["at"] = context.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["actor"] = context.Actor,
            ["action"] = action,
            ["targetId"] = targetId,
            ["reason"] = context.Reason,
            ["before"] = before,
            ["after"] = after,
        });

        private static string? Json<T>(T? record) where T : class => record is null ? null : RecordJson.Serialize(record);

        /// <summary>Records written or deleted (audit entries aside).</summary>
        public int WrittenRecords =>
            _sources.Count + _entities.Count + _relationships.Count + _estimates.Count + _deletedEntities.Count + _merges.Count;

        public WriteSummary Summary() => new(_counts.ToDictionary(
            kv => kv.Key, kv => new WriteCounts(kv.Value.Created, kv.Value.Updated, kv.Value.Unchanged), StringComparer.Ordinal));

        /// <summary>
        /// The statements, in dependency order, rows chunked into batches; all run in one transaction.
        /// <paramref name="gramLinks"/>: names are linked to (:Gram)s (servers that search misspellings through them).
        /// </summary>
        public IReadOnlyList<Statement> ToStatements(int batchSize, bool gramLinks)
        {
            var statements = new List<Statement>();
            void Add(string text, string name, IEnumerable<object?> rows)
            {
                foreach (var chunk in rows.Chunk(batchSize))
                    statements.Add(new Statement(text, new Dictionary<string, object?> { [name] = chunk }));
            }

            // Only records that may be stored have names and citations to replace; new ones are created outright.
            var rewrittenEntities = _entities.Keys.Where(id => !_newEntities.Contains(id)).Concat(_deletedEntities).ToArray();
            var recited = rewrittenEntities.Concat(_rewrittenRelationships).Concat(_estimates.Keys.Where(id => !_newEstimates.Contains(id))).ToArray();
            var names = _entities.Values.SelectMany(Neo4jRows.NameRows).Select(row => gramLinks ? Neo4jRows.WithGrams(row) : row).ToList();
            Add(Statements.UpsertSources, "rows", _sources.Values.Where(s => !_newSources.Contains(s.Id)).Select(Neo4jRows.SourceRow));
            Add(Statements.CreateSources, "rows", _sources.Values.Where(s => _newSources.Contains(s.Id)).Select(Neo4jRows.SourceRow));
            Add(Statements.DeleteNames, "ids", rewrittenEntities);
            Add(Statements.DeleteCitations, "ids", recited);
            Add(Statements.DeleteEntities, "ids", _deletedEntities);
            Add(Statements.UpsertEntities, "rows", _entities.Values.Where(e => !_newEntities.Contains(e.Id)).Select(Neo4jRows.EntityRow));
            Add(Statements.CreateEntities, "rows", _entities.Values.Where(e => _newEntities.Contains(e.Id)).Select(Neo4jRows.EntityRow));
            // Each gram is MERGEd once per write, then names link to it by index lookup: MERGE per link would take the
            // gram's lock and seek once for every name sharing it.
            if (gramLinks) Add(Statements.UpsertGrams, "grams", Neo4jRows.DistinctGrams(names));
            Add(gramLinks ? Statements.CreateNamesLinkingGrams : Statements.CreateNames, "rows", names);
            Add(Statements.DeleteRelationships, "ids", _rewrittenRelationships);
            Add(Statements.UpsertRelationships, "rows", _relationships.Values.Where(r => _rewrittenRelationships.Contains(r.Id)).Select(Neo4jRows.RelationshipRow));
            Add(Statements.CreateRelationships, "rows", _relationships.Values.Where(r => !_rewrittenRelationships.Contains(r.Id)).Select(Neo4jRows.RelationshipRow));
            Add(Statements.UpsertEstimates, "rows", _estimates.Values.Where(x => !_newEstimates.Contains(x.Id)).Select(Neo4jRows.EstimateRow));
            Add(Statements.CreateEstimates, "rows", _estimates.Values.Where(x => _newEstimates.Contains(x.Id)).Select(Neo4jRows.EstimateRow));
            Add(Statements.CreateCitations, "rows",
                _entities.Values.Select(e => (e.Id, e.Citations))
                    .Concat(_relationships.Values.Select(r => (r.Id, r.Citations)))
                    .Concat(_estimates.Values.Select(x => (x.Id, x.Citations)))
                    .SelectMany(f => Neo4jRows.CitationRows(f.Id, f.Citations)));
            Add(Statements.RecordMerges, "rows", _merges.Select(m => (object?)new Dictionary<string, object?>
            {
                ["survivorId"] = m.SurvivorId, ["mergedId"] = m.MergedId,
            }));
            foreach (var chunk in _audit.Chunk(batchSize))
            {
                var rows = chunk.Select((row, i) => new Dictionary<string, object?>(row) { ["offset"] = i + 1 }).ToArray();
                statements.Add(new Statement(Statements.AppendAudit, new Dictionary<string, object?> { ["rows"] = rows }));
            }
            return statements;
        }
    }
}
