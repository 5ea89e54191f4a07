using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Names;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded;

public sealed partial class EmbeddedGraphStore
{
    public Task<IReadOnlyDictionary<string, Entity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Read<IReadOnlyDictionary<string, Entity>>("get entities", reader => EntitiesByRequestedId(reader, ids), ct);

    public Task<IReadOnlyList<NameMatch>> FindByNameAsync(string text, IReadOnlyCollection<EntityKind>? kinds = null, int limit = 10, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Run<IReadOnlyList<NameMatch>>("find by name", connection =>
        {
            var hits = NameIndex(connection).Search(text, kinds, limit);
            if (hits.Count == 0) return [];
            var entities = new RecordReader(connection).Entities(hits.Select(h => h.EntityId));
            return hits.Where(h => entities.ContainsKey(h.EntityId))
                .Select(h => new NameMatch(entities[h.EntityId], h.Score, h.Matched, h.Exact))
                .ToList();
        }, ct);
    }

    public Task<EntityPage> ListEntitiesAsync(EntityQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.First < 0) throw new ArgumentOutOfRangeException(nameof(query), query.First, "EntityQuery.First must not be negative");
        var after = query.After is null ? default : DecodeCursor(query.After);
        return Read("list entities", reader =>
        {
            var filters = $"""
                ($kinds IS NULL OR e.kind IN (SELECT value FROM json_each($kinds)))
                AND ($orgKinds IS NULL OR e.org_kind IN (SELECT value FROM json_each($orgKinds)))
                AND ($contains IS NULL OR EXISTS (SELECT 1 FROM names n WHERE n.entity_id = e.id AND instr(n.folded, $contains) > 0))
                AND {TemporalSql.Admits("e", RecordReader.EntityOwner)}
                """;
            using var page = reader.Command($"""
                SELECT e.id, e.sort_key FROM entities e
                WHERE {filters} AND ($afterKey IS NULL OR e.sort_key > $afterKey OR (e.sort_key = $afterKey AND e.id > $afterId))
                ORDER BY e.sort_key, e.id
                LIMIT $limit
                """);
            using var count = reader.Command($"SELECT count(*) FROM entities e WHERE {filters}");
            foreach (var command in new[] { page, count })
            {
                command.AddJsonArray("$kinds", query.Kinds?.Select(SqlParameters.Name));
                command.AddJsonArray("$orgKinds", query.OrganizationKinds?.Select(SqlParameters.Name));
                command.AddNullable("$contains", string.IsNullOrWhiteSpace(query.NameContains) ? null : NameNormalizer.Fold(query.NameContains));
                TemporalSql.AddAsOf(command, query.ActiveAt, query.Certainty);
            }
            page.AddNullable("$afterKey", after.SortKey);
            page.AddNullable("$afterId", after.Id);
            page.Parameters.AddWithValue("$limit", query.First + 1);

            var keys = new List<(string Id, string SortKey)>();
            using (var rows = page.ExecuteReader())
                while (rows.Read()) keys.Add((rows.GetString(0), rows.GetString(1)));
            var total = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            var hasNext = keys.Count > query.First;
            if (hasNext) keys.RemoveAt(keys.Count - 1);
            var entities = reader.Entities(keys.Select(k => k.Id));
            var cursors = keys.Select(k => EncodeCursor(k.SortKey, k.Id)).ToList();
            return new EntityPage(keys.Select(k => entities[k.Id]).ToList(), hasNext, total, cursors.LastOrDefault()) { Cursors = cursors };
        }, ct);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relationship>>> GetRelationshipsAsync(
        IReadOnlyCollection<string> entityIds, RelationshipFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Read<IReadOnlyDictionary<string, IReadOnlyList<Relationship>>>("get relationships", reader =>
        {
            var canonical = Canonical(reader, entityIds);
            var relationships = reader.RelationshipsOf(canonical.Values.Distinct().ToList(), filter);
            return canonical.ToDictionary(
                kv => kv.Key,
                kv => (IReadOnlyList<Relationship>)relationships
                    .Where(r => (r.FromId == kv.Value || r.ToId == kv.Value) && filter.MatchesDirection(r, kv.Value))
                    .ToList(),
                StringComparer.Ordinal);
        }, ct);
    }

    public Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipsByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Read<IReadOnlyDictionary<string, Relationship>>("get relationships by id", reader => reader.RelationshipsById(ids), ct);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<StrengthEstimate>>> GetStrengthEstimatesAsync(
        IReadOnlyCollection<string> organizationIds, bool includeRetracted = false, CancellationToken ct = default) =>
        Read<IReadOnlyDictionary<string, IReadOnlyList<StrengthEstimate>>>("get strength estimates", reader =>
        {
            var canonical = Canonical(reader, organizationIds);
            var estimates = reader.EstimatesOf(canonical.Values.Distinct().ToList(), includeRetracted);
            return canonical.ToDictionary(
                kv => kv.Key,
                kv => (IReadOnlyList<StrengthEstimate>)estimates.Where(s => s.OrganizationId == kv.Value).ToList(),
                StringComparer.Ordinal);
        }, ct);

