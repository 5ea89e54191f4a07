using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store.Patches;

/// <summary>
/// Re-derives, inside a write, the <see cref="Relationship.EndedBy"/> of every fact the write may end differently
/// (<see cref="Lifecycles"/>): the facts it writes; every fact of an entity it writes (a dissolution), of an endpoint of
/// a fact it writes or retracts (a death's PARTICIPATED_IN, a MERGED_INTO), of a victim or target of an event it
/// writes; and every term of an organization one of those facts leads (a successor's start). Each is derived against
/// the stored graph around it as this write leaves it: the lifecycles of its ends, and the other terms of its
/// organization with their holders' lifecycles. A stored fact whose derived end changes is added to the change set
/// whole, so both backends write it, and audit it, like any other.
/// </summary>
public static class LifecycleRederivation
{
    /// <summary>The change set with its facts' ends derived and the stored facts whose ends this write changes added.</summary>
    public static async Task<ChangeSet> ApplyAsync(ChangeSet set, IStoredRecords store, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(store);
        if (set.Relationships.Count == 0 && set.Entities.Count == 0 && set.Retractions.Count == 0) return set;

        var written = set.Relationships.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var facts = new Dictionary<string, Relationship>(written, StringComparer.Ordinal);
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        async Task Load(IEnumerable<string> entityIds)
        {
            var ids = entityIds.Where(loaded.Add).ToList();
            if (ids.Count == 0) return;
            foreach (var r in await store.GetRelationshipsOfAsync(ids, ct).ConfigureAwait(false)) facts.TryAdd(r.Id, r);
        }

        // A retracted fact ends nothing: its endpoints' facts are re-derived without it.
        var retracted = await store.GetRelationshipRecordsAsync(set.Retractions.Distinct(StringComparer.Ordinal).ToList(), ct).ConfigureAwait(false);
        foreach (var r in retracted.Values) facts[r.Id] = (written.GetValueOrDefault(r.Id) ?? r) with { Status = ClaimStatus.Retracted };

        var subjects = new HashSet<string>(StringComparer.Ordinal);
        subjects.UnionWith(set.Entities.Select(e => e.Id));
        subjects.UnionWith(facts.Values.SelectMany(r => new[] { r.FromId, r.ToId }));
        await Load(subjects).ConfigureAwait(false);

        // An event written ends the facts of its victims and targets.
        var events = set.Entities.Where(e => e.Kind == EntityKind.Event).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var victims = facts.Values.Where(r => r.Type == RelationshipType.ParticipatedIn && events.Contains(r.ToId)).Select(r => r.FromId).ToList();
        subjects.UnionWith(victims);
        await Load(victims).ConfigureAwait(false);

        // A term's end depends on the other terms of its organization.
        var organizations = facts.Values.Where(r => r.Type == RelationshipType.Leads && (subjects.Contains(r.FromId) || subjects.Contains(r.ToId)))
            .Select(r => r.ToId).ToHashSet(StringComparer.Ordinal);
        await Load(organizations).ConfigureAwait(false);

        // The facts re-derived, and the lifecycles of their ends (a holder's death bounds the start that ends a predecessor).
        bool InFocus(Relationship r) => subjects.Contains(r.FromId) || subjects.Contains(r.ToId) ||
                                        (r.Type == RelationshipType.Leads && organizations.Contains(r.ToId));
        var focus = facts.Values.Where(InFocus).ToList();
        await Load(focus.SelectMany(r => new[] { r.FromId, r.ToId })).ConfigureAwait(false);

        var entityIds = facts.Values.SelectMany(r => new[] { r.FromId, r.ToId }).Distinct(StringComparer.Ordinal).ToList();
        var entities = new Dictionary<string, Entity>(await store.GetEntityRecordsAsync(entityIds, ct).ConfigureAwait(false), StringComparer.Ordinal);
        foreach (var e in set.Entities) entities[e.Id] = e;

        var derived = Lifecycles.Derive(entities.Values, facts.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        var rewritten = focus
            .Where(r => !written.ContainsKey(r.Id) && !retracted.ContainsKey(r.Id) && derived[r.Id].EndedBy != r.EndedBy)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => derived[r.Id]);
        return set with
        {
            Relationships = [.. set.Relationships.Select(r => r with { EndedBy = derived[r.Id].EndedBy }), .. rewritten],
        };
    }
}
