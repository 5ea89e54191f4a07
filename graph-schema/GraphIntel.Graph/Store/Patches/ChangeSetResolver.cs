using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store.Patches;

/// <summary>
/// Turns a change set's patches and revert into whole records, against the stored records, inside the write. Both
/// backends call <see cref="PrepareAsync"/> before writing: resolve, derive lifecycle ends
/// (<see cref="LifecycleRederivation"/>), validate (<see cref="ChangeSetValidator"/>, with the stored relationships the
/// merges move), guard source texts
/// (<see cref="SourceTextGuard"/>); any problem throws <see cref="GraphValidationException"/>
/// with every problem, and nothing is written.
/// </summary>
public sealed class ChangeSetResolver
{
    private readonly IStoredRecords _store;
    private readonly WriteContext _context;
    private readonly List<ValidationProblem> _problems = [];

    private ChangeSetResolver(IStoredRecords store, WriteContext context)
    {
        _store = store;
        _context = context;
    }

    /// <summary>Resolves, derives ends of, validates and guards <paramref name="set"/>; returns the whole-record change set to write.</summary>
    public static async Task<ChangeSet> PrepareAsync(ChangeSet set, WriteContext context, IChangeSetLookup lookup, IStoredRecords records, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var resolved = await ResolveAsync(set, context, records, ct).ConfigureAwait(false);
        resolved = await LifecycleRederivation.ApplyAsync(resolved, records, ct).ConfigureAwait(false);
        var mergedIds = resolved.Merges.Select(m => m.MergedId).Where(id => !string.IsNullOrEmpty(id)).ToHashSet(StringComparer.Ordinal);
        var moved = mergedIds.Count == 0 ? []
            : (await records.GetRelationshipsOfAsync(mergedIds, ct).ConfigureAwait(false))
                .Where(r => mergedIds.Contains(r.FromId) || mergedIds.Contains(r.ToId)).ToList();
        var problems = (await ChangeSetValidator.ValidateAsync(resolved, lookup, moved, ct).ConfigureAwait(false)).ToList();
        problems.AddRange(await SourceTextGuard.CheckAsync(resolved, records, ct).ConfigureAwait(false));
        if (problems.Count > 0) throw new GraphValidationException(problems);
        return resolved;
    }

    /// <summary>The change set with every patch merged into a whole record and the revert planned; throws on a problem.</summary>
    public static async Task<ChangeSet> ResolveAsync(ChangeSet set, WriteContext context, IStoredRecords records, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(records);
        if (!set.NeedsResolving) return set;
        var resolver = new ChangeSetResolver(records, context);
        var resolved = await resolver.ResolvePatchesAsync(set, ct).ConfigureAwait(false);
        if (set.CitationRetractions.Count > 0) resolved = await resolver.ResolveCitationRetractionsAsync(resolved, ct).ConfigureAwait(false);
        if (set.RevertAuditSequence is { } sequence) resolved = await resolver.ResolveRevertAsync(resolved, sequence, ct).ConfigureAwait(false);
        if (resolver._problems.Count > 0) throw new GraphValidationException(resolver._problems);
        return resolved;
    }

    private async Task<ChangeSet> ResolvePatchesAsync(ChangeSet set, CancellationToken ct)
    {
        var sources = await Merge(set.SourcePatches, p => p.Id, set.Sources.Select(s => s.Id), _store.GetSourceRecordsAsync,
            (stored, p) => PatchMerge.Apply(stored, p, _problems), ct).ConfigureAwait(false);
        var entities = await Merge(set.EntityPatches, p => p.Id, set.Entities.Select(e => e.Id), _store.GetEntityRecordsAsync,
            (stored, p) => PatchMerge.Apply(stored, p, _problems), ct).ConfigureAwait(false);
        var relationships = await Merge(set.RelationshipPatches, p => p.Id, set.Relationships.Select(r => r.Id), _store.GetRelationshipRecordsAsync,
            (stored, p) => PatchMerge.Apply(stored, p, _context.Reason, _problems), ct).ConfigureAwait(false);
        var estimates = await Merge(set.StrengthEstimatePatches, p => p.Id, set.StrengthEstimates.Select(s => s.Id), _store.GetEstimateRecordsAsync,
            (stored, p) => PatchMerge.Apply(stored, p, _context.Reason, _problems), ct).ConfigureAwait(false);
        return set with
        {
            Sources = [.. set.Sources, .. sources],
            Entities = [.. set.Entities, .. entities],
            Relationships = [.. set.Relationships, .. relationships],
            StrengthEstimates = [.. set.StrengthEstimates, .. estimates],
            SourcePatches = [],
            EntityPatches = [],
            RelationshipPatches = [],
            StrengthEstimatePatches = [],
        };
    }

