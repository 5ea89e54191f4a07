using System.Text.Json;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Names;
using GraphIntel.Graph.Neo4j.Cypher;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    private static readonly string[] AllKinds = Enum.GetValues<EntityKind>().Select(EnumNames.ToContractName).ToArray();
    private static readonly string[] AllTypes = Enum.GetValues<RelationshipType>().Select(EnumNames.ToContractName).ToArray();

    private static readonly string[] LiveStatuses = Enum.GetValues<ClaimStatus>()
        .Where(s => s != ClaimStatus.Retracted).Select(EnumNames.ToContractName).ToArray();

    public async Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<string, Entity>();
        var result = await RunAsync(Statements.EntitiesByIds, new() { ["ids"] = ids.Distinct().ToArray() }, ct).ConfigureAwait(false);
        return result.Rows.ToDictionary(r => r[0].GetString()!, r => Neo4jRows.ReadEntity(r, 1), StringComparer.Ordinal);
    }

    /// <summary>
    /// Candidates come from Neo4j — key matches by one index seek, misspellings by shared grams (on 3.x–4.3 (:Gram)
    /// nodes read rarest first, <see cref="NameGrams.FuzzyPlan"/>; on 4.4+ a full-text index) — and <see cref="NameIndex"/>
    /// ranks them exactly as the embedded store does, so both backends answer alike. Exact and key matches always rank
    /// above misspellings, so when they alone fill <paramref name="limit"/> the misspelling search is skipped: Neo4j
    /// checks that itself (<c>FuzzyGate</c>), so both statements go in one request, one round trip either way.
    /// </summary>
    public async Task<IReadOnlyList<NameMatch>> FindByNameAsync(
        string text, IReadOnlyCollection<EntityKind>? kinds = null, int limit = 10, CancellationToken ct = default)
    {
        if (limit <= 0 || string.IsNullOrWhiteSpace(text)) return [];
        var key = NameNormalizer.Key(text);
        if (key.Length == 0) return [];
        var kindNames = kinds is { Count: > 0 } ? kinds.Select(EnumNames.ToContractName).Distinct().ToArray() : null;
        var statements = new List<Http.Statement> { new(Statements.NameKeyCandidates, new Dictionary<string, object?> { ["keys"] = new[] { key }, ["kinds"] = kindNames }) };
        var plan = NameGrams.FuzzyPlan(key);
        if (plan.Count > 0)
        {
            await _client.DiscoverAsync(ct).ConfigureAwait(false); // discovery, once: the version picks the statement
            var version = _client.ServerVersion ?? throw new GraphStoreException("Neo4j did not report its version", isTransient: false);
            var fuzzy = new Dictionary<string, object?>
            {
                ["key"] = key,
                ["limit"] = limit,
                ["kinds"] = kindNames,
                ["lengths"] = plan.Select(l => l.Parameter()).ToArray(),
            };
            if (SchemaStatements.UsesFulltextNames(version)) fuzzy["queries"] = NameGrams.FulltextQueries(plan);
            statements.Add(new(Statements.NameFuzzyCandidatesFor(version), fuzzy));
        }
        var results = await _client.RunAsync(statements, ct).ConfigureAwait(false);
        var candidates = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var row in results[0].Rows)
            candidates.TryAdd(row[0].GetString()!, Neo4jRows.ReadEntity(row, 0));
        if (results.Count > 1)
        {
            // Only entities with a name within the edit bound can rank (the bound NameIndex applies); keep just those.
            foreach (var row in results[1].Rows)
            {
                var nameKey = row[0].GetString()!;
                if (NameSimilarity.Distance(key, nameKey, NameSimilarity.MaxEdits(Math.Min(key.Length, nameKey.Length))) is not null)
                    candidates.TryAdd(row[1].GetString()!, Neo4jRows.ReadEntity(row, 1));
            }
        }
        if (candidates.Count == 0) return [];
        var index = new NameIndex();
        foreach (var e in candidates.Values) index.Set(e.Id, e.Kind, e.Name, e.Aliases);
        return index.Search(text, kinds, limit)
            .Select(h => new NameMatch(candidates[h.EntityId], h.Score, h.Matched, h.Exact))
            .ToList();
    }

    public async Task<EntityPage> ListEntitiesAsync(EntityQuery query, CancellationToken ct = default)
    {
        var (afterKey, afterId) = EntityCursor.Decode(query.After);
        var take = Math.Max(0, query.First);
        var parameters = new Dictionary<string, object?>
        {
            ["kinds"] = query.Kinds is { Count: > 0 } k ? k.Select(EnumNames.ToContractName).ToArray() : AllKinds,
            ["orgKinds"] = query.OrganizationKinds is { Count: > 0 } ok ? ok.Select(EnumNames.ToContractName).ToArray() : null,
            ["contains"] = string.IsNullOrWhiteSpace(query.NameContains) ? null : NameNormalizer.Fold(query.NameContains),
            ["asOfStart"] = query.ActiveAt is { } a1 ? Neo4jRows.Day(a1.Start) : null,
            ["asOfEnd"] = query.ActiveAt is { } a2 ? Neo4jRows.Day(a2.End) : null,
            ["possible"] = query.Certainty == TemporalCertainty.Possible,
            ["afterKey"] = afterKey,
            ["afterId"] = afterId,
            ["take"] = take + 1,
        };
        var results = await _client.RunAsync(
            [new(Statements.ListEntitiesPage, parameters), new(Statements.CountEntities, parameters)], ct).ConfigureAwait(false);
        var rows = results[0].Rows;
        var items = rows.Take(take).Select(r => Neo4jRows.ReadEntity(r, 1)).ToList();
        var cursors = rows.Take(take).Select(r => EntityCursor.Encode(r[0].GetString()!, r[1].GetString()!)).ToList();
        return new EntityPage(items, rows.Count > take, results[1].Rows[0][0].GetInt32(), cursors.LastOrDefault()) { Cursors = cursors };
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Relationship>>> GetRelationshipsAsync(
        IReadOnlyCollection<string> entityIds, RelationshipFilter filter, CancellationToken ct = default)
    {
        var byEntity = entityIds.Distinct().ToDictionary(id => id, _ => new List<Relationship>(), StringComparer.Ordinal);
        if (byEntity.Count == 0) return new Dictionary<string, IReadOnlyList<Relationship>>();
        var parameters = FilterParameters(filter);
        parameters["ids"] = byEntity.Keys.ToArray();
        parameters["direction"] = DirectionName(filter.Direction);
        var result = await RunAsync(Statements.RelationshipsOfEntities, parameters, ct).ConfigureAwait(false);
        foreach (var row in result.Rows) byEntity[row[0].GetString()!].Add(Neo4jRows.ReadRelationship(row, 1));
        return byEntity.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Relationship>)kv.Value.OrderBy(r => r.Id, CodePointOrder.Comparer).ToList());
    }

    public async Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipsByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<string, Relationship>();
        var result = await RunAsync(Statements.RelationshipsByIds, new() { ["ids"] = ids.Distinct().ToArray() }, ct).ConfigureAwait(false);
        return result.Rows.Select(r => Neo4jRows.ReadRelationship(r, 0)).ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StrengthEstimate>>> GetStrengthEstimatesAsync(
        IReadOnlyCollection<string> organizationIds, bool includeRetracted = false, CancellationToken ct = default)
    {
        var byOrg = organizationIds.Distinct().ToDictionary(id => id, _ => new List<StrengthEstimate>(), StringComparer.Ordinal);
        if (byOrg.Count == 0) return new Dictionary<string, IReadOnlyList<StrengthEstimate>>();
        var result = await RunAsync(Statements.EstimatesOfOrganizations,
            new() { ["ids"] = byOrg.Keys.ToArray(), ["includeRetracted"] = includeRetracted }, ct).ConfigureAwait(false);
        foreach (var row in result.Rows) byOrg[row[0].GetString()!].Add(Neo4jRows.ReadEstimate(row, 1));
        return byOrg.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<StrengthEstimate>)kv.Value.OrderBy(x => x.Id, CodePointOrder.Comparer).ToList());
    }

    public async Task<IReadOnlyDictionary<string, StrengthEstimate>> GetStrengthEstimatesByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<string, StrengthEstimate>();
        var result = await RunAsync(Statements.EstimatesByIds, new() { ["ids"] = ids.Distinct().ToArray() }, ct).ConfigureAwait(false);
        return result.Rows.Select(r => Neo4jRows.ReadEstimate(r, 0)).ToDictionary(x => x.Id, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<string, Source>();
        var result = await RunAsync(Statements.SourcesByIds, new() { ["ids"] = ids.Distinct().ToArray() }, ct).ConfigureAwait(false);
        return result.Rows.Select(Neo4jRows.ReadSource).ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken ct = default) =>
        (await RunAsync(Statements.AllSources, [], ct).ConfigureAwait(false)).Rows.Select(Neo4jRows.ReadSource)
            .OrderBy(s => s.Id, CodePointOrder.Comparer).ToList(); // Cypher's ORDER BY is UTF-16 order

    public async Task<SourcePage> ListSourcesAsync(SourceQuery query, CancellationToken ct = default)
    {
        var parameters = new Dictionary<string, object?> { ["afterId"] = SourcePaging.AfterId(query), ["take"] = query.First + 1 };
        var results = await _client.RunAsync(
            [new(Statements.ListSourcesPage, parameters), new(Statements.SourcePageCounts, parameters)], ct).ConfigureAwait(false);
        var counts = results[1].Rows[0];
        return SourcePaging.Page(query, results[0].Rows.Select(Neo4jRows.ReadSource).ToList(), counts[0].GetInt32(), counts[1].GetInt32() > 0);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SourceCitation>>> GetCitationsBySourceAsync(
        IReadOnlyCollection<string> sourceIds, CancellationToken ct = default)
    {
        var bySource = sourceIds.Distinct().ToDictionary(id => id, _ => new List<SourceCitation>(), StringComparer.Ordinal);
        if (bySource.Count == 0) return new Dictionary<string, IReadOnlyList<SourceCitation>>();
        var result = await RunAsync(Statements.CitationsOfSources, new() { ["ids"] = bySource.Keys.ToArray() }, ct).ConfigureAwait(false);
        foreach (var r in result.Rows)
        {
            var sourceId = r[0].GetString()!;
            bySource[sourceId].Add(new SourceCitation(new Citation(sourceId, r[1].GetString()!, Neo4jRows.Str(r[2])), r[3].GetString()!));
        }
        // Cypher ordered them by supporting id in UTF-16 order; a stable sort puts them in code point order.
        return bySource.ToDictionary(kv => kv.Key,
            kv => (IReadOnlyList<SourceCitation>)kv.Value.OrderBy(c => c.SupportsId, CodePointOrder.Comparer).ToList());
    }

    public async Task<GraphStatistics> GetStatisticsAsync(CancellationToken ct = default)
    {
        var r = await _client.RunAsync(
        [
            new(Statements.CountSources), new(Statements.CountEntitiesByKind), new(Statements.CountRelationships),
            new(Statements.CountEstimates), new(Statements.CountCitations),
            new(Statements.RelationshipDatedSpan), new(Statements.EntityDatedSpan),
        ], ct).ConfigureAwait(false);
        var byKind = Enum.GetValues<EntityKind>().ToDictionary(k => k, _ => 0);
        foreach (var row in r[1].Rows) byKind[EnumNames.Parse<EntityKind>(row[0].GetString()!)] = row[1].GetInt32();
        var byType = Enum.GetValues<RelationshipType>().ToDictionary(t => t, _ => 0);
        var byStatus = Enum.GetValues<ClaimStatus>().ToDictionary(s => s, _ => 0);
        foreach (var row in r[2].Rows)
        {
            byType[EnumNames.Parse<RelationshipType>(row[0].GetString()!)] += row[2].GetInt32();
            byStatus[EnumNames.Parse<ClaimStatus>(row[1].GetString()!)] += row[2].GetInt32();
        }
        // The facts' and the entities' extremes, as ISO days (absent when nothing of that part is dated).
        DateOnly?[] Days(int column) => [.. new[] { r[5], r[6] }.Select(part => Neo4jRows.Str(part.Rows[0][column]) is { } day
            ? DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null)];
        return new GraphStatistics(r[0].Rows[0][0].GetInt32(), byKind, byType, byStatus, r[3].Rows[0][0].GetInt32(), r[4].Rows[0][0].GetInt32(),
            Days(0).Min(), Days(1).Max());
    }

    public async Task<StoreCardinalities> GetCardinalitiesAsync(CancellationToken ct = default)
    {
        var r = await _client.RunAsync(
        [
            new(Statements.SourceCardinalities), new(Statements.CitationsPerSource), new(Statements.CitationsPerRecord),
            new(Statements.RelationshipsPerEntity), new(Statements.EstimatesPerOrganization),
        ], ct).ConfigureAwait(false);
        ListLengths Lengths(int statement)
        {
            var row = r[statement].Rows[0];
            return new ListLengths(row[0].GetInt64(), row[1].GetInt64(), row[2].GetInt64(), row[3].GetInt64());
        }
        return new StoreCardinalities(r[0].Rows[0][0].GetInt32(), Lengths(1), Lengths(2), Lengths(3), Lengths(4), r[0].Rows[0][1].GetInt64());
    }

    public async Task<GraphSnapshot> ExportAsync(CancellationToken ct = default)
    {
        var r = await _client.RunAsync(
        [
            new(Statements.AllSources), new(Statements.AllEntities), new(Statements.AllRelationships),
            new(Statements.AllEstimates), new(Statements.AllMerges),
        ], ct).ConfigureAwait(false);
        return new GraphSnapshot(
            r[0].Rows.Select(Neo4jRows.ReadSource).ToList(),
            r[1].Rows.Select(row => Neo4jRows.ReadEntity(row, 0)).ToList(),
            r[2].Rows.Select(row => Neo4jRows.ReadRelationship(row, 0)).ToList(),
            r[3].Rows.Select(row => Neo4jRows.ReadEstimate(row, 0)).ToList(),
            r[4].Rows.Select(row => new EntityMerge(row[0].GetString()!, row[1].GetString()!)).ToList());
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(AuditQuery query, CancellationToken ct = default)
    {
        var result = await RunAsync(Statements.ReadAudit, new()
        {
            ["target"] = query.TargetId,
            ["actor"] = query.Actor,
            ["before"] = query.Before,
            ["first"] = Math.Max(0, query.First),
        }, ct).ConfigureAwait(false);
        return result.Rows.Select(r => new AuditEntry(r[0].GetInt64(), DateTimeOffset.Parse(r[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            r[2].GetString()!, r[3].GetString()!, r[4].GetString()!, Neo4jRows.Str(r[5]), Neo4jRows.Str(r[6]), Neo4jRows.Str(r[7]))).ToList();
    }

    /// <summary>The parameters of the shared relationship filter (types, statuses, asOf as ISO days, the certainty asked).</summary>
    private static Dictionary<string, object?> FilterParameters(RelationshipFilter filter) => new()
    {
        ["types"] = filter.Types is { } t ? t.Select(EnumNames.ToContractName).ToArray() : AllTypes,
        ["statuses"] = filter.Statuses is { } s ? s.Select(EnumNames.ToContractName).ToArray() : LiveStatuses,
        ["asOfStart"] = filter.AsOf is { } a1 ? Neo4jRows.Day(a1.Start) : null,
        ["asOfEnd"] = filter.AsOf is { } a2 ? Neo4jRows.Day(a2.End) : null,
        ["possible"] = filter.Certainty == TemporalCertainty.Possible,
    };

    private static string DirectionName(Direction direction) => EnumNames.ToContractName(direction);
}
