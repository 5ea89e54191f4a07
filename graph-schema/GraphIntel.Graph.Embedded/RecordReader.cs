using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded;

/// <summary>
/// Reads records back from the embedded schema, always in batches: a collection of ids costs one statement per table
/// (per <see cref="SqlParameters.BatchSize"/> ids), never one per id.
/// </summary>
internal sealed class RecordReader(SqliteConnection connection, SqliteTransaction? transaction = null)
{
    public const string EntityOwner = "E";
    public const string RelationshipOwner = "R";
    public const string EstimateOwner = "S";

    private const string RelationshipColumns =
        "id, type, from_id, to_id, valid_from, valid_to, status, note, role, end_reason, attested, ended_latest, ended_by, ended_reason";
    private const string SourceColumns = "id, title, publisher, author, published, url, text";
    private const string EstimateColumns = "id, organization_id, min, max, as_of, estimated_by, status, note";

    public SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>For each merged-away id among <paramref name="ids"/>, the survivor that answers for it.</summary>
    public Dictionary<string, string> ResolveMerges(IEnumerable<string> ids)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in SqlParameters.Batches(ids))
        {
            using var command = Command("SELECT merged_id, survivor_id FROM merges WHERE merged_id IN (SELECT value FROM json_each($ids))");
            command.AddJsonArray("$ids", batch);
            using var reader = command.ExecuteReader();
            while (reader.Read()) result[reader.GetString(0)] = reader.GetString(1);
        }
        return result;
    }

    public Dictionary<string, Entity> Entities(IEnumerable<string> ids)
    {
        var result = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var batch in SqlParameters.Batches(ids))
        {
            var rows = new List<(string Id, EntityKind Kind, string Name, OrganizationKind? OrgKind, string? Description, PartialDate? Founded, PartialDate? Dissolved)>();
            using (var command = Command("""
                SELECT id, kind, name, org_kind, description, founded, dissolved
                FROM entities WHERE id IN (SELECT value FROM json_each($ids))
                """))
            {
                command.AddJsonArray("$ids", batch);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((reader.GetString(0), reader.GetEnum<EntityKind>(1), reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetEnum<OrganizationKind>(3),
                        reader.GetNullableString(4), reader.GetPartialDate(5), reader.GetPartialDate(6)));
                }
            }
            if (rows.Count == 0) continue;
            var found = rows.Select(r => r.Id).ToList();
            var aliases = Aliases(found);
            var citations = Citations(EntityOwner, found);
            var events = rows.Any(r => r.Kind == EntityKind.Event)
                ? Events(rows.Where(r => r.Kind == EntityKind.Event).Select(r => r.Id).ToList())
                : [];
            foreach (var r in rows)
            {
                result[r.Id] = new Entity(r.Id, r.Kind, r.Name, aliases.GetValueOrDefault(r.Id) ?? [], citations.GetValueOrDefault(r.Id) ?? [])
                {
                    OrganizationKind = r.OrgKind,
                    Description = r.Description,
                    Founded = r.Founded,
                    Dissolved = r.Dissolved,
                    Event = events.GetValueOrDefault(r.Id),
                };
            }
        }
        return result;
    }

    public Dictionary<string, Relationship> RelationshipsById(IEnumerable<string> ids)
    {
        var result = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        foreach (var batch in SqlParameters.Batches(ids))
        {
            using var command = Command($"SELECT {RelationshipColumns} FROM relationships WHERE id IN (SELECT value FROM json_each($ids))");
            command.AddJsonArray("$ids", batch);
            foreach (var r in ReadRelationships(command)) result[r.Id] = r;
        }
        return result;
    }

    /// <summary>
    /// Relationships touching any of <paramref name="entityIds"/> that pass the type, status and asOf parts of
    /// <paramref name="filter"/> (asOf with its certainty, decided in SQL as <see cref="TemporalProfile.StatusOn"/> does).
    /// </summary>
    public List<Relationship> RelationshipsOf(IReadOnlyCollection<string> entityIds, RelationshipFilter filter)
    {
        var result = new List<Relationship>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in SqlParameters.Batches(entityIds))
        {
            using var command = Command($"""
                SELECT {RelationshipColumns} FROM relationships
                WHERE id IN (
                    SELECT id FROM relationships WHERE from_id IN (SELECT value FROM json_each($ids))
                    UNION
                    SELECT id FROM relationships WHERE to_id IN (SELECT value FROM json_each($ids)))
                  AND ($types IS NULL OR type IN (SELECT value FROM json_each($types)))
                  AND (CASE WHEN $statuses IS NULL THEN status <> 'RETRACTED'
                            ELSE status IN (SELECT value FROM json_each($statuses)) END)
                  AND {TemporalSql.Admits("relationships", RelationshipOwner)}
                ORDER BY id
                """);
            command.AddJsonArray("$ids", batch);
            command.AddJsonArray("$types", filter.Types?.Select(SqlParameters.Name));
            command.AddJsonArray("$statuses", filter.Statuses?.Select(SqlParameters.Name));
            TemporalSql.AddAsOf(command, filter.AsOf, filter.Certainty);
            foreach (var r in ReadRelationships(command))
                if (seen.Add(r.Id)) result.Add(r);
        }
        return result;
    }

    public Dictionary<string, StrengthEstimate> EstimatesById(IEnumerable<string> ids)
    {
        var result = new Dictionary<string, StrengthEstimate>(StringComparer.Ordinal);
        foreach (var batch in SqlParameters.Batches(ids))
        {
            using var command = Command($"SELECT {EstimateColumns} FROM estimates WHERE id IN (SELECT value FROM json_each($ids))");
            command.AddJsonArray("$ids", batch);
            foreach (var s in ReadEstimates(command)) result[s.Id] = s;
        }
        return result;
    }

    public List<StrengthEstimate> EstimatesOf(IReadOnlyCollection<string> organizationIds, bool includeRetracted)
    {
        var result = new List<StrengthEstimate>();
        foreach (var batch in SqlParameters.Batches(organizationIds))
        {
            using var command = Command($"""
                SELECT {EstimateColumns} FROM estimates
                WHERE organization_id IN (SELECT value FROM json_each($ids)) AND ($all OR status <> 'RETRACTED')
                ORDER BY id
                """);
            command.AddJsonArray("$ids", batch);
            command.Parameters.AddWithValue("$all", includeRetracted);
            result.AddRange(ReadEstimates(command));
        }
        return result;
    }

    /// <summary>Every citation of these sources with the id of what it supports, in source, owner and citation order.</summary>
    public List<SourceCitation> CitationsOfSources(IReadOnlyCollection<string> sourceIds)
    {
        var result = new List<SourceCitation>();
        foreach (var batch in SqlParameters.Batches(sourceIds))
        {
            using var command = Command("""
                SELECT source_id, owner_id, quote, supports FROM citations
                WHERE source_id IN (SELECT value FROM json_each($ids))
                ORDER BY source_id, owner_id, owner_kind, ordinal
                """);
            command.AddJsonArray("$ids", batch);
            using var rows = command.ExecuteReader();
            while (rows.Read())
                result.Add(new SourceCitation(new Citation(rows.GetString(0), rows.GetString(2), rows.GetNullableString(3)), rows.GetString(1)));
        }
        return result;
    }

    public Dictionary<string, Source> Sources(IEnumerable<string>? ids)
    {
        var result = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var batch in ids is null ? [null] : SqlParameters.Batches(ids).Select(b => (string[]?)b))
        {
            using var command = Command($"""
                SELECT {SourceColumns} FROM sources
                WHERE $ids IS NULL OR id IN (SELECT value FROM json_each($ids))
                ORDER BY id
                """);
            command.AddJsonArray("$ids", batch);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var s = ReadSource(reader);
                result[s.Id] = s;
            }
        }
        return result;
    }

    /// <summary>Up to <paramref name="limit"/> sources with an id after <paramref name="afterId"/> (from the first when null), in id order.</summary>
    public List<Source> SourcesAfter(string? afterId, int limit)
    {
        using var command = Command($"""
            SELECT {SourceColumns} FROM sources
            WHERE $afterId IS NULL OR id > $afterId
            ORDER BY id
            LIMIT $limit
            """);
        command.AddNullable("$afterId", afterId);
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<Source>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) result.Add(ReadSource(reader));
        return result;
    }

    /// <summary>How many sources there are, and whether one has the id <paramref name="id"/> (false when null).</summary>
    public (int Count, bool Exists) CountSources(string? id)
    {
        using var command = Command("SELECT count(*), count(CASE WHEN id = $id THEN 1 END) FROM sources");
        command.AddNullable("$id", id);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt32(1) > 0);
    }

    private static Source ReadSource(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetNullableString(2), reader.GetNullableString(3),
            reader.GetPartialDate(4), reader.GetNullableString(5), reader.GetString(6));

    /// <summary>The aliases (names after the first) of each entity, in order.</summary>
    public Dictionary<string, List<string>> Aliases(IReadOnlyCollection<string> entityIds)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var command = Command("""
            SELECT entity_id, name FROM names
            WHERE entity_id IN (SELECT value FROM json_each($ids)) AND ordinal > 0
            ORDER BY entity_id, ordinal
            """);
        command.AddJsonArray("$ids", entityIds);
        using var reader = command.ExecuteReader();
        while (reader.Read()) Add(result, reader.GetString(0), reader.GetString(1));
        return result;
    }

    public Dictionary<string, List<Citation>> Citations(string ownerKind, IReadOnlyCollection<string> ownerIds)
    {
        var result = new Dictionary<string, List<Citation>>(StringComparer.Ordinal);
        foreach (var batch in SqlParameters.Batches(ownerIds))
        {
            using var command = Command("""
                SELECT owner_id, source_id, quote, supports FROM citations
                WHERE owner_kind = $kind AND owner_id IN (SELECT value FROM json_each($ids))
                ORDER BY owner_id, ordinal
                """);
            command.Parameters.AddWithValue("$kind", ownerKind);
            command.AddJsonArray("$ids", batch);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                Add(result, reader.GetString(0), new Citation(reader.GetString(1), reader.GetString(2), reader.GetNullableString(3)));
        }
        return result;
    }

    private List<Relationship> ReadRelationships(SqliteCommand command)
    {
        var rows = new List<Relationship>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(new Relationship(reader.GetString(0), reader.GetEnum<RelationshipType>(1), reader.GetString(2), reader.GetString(3),
                    new Validity(reader.GetDateBound(4), reader.GetDateBound(5)), reader.GetEnum<ClaimStatus>(6), [])
                {
                    Note = reader.GetNullableString(7),
                    Role = reader.GetNullableString(8),
                    EndReason = reader.GetNullableString(9),
                    Attestations = RecordJson.Deserialize<Attestation[]>(reader.GetString(10)),
                    EndedBy = reader.GetPartialDate(11) is { } latest
                        ? new LifecycleEnd(latest, reader.GetNullableString(12) ?? "", reader.GetNullableString(13) ?? "")
                        : null,
                });
            }
        }
        if (rows.Count == 0) return rows;
        var citations = Citations(RelationshipOwner, rows.Select(r => r.Id).ToList());
        var participations = rows.Any(r => r.Type == RelationshipType.ParticipatedIn)
            ? Participations(rows.Where(r => r.Type == RelationshipType.ParticipatedIn).Select(r => r.Id).ToList())
            : [];
        return rows.Select(r => r with
        {
            Citations = citations.GetValueOrDefault(r.Id) ?? [],
            Participation = participations.GetValueOrDefault(r.Id),
        }).ToList();
    }

    /// <summary>The <see cref="EventDetails"/> of each of these event entities that has them.</summary>
    private Dictionary<string, EventDetails> Events(IReadOnlyCollection<string> entityIds)
    {
        var result = new Dictionary<string, EventDetails>(StringComparer.Ordinal);
        using var command = Command("SELECT entity_id, kind, date, casualties FROM events WHERE entity_id IN (SELECT value FROM json_each($ids))");
        command.AddJsonArray("$ids", entityIds);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetString(0)] = new EventDetails(reader.GetEnum<EventKind>(1), reader.GetDateBound(2))
            {
                Casualties = RecordJson.Deserialize<List<Casualty>>(reader.GetString(3)),
            };
        }
        return result;
    }

    /// <summary>The <see cref="Participation"/> of each of these PARTICIPATED_IN relationships.</summary>
    private Dictionary<string, Participation> Participations(IReadOnlyCollection<string> relationshipIds)
    {
        var result = new Dictionary<string, Participation>(StringComparer.Ordinal);
        using var command = Command("SELECT relationship_id, role, attribution FROM participations WHERE relationship_id IN (SELECT value FROM json_each($ids))");
        command.AddJsonArray("$ids", relationshipIds);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            result[reader.GetString(0)] = new Participation(reader.GetEnum<ParticipantRole>(1), reader.IsDBNull(2) ? null : reader.GetEnum<Attribution>(2));
        return result;
    }

    private List<StrengthEstimate> ReadEstimates(SqliteCommand command)
    {
        var rows = new List<StrengthEstimate>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(new StrengthEstimate(reader.GetString(0), reader.GetString(1), reader.GetNullableInt(2), reader.GetNullableInt(3),
                    reader.GetPartialDate(4), reader.GetNullableString(5), reader.GetEnum<ClaimStatus>(6), [])
                {
                    Note = reader.GetNullableString(7),
                });
            }
        }
        if (rows.Count == 0) return rows;
        var citations = Citations(EstimateOwner, rows.Select(r => r.Id).ToList());
        return rows.Select(r => r with { Citations = citations.GetValueOrDefault(r.Id) ?? [] }).ToList();
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