    /// <summary>Each id's patches applied in order over the stored record; an id also written whole in the set is refused.</summary>
    private async Task<List<TRecord>> Merge<TPatch, TRecord>(IReadOnlyList<TPatch> patches, Func<TPatch, string> idOf, IEnumerable<string> wholeIds,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, TRecord>>> load,
        Func<TRecord?, TPatch, TRecord> apply, CancellationToken ct) where TRecord : class
    {
        if (patches.Count == 0) return [];
        var whole = wholeIds.ToHashSet(StringComparer.Ordinal);
        var ids = patches.Select(p => idOf(p) ?? "").Distinct(StringComparer.Ordinal).ToList();
        var stored = await load(ids.Where(id => id.Length > 0).ToList(), ct).ConfigureAwait(false);
        var current = new Dictionary<string, TRecord>(StringComparer.Ordinal);
        foreach (var patch in patches)
        {
            var id = idOf(patch) ?? "";
            if (whole.Contains(id)) { _problems.Add(new(id, "the record is both written whole and patched in one change set")); continue; }
            var before = current.GetValueOrDefault(id) ?? stored.GetValueOrDefault(id);
            current[id] = apply(before, patch);
        }
        return ids.Where(current.ContainsKey).Select(id => current[id]).ToList();
    }

    /// <summary>
    /// Removes, from each record named in <see cref="ChangeSet.CitationRetractions"/>, its citations of the sources this
    /// change set gives a new text that the new text no longer contains (the record as the change set writes it, else as
    /// stored).
    /// </summary>
    private async Task<ChangeSet> ResolveCitationRetractionsAsync(ChangeSet set, CancellationToken ct)
    {
        var stored = await _store.GetSourceRecordsAsync(set.Sources.Select(s => s.Id).ToList(), ct).ConfigureAwait(false);
        var newTexts = set.Sources.Where(s => s.Text is not null && (!stored.TryGetValue(s.Id, out var old) || old.Text != s.Text))
            .GroupBy(s => s.Id).ToDictionary(g => g.Key, g => new QuoteMatcher(g.First().Text), StringComparer.Ordinal);
        bool Lost(Citation c) => newTexts.TryGetValue(c.SourceId, out var matcher) && !matcher.Occurs(c.Quote);

        var ids = set.CitationRetractions.Distinct(StringComparer.Ordinal).ToList();
        var entities = set.Entities.ToList();
        var relationships = set.Relationships.ToList();
        var estimates = set.StrengthEstimates.ToList();
        var storedEntities = await _store.GetEntityRecordsAsync(ids, ct).ConfigureAwait(false);
        var storedRelationships = await _store.GetRelationshipRecordsAsync(ids, ct).ConfigureAwait(false);
        var storedEstimates = await _store.GetEstimateRecordsAsync(ids, ct).ConfigureAwait(false);
        foreach (var id in ids)
        {
            var done = WithoutLost(entities, id, storedEntities, e => e.Citations, (e, c) => e with { Citations = c })
                       ?? WithoutLost(relationships, id, storedRelationships, r => r.Citations, (r, c) => r with { Citations = c })
                       ?? WithoutLost(estimates, id, storedEstimates, x => x.Citations, (x, c) => x with { Citations = c });
            if (done is null) _problems.Add(new(id, "cannot retract its citations: no record has this id"));
            else if (done == false) _problems.Add(new(id, "cannot retract its citations: none of them quotes a passage this write removes from a source"));
        }
        return set with { Entities = entities, Relationships = relationships, StrengthEstimates = estimates, CitationRetractions = [] };

        // Null when no record of this kind has the id; else whether a citation was removed.
        bool? WithoutLost<T>(List<T> written, string id, IReadOnlyDictionary<string, T> storedRecords,
            Func<T, IReadOnlyList<Citation>> citationsOf, Func<T, List<Citation>, T> with) where T : class
        {
            var index = written.FindIndex(r => IdOf(r) == id);
            var record = index >= 0 ? written[index] : storedRecords.GetValueOrDefault(id);
            if (record is null) return null;
            var kept = citationsOf(record).Where(c => !Lost(c)).ToList();
            if (kept.Count == citationsOf(record).Count) return false;
            if (index >= 0) written[index] = with(record, kept);
            else written.Add(with(record, kept));
            return true;
        }
    }

