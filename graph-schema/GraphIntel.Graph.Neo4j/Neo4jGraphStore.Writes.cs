using System.Text.Json;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Names;
using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j;

public sealed partial class Neo4jGraphStore : IChangeSetLookup
{
    private static readonly ClaimStatus[] AllStatuses = Enum.GetValues<ClaimStatus>();

    public async Task<WriteSummary> ApplyAsync(ChangeSet changes, WriteContext context, CancellationToken ct = default)
    {
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await ChangeSetValidator.EnsureValidAsync(changes, this, ct).ConfigureAwait(false);
            var plan = await PlanAsync(changes, context, ct).ConfigureAwait(false);
            var statements = plan.ToStatements(_options.WriteBatchSize);
            if (statements.Count > 0) await _client.RunAsync(statements, ct).ConfigureAwait(false);
            return plan.Summary();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Reads what the change set touches and decides, record by record, what to write and audit.</summary>
    private async Task<WritePlan> PlanAsync(ChangeSet changes, WriteContext context, CancellationToken ct)
    {
        var plan = new WritePlan(context);
        var factIds = changes.Relationships.Select(r => r.Id).Concat(changes.Retractions).Distinct().ToArray();
        var storedSources = await GetSourcesAsync(changes.Sources.Select(s => s.Id).ToArray(), ct).ConfigureAwait(false);
        var storedEntities = await GetEntitiesDirectAsync(changes.Entities.Select(e => e.Id).ToArray(), ct).ConfigureAwait(false);
        var storedRelationships = await GetRelationshipsByIdAsync(factIds, ct).ConfigureAwait(false);
        var storedEstimates = await GetStrengthEstimatesByIdAsync(
            changes.StrengthEstimates.Select(x => x.Id).Concat(changes.Retractions).Distinct().ToArray(), ct).ConfigureAwait(false);

        foreach (var s in changes.Sources)
            plan.Source(storedSources.GetValueOrDefault(s.Id), s);
        foreach (var e in changes.Entities)
            plan.Entity(storedEntities.GetValueOrDefault(e.Id), e);
        foreach (var r in changes.Relationships)
            plan.Relationship(storedRelationships.GetValueOrDefault(r.Id), r);
        foreach (var x in changes.StrengthEstimates)
            plan.Estimate(storedEstimates.GetValueOrDefault(x.Id), x);

        foreach (var id in changes.Retractions.Distinct())
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
        var resolved = await GetEntitiesAsync([merge.MergedId, merge.SurvivorId], ct).ConfigureAwait(false);
        var survivor = plan.CurrentEntity(merge.SurvivorId) ?? resolved[merge.SurvivorId];
        if (resolved.TryGetValue(merge.MergedId, out var already) && already.Id == survivor.Id && plan.CurrentEntity(merge.MergedId) is null)
        {
            plan.MergeUnchanged();
            return;
        }
        var merged = plan.CurrentEntity(merge.MergedId) ?? resolved[merge.MergedId];
        var everyStatus = RelationshipFilter.Default with { Statuses = AllStatuses };
        var relationships = (await GetRelationshipsAsync([merged.Id], everyStatus, ct).ConfigureAwait(false))[merged.Id];
        var estimates = (await GetStrengthEstimatesAsync([merged.Id], includeRetracted: true, ct).ConfigureAwait(false))[merged.Id];

        var names = survivor.Aliases.Concat(merged.Names).Where(n => n != survivor.Name).Distinct().ToArray();
        var combined = survivor with
        {
            Aliases = names,
            Citations = survivor.Citations.Concat(merged.Citations).Distinct().ToArray(),
            Description = survivor.Description ?? merged.Description,
            Founded = survivor.Founded ?? merged.Founded,
            Dissolved = survivor.Dissolved ?? merged.Dissolved,
        };
        plan.Merge(merged, survivor, combined,
            relationships.Select(r => plan.CurrentRelationshipOr(r) with
            {
                FromId = r.FromId == merged.Id ? survivor.Id : r.FromId,
                ToId = r.ToId == merged.Id ? survivor.Id : r.ToId,
            }),
            estimates.Select(x => x with { OrganizationId = survivor.Id }));
    }

    /// <summary>Entities by exact id, without following merges.</summary>
    private async Task<IReadOnlyDictionary<string, Entity>> GetEntitiesDirectAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var all = await GetEntitiesAsync(ids, ct).ConfigureAwait(false);
        return all.Where(kv => kv.Key == kv.Value.Id).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

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

    async Task<IReadOnlyList<NameClaim>> IChangeSetLookup.GetNameClaimsAsync(IReadOnlyCollection<string> foldedNames, CancellationToken ct)
    {
        if (foldedNames.Count == 0) return [];
        var result = await RunAsync(Statements.NameClaims, new() { ["folded"] = foldedNames.Distinct().ToArray() }, ct).ConfigureAwait(false);
        return result.Rows.Select(r => new NameClaim(r[0].GetString()!, EnumNames.Parse<EntityKind>(r[1].GetString()!), r[2].GetString()!)).ToList();
    }

    /// <summary>
    /// What one change set writes: the final version of every record it changes, the records it deletes (entities
    /// merged away), and an audit entry per change. Records equal to what is stored are counted and skipped.
    /// </summary>
    private sealed class WritePlan(WriteContext context)
    {
        private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Entity> _entities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Relationship> _relationships = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StrengthEstimate> _estimates = new(StringComparer.Ordinal);
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

        public void Source(Source? before, Source after) =>
            Upsert(RecordKinds.Source, after.Id, before is null ? null : Neo4jRows.SourceRow(before), Neo4jRows.SourceRow(after),
                () => _sources[after.Id] = after);

        public void Entity(Entity? before, Entity after) =>
            Upsert(RecordKinds.Entity, after.Id, before is null ? null : Neo4jRows.EntityRow(before), Neo4jRows.EntityRow(after),
                () => _entities[after.Id] = after);

        public void Relationship(Relationship? before, Relationship after) =>
            Upsert(RecordKinds.Relationship, after.Id, before is null ? null : Neo4jRows.RelationshipRow(before),
                Neo4jRows.RelationshipRow(after), () => _relationships[after.Id] = after);

        public void Estimate(StrengthEstimate? before, StrengthEstimate after) =>
            Upsert(RecordKinds.StrengthEstimate, after.Id, before is null ? null : Neo4jRows.EstimateRow(before),
                Neo4jRows.EstimateRow(after), () => _estimates[after.Id] = after);

        public void Retract(Relationship before, Relationship after) =>
            Retract(before.Id, before.Status, Neo4jRows.RelationshipRow(before), Neo4jRows.RelationshipRow(after), () => _relationships[after.Id] = after);

        public void Retract(StrengthEstimate before, StrengthEstimate after) =>
            Retract(before.Id, before.Status, Neo4jRows.EstimateRow(before), Neo4jRows.EstimateRow(after), () => _estimates[after.Id] = after);

        public void MergeUnchanged() => Count(RecordKinds.Merge, unchanged: 1);

        public void Merge(Entity merged, Entity survivor, Entity combined, IEnumerable<Relationship> repointed, IEnumerable<StrengthEstimate> moved)
        {
            _entities.Remove(merged.Id);
            _entities[combined.Id] = combined;
            _deletedEntities.Add(merged.Id);
            foreach (var r in repointed) _relationships[r.Id] = r;
            foreach (var x in moved) _estimates[x.Id] = x;
            _merges.Add(new EntityMerge(survivor.Id, merged.Id));
            Count(RecordKinds.Merge, created: 1);
            Audit(AuditActions.Merge, merged.Id, Json(Neo4jRows.EntityRow(merged)), Json(Neo4jRows.EntityRow(combined)));
            Audit(AuditActions.Merge, survivor.Id, Json(Neo4jRows.EntityRow(survivor)), Json(Neo4jRows.EntityRow(combined)));
        }

        private void Retract(string id, ClaimStatus status, Dictionary<string, object?> before, Dictionary<string, object?> after, Action keep)
        {
            if (status == ClaimStatus.Retracted) { Count(RecordKinds.Retraction, unchanged: 1); return; }
            keep();
            Count(RecordKinds.Retraction, updated: 1);
            Audit(AuditActions.Retract, id, Json(before), Json(after));
        }

        private void Upsert(string kind, string id, Dictionary<string, object?>? before, Dictionary<string, object?> after, Action keep)
        {
            var afterJson = Json(after);
            var beforeJson = before is null ? null : Json(before);
            if (beforeJson == afterJson) { Count(kind, unchanged: 1); return; }
            keep();
            Count(kind, created: before is null ? 1 : 0, updated: before is null ? 0 : 1);
            Audit(before is null ? AuditActions.Create : AuditActions.Update, id, beforeJson, afterJson);
        }

        private void Count(string kind, int created = 0, int updated = 0, int unchanged = 0)
        {
            var (c, u, n) = _counts.GetValueOrDefault(kind);
            _counts[kind] = (c + created, u + updated, n + unchanged);
        }

        private void Audit(string action, string targetId, string? before, string? after) => _audit.Add(new()
        {
            ["at"] = context.At.ToString("O"),
            ["actor"] = context.Actor,
            ["action"] = action,
            ["targetId"] = targetId,
            ["reason"] = context.Reason,
            ["before"] = before,
            ["after"] = after,
        });

        private static string Json(Dictionary<string, object?> row) => JsonSerializer.Serialize(row);

        public WriteSummary Summary() => new(_counts.ToDictionary(
            kv => kv.Key, kv => new WriteCounts(kv.Value.Created, kv.Value.Updated, kv.Value.Unchanged), StringComparer.Ordinal));

        /// <summary>The statements, in dependency order, rows chunked into batches; all run in one transaction.</summary>
        public IReadOnlyList<Statement> ToStatements(int batchSize)
        {
            var statements = new List<Statement>();
            void Add(string text, string name, IEnumerable<object?> rows)
            {
                foreach (var chunk in rows.Chunk(batchSize))
                    statements.Add(new Statement(text, new Dictionary<string, object?> { [name] = chunk }));
            }

            var rewrittenEntities = _entities.Keys.Concat(_deletedEntities).ToArray();
            var recited = rewrittenEntities.Concat(_relationships.Keys).Concat(_estimates.Keys).ToArray();
            Add(Statements.UpsertSources, "rows", _sources.Values.Select(Neo4jRows.SourceRow));
            Add(Statements.DeleteNames, "ids", rewrittenEntities);
            Add(Statements.DeleteCitations, "ids", recited);
            Add(Statements.DeleteEntities, "ids", _deletedEntities);
            Add(Statements.UpsertEntities, "rows", _entities.Values.Select(Neo4jRows.EntityRow));
            Add(Statements.CreateNames, "rows", _entities.Values.SelectMany(NameRows));
            Add(Statements.UpsertRelationships, "rows", _relationships.Values.Select(Neo4jRows.RelationshipRow));
            Add(Statements.UpsertEstimates, "rows", _estimates.Values.Select(Neo4jRows.EstimateRow));
            Add(Statements.CreateCitations, "rows",
                _entities.Values.Select(e => (e.Id, e.Citations))
                    .Concat(_relationships.Values.Select(r => (r.Id, r.Citations)))
                    .Concat(_estimates.Values.Select(x => (x.Id, x.Citations)))
                    .SelectMany(f => f.Citations.Select((c, i) => (object?)new Dictionary<string, object?>
                    {
                        ["supportsId"] = f.Id, ["sourceId"] = c.SourceId, ["quote"] = c.Quote, ["supports"] = c.Supports, ["ordinal"] = i,
                    })));
            Add(Statements.RecordMerges, "rows", _merges.Select(m => (object?)new Dictionary<string, object?>
            {
                ["survivorId"] = m.SurvivorId, ["mergedId"] = m.MergedId,
            }));
            if (_audit.Count > 0) statements.Add(new Statement(Statements.AppendAudit, new Dictionary<string, object?> { ["rows"] = _audit }));
            return statements;
        }

        private static IEnumerable<object?> NameRows(Entity e) => e.Names.Distinct().Select(name => (object?)new Dictionary<string, object?>
        {
            ["entityId"] = e.Id,
            ["kind"] = EnumNames.ToContractName(e.Kind),
            ["name"] = name,
            ["key"] = NameNormalizer.Key(name),
            ["folded"] = NameNormalizer.Fold(name),
            ["trigrams"] = NameTrigrams.Of(NameNormalizer.Key(name)).Distinct().ToArray(),
        });
    }
}
