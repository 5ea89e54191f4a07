using System.Globalization;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Names;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded;

/// <summary>What a committed write changed, for the store's in-memory indexes to follow.</summary>
internal sealed class WriteDelta
{
    public List<Entity> UpsertedEntities { get; } = [];
    public List<string> RemovedEntities { get; } = [];
    public List<Relationship> UpsertedRelationships { get; } = [];
    /// <summary>Merges move relationships wholesale; the adjacency index is rebuilt rather than patched.</summary>
    public bool RelationshipsMoved { get; set; }
}

/// <summary>
/// Writes a validated change set inside one transaction: upserts by id (content compared through
/// <see cref="RecordJson"/>, so unchanged records are neither written nor audited), then retractions, then merges,
/// with an audit entry per changed record (a merge's moved relationships and estimates included). Statements are prepared once per write and reused for every row.
/// </summary>
internal sealed class ChangeSetWriter
{
    private readonly RecordReader _reader;
    private readonly WriteContext _context;
    private readonly string _at;
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private readonly Dictionary<string, WriteCounts> _counts = [];
    private Dictionary<string, string> _merged = new(StringComparer.Ordinal);
    private bool _reverting;

    public ChangeSetWriter(RecordReader reader, WriteContext context)
    {
        _reader = reader;
        _context = context;
        _at = context.At.ToString("O", CultureInfo.InvariantCulture);
    }

    public WriteDelta Delta { get; } = new();

    public WriteSummary Summary => new(new Dictionary<string, WriteCounts>(_counts));

    public void Write(ChangeSet set)
    {
        try
        {
            _reverting = set.RevertAuditSequence is not null;
            var endpoints = set.Relationships.SelectMany(r => new[] { r.FromId, r.ToId }).Concat(set.StrengthEstimates.Select(s => s.OrganizationId));
            _merged = _reader.ResolveMerges(endpoints);
            var deferredIndexes = BulkIndexes.DropIfWorthwhile(_reader, set.Entities.Count + set.Relationships.Count + set.StrengthEstimates.Count);

            Upsert(RecordKinds.Source, set.Sources, s => s.Id, _reader.Sources, WriteSource);
            Upsert(RecordKinds.Entity, set.Entities, e => e.Id, _reader.Entities, WriteEntity);
            Upsert(RecordKinds.Relationship, set.Relationships.Select(Resolve).ToList(), r => r.Id, _reader.RelationshipsById, WriteRelationship);
            Upsert(RecordKinds.StrengthEstimate, set.StrengthEstimates.Select(Resolve).ToList(), s => s.Id, _reader.EstimatesById, WriteEstimate);
            Retract(set.Retractions);
            foreach (var merge in set.Merges) Merge(merge);
            BulkIndexes.Rebuild(_reader, deferredIndexes);
        }
        finally
        {
            foreach (var command in _commands.Values) command.Dispose();
        }
    }

    private Relationship Resolve(Relationship r) =>
        _merged.ContainsKey(r.FromId) || _merged.ContainsKey(r.ToId)
            ? r with { FromId = _merged.GetValueOrDefault(r.FromId, r.FromId), ToId = _merged.GetValueOrDefault(r.ToId, r.ToId) }
            : r;

    private StrengthEstimate Resolve(StrengthEstimate s) =>
        _merged.TryGetValue(s.OrganizationId, out var survivor) ? s with { OrganizationId = survivor } : s;