    public Task<IReadOnlyDictionary<string, StrengthEstimate>> GetStrengthEstimatesByIdAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Read<IReadOnlyDictionary<string, StrengthEstimate>>("get strength estimates by id", reader => reader.EstimatesById(ids), ct);

    public Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        Read<IReadOnlyDictionary<string, Source>>("get sources", reader => reader.Sources(ids), ct);

    public Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken ct = default) =>
        Read<IReadOnlyList<Source>>("list sources", reader => reader.Sources(null).Values.OrderBy(s => s.Id, CodePointOrder.Comparer).ToList(), ct);

    public async Task<SourcePage> ListSourcesAsync(SourceQuery query, CancellationToken ct = default)
    {
        var afterId = SourcePaging.AfterId(query);
        var (read, total, afterExists) = await Read("list sources page", reader =>
        {
            var page = reader.SourcesAfter(afterId, query.First + 1);
            var (count, exists) = reader.CountSources(afterId);
            return (page, count, exists);
        }, ct).ConfigureAwait(false);
        return SourcePaging.Page(query, read, total, afterExists);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<SourceCitation>>> GetCitationsBySourceAsync(
        IReadOnlyCollection<string> sourceIds, CancellationToken ct = default) =>
        Read<IReadOnlyDictionary<string, IReadOnlyList<SourceCitation>>>("get citations by source", reader =>
        {
            var result = sourceIds.Distinct(StringComparer.Ordinal)
                .ToDictionary(id => id, _ => new List<SourceCitation>(), StringComparer.Ordinal);
            foreach (var citation in reader.CitationsOfSources(sourceIds)) result[citation.Citation.SourceId].Add(citation);
            return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<SourceCitation>)kv.Value, StringComparer.Ordinal);
        }, ct);

    public Task<WriteGeneration> GetWriteGenerationAsync(CancellationToken ct = default) =>
        Run("get write generation", WriteGenerationSql.Read, ct);

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(AuditQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Read<IReadOnlyList<AuditEntry>>("get audit", reader =>
        {
            using var command = reader.Command("""
                SELECT seq, at, actor, action, target_id, reason, before, after FROM audit
                WHERE ($target IS NULL OR target_id = $target)
                  AND ($actor IS NULL OR actor = $actor)
                  AND ($before IS NULL OR seq < $before)
                ORDER BY seq DESC
                LIMIT $first
                """);
            command.AddNullable("$target", query.TargetId);
            command.AddNullable("$actor", query.Actor);
            command.AddNullable("$before", query.Before);
            command.Parameters.AddWithValue("$first", Math.Max(0, query.First));
            var entries = new List<AuditEntry>();
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                entries.Add(new AuditEntry(rows.GetInt64(0), DateTimeOffset.Parse(rows.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                    rows.GetString(2), rows.GetString(3), rows.GetString(4), rows.GetNullableString(5), rows.GetNullableString(6), rows.GetNullableString(7)));
            }
            return entries;
        }, ct);
    }

    public Task<GraphStatistics> GetStatisticsAsync(CancellationToken ct = default) =>
        Read("get statistics", reader =>
        {
            long Scalar(string sql)
            {
                using var command = reader.Command(sql);
                return (long)command.ExecuteScalar()!;
            }
            Dictionary<T, int> GroupCounts<T>(string sql) where T : struct, Enum
            {
                using var command = reader.Command(sql);
                using var rows = command.ExecuteReader();
                var result = Enum.GetValues<T>().ToDictionary(value => value, _ => 0); // every value, zero when none
                while (rows.Read()) result[rows.GetEnum<T>(0)] = rows.GetInt32(1);
                return result;
            }
            DateOnly? first, last;
            using (var command = reader.Command(DatedSpan))
            using (var rows = command.ExecuteReader())
            {
                rows.Read();
                DateOnly? Day(int column) => rows.IsDBNull(column) ? null : DateOnly.FromDayNumber(rows.GetInt32(column));
                (first, last) = (Day(0), Day(1));
            }
            return new GraphStatistics(
                (int)Scalar("SELECT count(*) FROM sources"),
                GroupCounts<EntityKind>("SELECT kind, count(*) FROM entities GROUP BY kind"),
                GroupCounts<RelationshipType>("SELECT type, count(*) FROM relationships GROUP BY type"),
                GroupCounts<ClaimStatus>("SELECT status, count(*) FROM relationships GROUP BY status"),
                (int)Scalar("SELECT count(*) FROM estimates"),
                (int)Scalar("SELECT count(*) FROM citations"),
                first, last);
        }, ct);

    /// <summary>
    /// The first and last day an asOf answer can turn on (<see cref="GraphStatistics.FirstDay"/>): every bounded day
    /// number of the stored profiles of live facts and of entities, of their evidence spans, and of events' dates.
    /// Each span row is (lo, hi), either side null when unbounded and lo &lt;= hi when both are there, so a row's
    /// earliest bounded day is coalesce(lo, hi) and its latest coalesce(hi, lo).
    /// </summary>
    private static readonly string DatedSpan = $"""
        WITH profiles AS (
            SELECT possible_start, possible_end, core_start, core_end FROM relationships WHERE status <> 'RETRACTED'
            UNION ALL
            SELECT possible_start, possible_end, core_start, core_end FROM entities),
        spans (lo, hi) AS (
            SELECT nullif(possible_start, {int.MinValue}), nullif(possible_end, {int.MaxValue}) FROM profiles
            UNION ALL
            SELECT core_start, core_end FROM profiles WHERE core_start <= core_end
            UNION ALL
            SELECT v.start_day, v.end_day FROM evidence v
            WHERE v.owner_kind = '{RecordReader.EntityOwner}'
               OR v.owner_id IN (SELECT id FROM relationships WHERE status <> 'RETRACTED')
            UNION ALL
            SELECT earliest_day, latest_day FROM events)
        SELECT min(coalesce(lo, hi)), max(coalesce(hi, lo)) FROM spans
        """;

    public Task<StoreCardinalities> GetCardinalitiesAsync(CancellationToken ct = default) =>
        Read("get cardinalities", reader =>
        {
            long Scalar(string sql)
            {
                using var command = reader.Command(sql);
                return (long)command.ExecuteScalar()!;
            }
            // `lengths` selects one row per list: its length as n.
            ListLengths Lengths(string lengths)
            {
                using var command = reader.Command($"SELECT count(*), coalesce(sum(n), 0), coalesce(sum(n * n), 0), coalesce(max(n), 0) FROM ({lengths})");
                using var rows = command.ExecuteReader();
                rows.Read();
                return new ListLengths(rows.GetInt64(0), rows.GetInt64(1), rows.GetInt64(2), rows.GetInt64(3));
            }
            return new StoreCardinalities(
                (int)Scalar("SELECT count(*) FROM sources"),
                Lengths("SELECT count(*) AS n FROM citations GROUP BY source_id"),
                Lengths("SELECT count(*) AS n FROM citations GROUP BY owner_kind, owner_id"),
                Lengths("SELECT count(*) AS n FROM (SELECT from_id AS e FROM relationships UNION ALL SELECT to_id FROM relationships) GROUP BY e"),
                Lengths("SELECT count(*) AS n FROM estimates GROUP BY organization_id"),
                Scalar("SELECT coalesce(max(length(text)), 0) FROM sources"));
        }, ct);

    public Task<GraphSnapshot> ExportAsync(CancellationToken ct = default) =>
        Read("export", reader =>
        {
            List<string> Ids(string sql)
            {
                using var command = reader.Command(sql);
                using var rows = command.ExecuteReader();
                var ids = new List<string>();
                while (rows.Read()) ids.Add(rows.GetString(0));
                return ids;
            }
            var entityIds = Ids("SELECT id FROM entities ORDER BY id");
            var entities = reader.Entities(entityIds);
            var relationshipIds = Ids("SELECT id FROM relationships ORDER BY id");
            var relationships = reader.RelationshipsById(relationshipIds);
            var estimateIds = Ids("SELECT id FROM estimates ORDER BY id");
            var estimates = reader.EstimatesById(estimateIds);
            var merges = new List<EntityMerge>();
            using (var command = reader.Command("SELECT survivor_id, merged_id FROM merges ORDER BY merged_id"))
            using (var rows = command.ExecuteReader())
                while (rows.Read()) merges.Add(new EntityMerge(rows.GetString(0), rows.GetString(1)));
            return new GraphSnapshot(
                reader.Sources(null).Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList(),
                entityIds.Select(id => entities[id]).ToList(),
                relationshipIds.Select(id => relationships[id]).ToList(),
                estimateIds.Select(id => estimates[id]).ToList(),
                merges);
        }, ct);

    /// <summary>Entities keyed by the id asked for, merged ids answered by their survivor.</summary>
    private static Dictionary<string, Entity> EntitiesByRequestedId(RecordReader reader, IReadOnlyCollection<string> ids)
    {
        var canonical = Canonical(reader, ids);
        var entities = reader.Entities(canonical.Values.Distinct());
        var result = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var (requested, id) in canonical)
            if (entities.TryGetValue(id, out var entity)) result[requested] = entity;
        return result;
    }

    /// <summary>Each requested id and the id that answers for it (its merge survivor, or itself).</summary>
    private static Dictionary<string, string> Canonical(RecordReader reader, IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var merges = reader.ResolveMerges(ids);
        return ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => merges.GetValueOrDefault(id, id), StringComparer.Ordinal);
    }

    private static string EncodeCursor(string sortKey, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[] { sortKey, id })));

    private static (string? SortKey, string? Id) DecodeCursor(string cursor)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)));
            if (parts is [var sortKey, var id]) return (sortKey, id);
        }
        catch (Exception e) when (e is FormatException or JsonException) { }
        throw new InvalidCursorException(cursor);
    }
}
