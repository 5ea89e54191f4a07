using System.Globalization;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Store.Patches;

namespace GraphIntel.Graph.Embedded;

/// <summary>Answers <see cref="ChangeSetValidator"/>'s and <see cref="ChangeSetResolver"/>'s questions inside the write transaction.</summary>
internal sealed class SqliteChangeSetLookup(RecordReader reader) : IChangeSetLookup, IStoredRecords
{
    public Task<IReadOnlyDictionary<string, ExistingEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var result = new Dictionary<string, ExistingEntity>(StringComparer.Ordinal);
        foreach (var batch in SqlParameters.Batches(ids))
        {
            using var command = reader.Command("""
                SELECT id, kind, NULL FROM entities WHERE id IN (SELECT value FROM json_each($ids))
                UNION ALL
                SELECT m.merged_id, e.kind, m.survivor_id
                FROM merges m JOIN entities e ON e.id = m.survivor_id
                WHERE m.merged_id IN (SELECT value FROM json_each($ids))
                """);
            command.AddJsonArray("$ids", batch);
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                var id = rows.GetString(0);
                result[id] = new ExistingEntity(id, rows.GetEnum<EntityKind>(1), rows.GetNullableString(2));
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, ExistingEntity>>(result);
    }

    public Task<IReadOnlyDictionary<string, string>> GetSourceTextsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in SqlParameters.Batches(ids))
        {
            using var command = reader.Command("SELECT id, text FROM sources WHERE id IN (SELECT value FROM json_each($ids))");
            command.AddJsonArray("$ids", batch);
            using var rows = command.ExecuteReader();
            while (rows.Read()) result[rows.GetString(0)] = rows.GetString(1);
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>>(result);
    }

    public Task<IReadOnlySet<string>> GetExistingFactIdsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in SqlParameters.Batches(ids))
        {
            using var command = reader.Command("""
                SELECT id FROM relationships WHERE id IN (SELECT value FROM json_each($ids))
                UNION ALL
                SELECT id FROM estimates WHERE id IN (SELECT value FROM json_each($ids))
                """);
            command.AddJsonArray("$ids", batch);
            using var rows = command.ExecuteReader();
            while (rows.Read()) result.Add(rows.GetString(0));
        }
        return Task.FromResult<IReadOnlySet<string>>(result);
    }

    public Task<IReadOnlyList<NameClaim>> GetNameClaimsAsync(IReadOnlyCollection<string> clashKeys, CancellationToken ct)
    {
        var result = new List<NameClaim>();
        foreach (var batch in SqlParameters.Batches(clashKeys))
        {
            using var command = reader.Command("""
                SELECT n.entity_id, e.kind, n.name
                FROM names n JOIN entities e ON e.id = n.entity_id
                WHERE n.clash_key IN (SELECT value FROM json_each($names))
                """);
            command.AddJsonArray("$names", batch);
            using var rows = command.ExecuteReader();
            while (rows.Read()) result.Add(new NameClaim(rows.GetString(0), rows.GetEnum<EntityKind>(1), rows.GetString(2)));
        }
        return Task.FromResult<IReadOnlyList<NameClaim>>(result);
    }

    public Task<IReadOnlyDictionary<string, Entity>> GetEntityRecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, Entity>>(reader.Entities(ids));

    public Task<IReadOnlyDictionary<string, Relationship>> GetRelationshipRecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, Relationship>>(reader.RelationshipsById(ids));

    public Task<IReadOnlyList<Relationship>> GetRelationshipsOfAsync(IReadOnlyCollection<string> entityIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Relationship>>(entityIds.Count == 0 ? [] : reader.RelationshipsOf(entityIds, EveryStatus));

    private static readonly RelationshipFilter EveryStatus = RelationshipFilter.Default with { Statuses = Enum.GetValues<ClaimStatus>() };

    public Task<IReadOnlyDictionary<string, StrengthEstimate>> GetEstimateRecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, StrengthEstimate>>(reader.EstimatesById(ids));

    public Task<IReadOnlyDictionary<string, Source>> GetSourceRecordsAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, Source>>(ids.Count == 0 ? new Dictionary<string, Source>() : reader.Sources(ids));

    public Task<IReadOnlyList<SourceCitation>> GetCitationsOfSourcesAsync(IReadOnlyCollection<string> sourceIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SourceCitation>>(reader.CitationsOfSources(sourceIds));

    public Task<AuditEntry?> GetAuditEntryAsync(long sequence, CancellationToken ct)
    {
        using var command = reader.Command("SELECT seq, at, actor, action, target_id, reason, before, after FROM audit WHERE seq = $seq");
        command.Parameters.AddWithValue("$seq", sequence);
        using var rows = command.ExecuteReader();
        AuditEntry? entry = rows.Read()
            ? new AuditEntry(rows.GetInt64(0), DateTimeOffset.Parse(rows.GetString(1), CultureInfo.InvariantCulture), rows.GetString(2),
                rows.GetString(3), rows.GetString(4), rows.GetNullableString(5), rows.GetNullableString(6), rows.GetNullableString(7))
            : null;
        return Task.FromResult(entry);
    }
}