    private void Upsert<T>(string kind, IReadOnlyList<T> records, Func<T, string> idOf,
        Func<IEnumerable<string>, Dictionary<string, T>> load, Action<T, bool> write) where T : class
    {
        if (records.Count == 0) return;
        int created = 0, updated = 0, unchanged = 0;
        foreach (var batch in records.Chunk(SqlParameters.BatchSize))
        {
            var existing = load(batch.Select(idOf));
            foreach (var record in batch)
            {
                var after = RecordJson.Serialize(record);
                if (existing.TryGetValue(idOf(record), out var stored))
                {
                    var before = RecordJson.Serialize(stored);
                    if (before == after) { unchanged++; continue; }
                    write(record, true);
                    Audit(AuditActions.ForUpsert(stored, record, _reverting), idOf(record), before, after);
                    updated++;
                }
                else
                {
                    write(record, false);
                    Audit(AuditActions.ForUpsert(null, record, _reverting), idOf(record), null, after);
                    created++;
                }
            }
        }
        Count(kind, created, updated, unchanged);
    }

    private void WriteSource(Source s, bool exists)
    {
        var command = Prepared("source", """
            INSERT INTO sources (id, title, publisher, author, published, url, text)
            VALUES ($id, $title, $publisher, $author, $published, $url, $text)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, author = excluded.author,
                published = excluded.published, url = excluded.url, text = excluded.text
            """);
        Run(command, ("$id", s.Id), ("$title", s.Title), ("$publisher", s.Publisher), ("$author", s.Author),
            ("$published", SqlParameters.DateText(s.Published)), ("$url", s.Url), ("$text", s.Text));
    }

    private void WriteEntity(Entity e, bool exists)
    {
        var command = Prepared("entity", """
            INSERT INTO entities (id, kind, name, sort_key, org_kind, description, founded, dissolved,
                possible_start, possible_end, core_start, core_end)
            VALUES ($id, $kind, $name, $sortKey, $orgKind, $description, $founded, $dissolved,
                $possibleStart, $possibleEnd, $coreStart, $coreEnd)
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, sort_key = excluded.sort_key, org_kind = excluded.org_kind,
                description = excluded.description, founded = excluded.founded, dissolved = excluded.dissolved,
                possible_start = excluded.possible_start, possible_end = excluded.possible_end,
                core_start = excluded.core_start, core_end = excluded.core_end
            """);
        var existence = TemporalProfile.Of(e.Existence, []);
        Run(command, ("$id", e.Id), ("$kind", SqlParameters.Name(e.Kind)), ("$name", e.Name), ("$sortKey", NameNormalizer.Fold(e.Name)),
            ("$orgKind", e.OrganizationKind is { } k ? SqlParameters.Name(k) : null), ("$description", e.Description),
            ("$founded", SqlParameters.DateText(e.Founded)), ("$dissolved", SqlParameters.DateText(e.Dissolved)),
            ("$possibleStart", existence.PossibleStart), ("$possibleEnd", existence.PossibleEnd),
            ("$coreStart", existence.CoreStart), ("$coreEnd", existence.CoreEnd));
        WriteEvidence(RecordReader.EntityOwner, e.Id, existence);
        if (exists) Run(Prepared("deleteNames", "DELETE FROM names WHERE entity_id = $id"), ("$id", e.Id));
        var names = e.Names.ToList();
        var insertName = Prepared("name", "INSERT INTO names (entity_id, ordinal, name, folded, clash_key) VALUES ($id, $ordinal, $name, $folded, $clashKey)");
        for (var i = 0; i < names.Count; i++)
            Run(insertName, ("$id", e.Id), ("$ordinal", i), ("$name", names[i]), ("$folded", NameNormalizer.Fold(names[i])),
                ("$clashKey", ConfusableSkeleton.ClashKey(names[i])));
        WriteCitations(RecordReader.EntityOwner, e.Id, e.Citations, exists);
        WriteEvent(e, exists);
        Delta.UpsertedEntities.Add(e);
    }

