namespace GraphIntel.Graph.Model;

/// <summary>
/// The rule of merging one entity into another (a duplicate into the entity that survives it), the same on every
/// backend; a backend only persists what it returns:
/// <list type="bullet">
///   <item>the survivor keeps its own name and fields, takes the merged entity's names it lacks as aliases, the merged
///   entity's citations it lacks, and the description and dates it lacks (<see cref="Combine"/>);</item>
///   <item>every relationship touching the merged entity, and every strength estimate of it, now touches the survivor
///   (<see cref="Repoint"/>, <see cref="MoveTo"/>), whatever its status, each audited as moved (<see cref="Moves"/>);</item>
///   <item>the merged entity is deleted and recorded as merged into the survivor, so its id answers with the survivor
///   (ids earlier merged into it now answer with the survivor too).</item>
/// </list>
/// </summary>
public static class EntityMerging
{
    /// <summary>The survivor after absorbing <paramref name="merged"/>.</summary>
    public static Entity Combine(Entity survivor, Entity merged)
    {
        var names = new HashSet<string>(survivor.Names, StringComparer.Ordinal);
        return survivor with
        {
            Aliases = survivor.Aliases.Concat(merged.Names.Where(names.Add)).ToList(),
            Citations = survivor.Citations.Concat(merged.Citations).Distinct().ToList(),
            Description = survivor.Description ?? merged.Description,
            Founded = survivor.Founded ?? merged.Founded,
            Dissolved = survivor.Dissolved ?? merged.Dissolved,
        };
    }

    /// <summary>The relationship with each end at <paramref name="mergedId"/> moved to <paramref name="survivorId"/>.</summary>
    public static Relationship Repoint(Relationship relationship, string mergedId, string survivorId) =>
        relationship with
        {
            FromId = relationship.FromId == mergedId ? survivorId : relationship.FromId,
            ToId = relationship.ToId == mergedId ? survivorId : relationship.ToId,
        };

    /// <summary>The merged organization's estimate, now of <paramref name="survivorId"/>.</summary>
    public static StrengthEstimate MoveTo(StrengthEstimate estimate, string survivorId) => estimate with { OrganizationId = survivorId };

    /// <summary>
    /// The audit of what a merge moves: for each of these relationships and estimates (their current versions) that
    /// the merge changes, its id and its <see cref="RecordJson"/> before and after, relationships then estimates, each
    /// in ordinal id order, so every backend audits a merge's moves alike (action <c>merge</c>, one entry per record).
    /// </summary>
    public static IEnumerable<(string Id, string Before, string After)> Moves(IEnumerable<Relationship> relationships,
        IEnumerable<StrengthEstimate> estimates, string mergedId, string survivorId)
    {
        foreach (var r in relationships.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (r.FromId == mergedId || r.ToId == mergedId)
                yield return (r.Id, Store.RecordJson.Serialize(r), Store.RecordJson.Serialize(Repoint(r, mergedId, survivorId)));
        }
        foreach (var x in estimates.OrderBy(x => x.Id, StringComparer.Ordinal))
        {
            if (x.OrganizationId == mergedId) yield return (x.Id, Store.RecordJson.Serialize(x), Store.RecordJson.Serialize(MoveTo(x, survivorId)));
        }
    }
}
