using GraphIntel.Graph.Model;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Dataset.Checking;

/// <summary>
/// Every fact that contradicts a lifecycle (<see cref="Lifecycles.Contradictions"/>): a term that starts after its
/// holder's death, a membership after a dissolution, a term attested after its successor's began. Reported at the fact,
/// naming where the end is stated (the event, the dissolved organization, the merger or the successor's term).
/// </summary>
internal static class LifecycleChecks
{
    public static void Check(DatasetDrafts drafts, ChangeSet changes, ICollection<DatasetProblem> problems)
    {
        var contradictions = Lifecycles.Contradictions(changes.Entities, changes.Relationships);
        if (contradictions.Count == 0) return;

        var facts = new Dictionary<string, RelationshipDraft>(StringComparer.Ordinal);
        foreach (var r in drafts.Relationships)
            if (FactIds.Of(r) is { } id) facts.TryAdd(id.Id, r);
        var entities = new Dictionary<string, EntityDraft>(StringComparer.Ordinal);
        foreach (var e in drafts.Entities)
            if (e.Id is { } id) entities.TryAdd(id.Value, e);

        foreach (var c in contradictions)
        {
            if (!facts.TryGetValue(c.Fact.Id, out var fact)) continue;
            var endAt = entities.TryGetValue(c.End.ById, out var entity) ? entity.At.ToString()
                : facts.TryGetValue(c.End.ById, out var by) ? by.At.ToString()
                : null;
            var where = endAt is null ? "" : $" (stated at {endAt})";
            problems.Add(new DatasetProblem(fact.At, $"{fact.Label}: contradicts a lifecycle: it {c.Message}{where}"));
        }
    }
}