    private void WriteRelationship(Relationship r, bool exists)
    {
        var command = Prepared("relationship", """
            INSERT INTO relationships (id, type, from_id, to_id, valid_from, valid_to, status, note, role, end_reason,
                attested, ended_latest, ended_by, ended_reason, possible_start, possible_end, core_start, core_end)
            VALUES ($id, $type, $from, $to, $validFrom, $validTo, $status, $note, $role, $endReason,
                $attested, $endedLatest, $endedBy, $endedReason, $possibleStart, $possibleEnd, $coreStart, $coreEnd)
            ON CONFLICT (id) DO UPDATE SET type = excluded.type, from_id = excluded.from_id, to_id = excluded.to_id,
                valid_from = excluded.valid_from, valid_to = excluded.valid_to, status = excluded.status, note = excluded.note,
                role = excluded.role, end_reason = excluded.end_reason, attested = excluded.attested,
                ended_latest = excluded.ended_latest, ended_by = excluded.ended_by, ended_reason = excluded.ended_reason,
                possible_start = excluded.possible_start, possible_end = excluded.possible_end,
                core_start = excluded.core_start, core_end = excluded.core_end
            """);
        var profile = TemporalProfile.Of(r);
        Run(command, ("$id", r.Id), ("$type", SqlParameters.Name(r.Type)), ("$from", r.FromId), ("$to", r.ToId),
            ("$validFrom", SqlParameters.BoundText(r.Validity.Start)), ("$validTo", SqlParameters.BoundText(r.Validity.End)),
            ("$status", SqlParameters.Name(r.Status)), ("$note", r.Note), ("$role", r.Role), ("$endReason", r.EndReason),
            ("$attested", RecordJson.Serialize(r.Attestations)), ("$endedLatest", SqlParameters.DateText(r.EndedBy?.Latest)),
            ("$endedBy", r.EndedBy?.ById), ("$endedReason", r.EndedBy?.Reason),
            ("$possibleStart", profile.PossibleStart), ("$possibleEnd", profile.PossibleEnd),
            ("$coreStart", profile.CoreStart), ("$coreEnd", profile.CoreEnd));
        WriteEvidence(RecordReader.RelationshipOwner, r.Id, profile);
        WriteCitations(RecordReader.RelationshipOwner, r.Id, r.Citations, exists);
        WriteParticipation(r, exists);
        Delta.UpsertedRelationships.Add(r);
    }

    /// <summary>An event's details row (replaced on update; removed when the entity no longer has details).</summary>
    private void WriteEvent(Entity e, bool replace)
    {
        if (replace) Run(Prepared("deleteEvent", "DELETE FROM events WHERE entity_id = $id"), ("$id", e.Id));
        if (e.Event is not { } details) return;
        var command = Prepared("event", """
            INSERT INTO events (entity_id, kind, date, earliest_day, latest_day, casualties)
            VALUES ($id, $kind, $date, $earliestDay, $latestDay, $casualties)
            """);
        Run(command, ("$id", e.Id), ("$kind", SqlParameters.Name(details.Kind)), ("$date", SqlParameters.BoundText(details.Date)),
            ("$earliestDay", SqlParameters.Day(details.Date.EarliestDay)), ("$latestDay", SqlParameters.Day(details.Date.LatestDay)),
            ("$casualties", RecordJson.Serialize(details.Casualties)));
    }

    /// <summary>A PARTICIPATED_IN fact's role and attribution (replaced on update).</summary>
    private void WriteParticipation(Relationship r, bool replace)
    {
        if (replace) Run(Prepared("deleteParticipation", "DELETE FROM participations WHERE relationship_id = $id"), ("$id", r.Id));
        if (r.Participation is not { } p) return;
        Run(Prepared("participation", "INSERT INTO participations (relationship_id, role, attribution) VALUES ($id, $role, $attribution)"),
            ("$id", r.Id), ("$role", SqlParameters.Name(p.Role)), ("$attribution", p.Attribution is { } a ? SqlParameters.Name(a) : null));
    }