    /// <summary>
    /// Restores the record an audit entry wrote to its before-state. Refused when the record is no longer what that write
    /// left (a later write changed it: revert those first, newest first), for merges (the merged id keeps resolving to
    /// the survivor) and for created entities and sources (nothing is deleted); a created fact is retracted instead.
    /// </summary>
    private async Task<ChangeSet> ResolveRevertAsync(ChangeSet set, long sequence, CancellationToken ct)
    {
        var target = $"audit #{sequence}";
        var entry = await _store.GetAuditEntryAsync(sequence, ct).ConfigureAwait(false);
        if (entry is null) { _problems.Add(new(target, "no audit entry has this sequence number")); return set; }
        if (entry.Action == AuditActions.Merge)
        {
            _problems.Add(new(entry.TargetId, $"audit #{sequence} is a merge, which cannot be reverted: the merged id keeps resolving to its survivor"));
            return set;
        }
        var id = entry.TargetId;
        var ids = new[] { id };
        object? current = (await _store.GetRelationshipRecordsAsync(ids, ct).ConfigureAwait(false)).GetValueOrDefault(id)
                          ?? (object?)(await _store.GetEstimateRecordsAsync(ids, ct).ConfigureAwait(false)).GetValueOrDefault(id)
                          ?? (object?)(await _store.GetEntityRecordsAsync(ids, ct).ConfigureAwait(false)).GetValueOrDefault(id)
                          ?? (await _store.GetSourceRecordsAsync(ids, ct).ConfigureAwait(false)).GetValueOrDefault(id);
        if (current is null) { _problems.Add(new(id, $"audit #{sequence} wrote {id}, which is no longer stored (merged away?)")); return set; }
        if (Json(current) != entry.After)
        {
            _problems.Add(new(id, $"{id} changed since audit #{sequence}: it is no longer what that write left; revert the later writes to it first, newest first"));
            return set;
        }
        if (entry.Before is null)
        {
            if (current is Relationship or StrengthEstimate) return set with { Retractions = [.. set.Retractions, id] };
            _problems.Add(new(id, $"audit #{sequence} created {id}; a created entity or source cannot be reverted (nothing is deleted)"));
            return set;
        }
        return current switch
        {
            Relationship => set with { Relationships = [.. set.Relationships, RecordJson.Deserialize<Relationship>(entry.Before)] },
            StrengthEstimate => set with { StrengthEstimates = [.. set.StrengthEstimates, RecordJson.Deserialize<StrengthEstimate>(entry.Before)] },
            Entity => set with { Entities = [.. set.Entities, RecordJson.Deserialize<Entity>(entry.Before)] },
            _ => set with { Sources = [.. set.Sources, RecordJson.Deserialize<Source>(entry.Before)] },
        };
    }

    private static string IdOf(object record) => record switch
    {
        Entity e => e.Id,
        Relationship r => r.Id,
        StrengthEstimate x => x.Id,
        _ => "",
    };

    private static string Json(object record) => record switch
    {
        Relationship r => RecordJson.Serialize(r),
        StrengthEstimate s => RecordJson.Serialize(s),
        Entity e => RecordJson.Serialize(e),
        Source s => RecordJson.Serialize(s),
        _ => throw new ArgumentOutOfRangeException(nameof(record)),
    };
}