    private void WriteEstimate(StrengthEstimate s, bool exists)
    {
        var command = Prepared("estimate", """
            INSERT INTO estimates (id, organization_id, min, max, as_of, estimated_by, status, note)
            VALUES ($id, $org, $min, $max, $asOf, $by, $status, $note)
            ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, min = excluded.min, max = excluded.max,
                as_of = excluded.as_of, estimated_by = excluded.estimated_by, status = excluded.status, note = excluded.note
            """);
        Run(command, ("$id", s.Id), ("$org", s.OrganizationId), ("$min", s.Min), ("$max", s.Max),
            ("$asOf", SqlParameters.DateText(s.AsOf)), ("$by", s.EstimatedBy), ("$status", SqlParameters.Name(s.Status)), ("$note", s.Note));
        WriteCitations(RecordReader.EstimateOwner, s.Id, s.Citations, exists);
    }

    /// <summary>Replaces a record's evidence spans (the rows <see cref="TemporalSql"/> tests for KNOWN).</summary>
    private void WriteEvidence(string ownerKind, string ownerId, TemporalProfile profile)
    {
        Run(Prepared("deleteEvidence", "DELETE FROM evidence WHERE owner_kind = $kind AND owner_id = $id"), ("$kind", ownerKind), ("$id", ownerId));
        var insert = Prepared("evidence", "INSERT INTO evidence (owner_kind, owner_id, start_day, end_day) VALUES ($kind, $id, $start, $end)");
        foreach (var span in profile.Evidence) Run(insert, ("$kind", ownerKind), ("$id", ownerId), ("$start", span.Start), ("$end", span.End));
    }

    private void WriteCitations(string ownerKind, string ownerId, IReadOnlyList<Citation> citations, bool replace)
    {
        if (replace) Run(Prepared("deleteCitations", "DELETE FROM citations WHERE owner_kind = $kind AND owner_id = $id"), ("$kind", ownerKind), ("$id", ownerId));
        var insert = Prepared("citation", """
            INSERT INTO citations (owner_kind, owner_id, ordinal, source_id, quote, supports)
            VALUES ($kind, $id, $ordinal, $source, $quote, $supports)
            """);
        for (var i = 0; i < citations.Count; i++)
        {
            var c = citations[i];
            Run(insert, ("$kind", ownerKind), ("$id", ownerId), ("$ordinal", i), ("$source", c.SourceId), ("$quote", c.Quote), ("$supports", c.Supports));
        }
    }

    private void Retract(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return;
        var relationships = _reader.RelationshipsById(ids);
        var estimates = _reader.EstimatesById(ids);
        int updated = 0, unchanged = 0;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            string before, after;
            if (relationships.TryGetValue(id, out var r))
            {
                if (r.Status == ClaimStatus.Retracted) { unchanged++; continue; }
                var retracted = r with { Status = ClaimStatus.Retracted };
                Run(Prepared("retractRelationship", "UPDATE relationships SET status = 'RETRACTED' WHERE id = $id"), ("$id", id));
                Delta.UpsertedRelationships.Add(retracted);
                (before, after) = (RecordJson.Serialize(r), RecordJson.Serialize(retracted));
            }
            else if (estimates.TryGetValue(id, out var s))
            {
                if (s.Status == ClaimStatus.Retracted) { unchanged++; continue; }
                Run(Prepared("retractEstimate", "UPDATE estimates SET status = 'RETRACTED' WHERE id = $id"), ("$id", id));
                (before, after) = (RecordJson.Serialize(s), RecordJson.Serialize(s with { Status = ClaimStatus.Retracted }));
            }
            else
            {
                throw new GraphValidationException([new ValidationProblem(id, "cannot retract: no relationship or strength estimate has this id")]);
            }
            Audit(_reverting ? AuditActions.Revert : AuditActions.Retract, id, before, after);
            updated++;
        }
        Count(RecordKinds.Retraction, 0, updated, unchanged);
    }

    private void Merge(EntityMerge merge)
    {
        var recorded = _reader.ResolveMerges([merge.MergedId]);
        if (recorded.TryGetValue(merge.MergedId, out var survivorId) && survivorId == merge.SurvivorId)
        {
            Count(RecordKinds.Merge, 0, 0, 1);
            return;
        }
        var entities = _reader.Entities([merge.SurvivorId, merge.MergedId]);
        if (!entities.TryGetValue(merge.SurvivorId, out var survivor) || !entities.TryGetValue(merge.MergedId, out var merged))
            throw new GraphValidationException([new ValidationProblem(merge.MergedId, $"cannot merge into {merge.SurvivorId}: one of the two entities does not exist")]);

        var combined = EntityMerging.Combine(survivor, merged);
        // What the statements below move, as it is now (earlier parts of this write included), for the audit.
        var relationships = _reader.RelationshipsOf([merge.MergedId], EveryStatus)
            .Where(r => r.FromId == merge.MergedId || r.ToId == merge.MergedId).ToList();
        var estimates = _reader.EstimatesOf([merge.MergedId], includeRetracted: true);

        // The rest of EntityMerging's rule, persisted in place: every row of the merged entity moves, whatever its status.
        foreach (var sql in new[]
                 {
                     "UPDATE relationships SET from_id = $survivor WHERE from_id = $merged",
                     "UPDATE relationships SET to_id = $survivor WHERE to_id = $merged",
                     "UPDATE estimates SET organization_id = $survivor WHERE organization_id = $merged",
                     "UPDATE merges SET survivor_id = $survivor WHERE survivor_id = $merged",
                     "DELETE FROM citations WHERE owner_kind = 'E' AND owner_id = $merged",
                     "DELETE FROM evidence WHERE owner_kind = 'E' AND owner_id = $merged",
                     "DELETE FROM entities WHERE id = $merged",
                     "INSERT INTO merges (merged_id, survivor_id) VALUES ($merged, $survivor)",
                 })
        {
            Run(Prepared(sql, sql), ("$survivor", merge.SurvivorId), ("$merged", merge.MergedId));
        }
        WriteEntity(combined, exists: true);
        Delta.RemovedEntities.Add(merge.MergedId);
        Delta.RelationshipsMoved = true;
        var after = RecordJson.Serialize(combined);
        Audit(AuditActions.Merge, merge.MergedId, RecordJson.Serialize(merged), after);
        Audit(AuditActions.Update, merge.SurvivorId, RecordJson.Serialize(survivor), after);
        foreach (var (id, before, moved) in EntityMerging.Moves(relationships, estimates, merge.MergedId, merge.SurvivorId))
            Audit(AuditActions.Merge, id, before, moved);
        Count(RecordKinds.Merge, 1, 0, 0);
    }

    private static readonly RelationshipFilter EveryStatus = RelationshipFilter.Default with { Statuses = Enum.GetValues<ClaimStatus>() };

    private void Audit(string action, string targetId, string? before, string? after)
    {
        var command = Prepared("audit", """
            INSERT INTO audit (at, actor, action, target_id, reason, before, after)
            VALUES ($at, $actor, $action, $target, $reason, $before, $after)
            """);
        Run(command, ("$at", _at), ("$actor", _context.Actor), ("$action", action), ("$target", targetId),
            ("$reason", _context.Reason), ("$before", before), ("$after", after));
    }

    private void Count(string kind, int created, int updated, int unchanged)
    {
        var c = _counts.GetValueOrDefault(kind);
        _counts[kind] = new WriteCounts(c.Created + created, c.Updated + updated, c.Unchanged + unchanged);
    }

    private SqliteCommand Prepared(string name, string sql)
    {
        if (!_commands.TryGetValue(name, out var command))
        {
            command = _reader.Command(sql);
            _commands[name] = command;
        }
        return command;
    }

    /// <summary>Runs a reused command with these parameter values (created on first use, then reassigned in place).</summary>
    private static void Run(SqliteCommand command, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        var parameters = command.Parameters;
        if (parameters.Count == 0)
        {
            foreach (var (name, value) in values) parameters.AddWithValue(name, value ?? DBNull.Value);
            command.Prepare();
        }
        else
        {
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i].Value ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }
}
