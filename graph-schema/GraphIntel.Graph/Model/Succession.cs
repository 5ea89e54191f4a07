using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Model;

/// <summary>
/// An organization's succession: its leadership terms (LEADS, incoming) oldest first, and the rules read from that
/// order (a term's predecessor and successor, the leaders in force on a date, the latest leaders). A person's terms
/// (LEADS, outgoing) are ordered the same way.
/// </summary>
public static class Succession
{
    /// <summary>The terms of an organization: LEADS relationships into it.</summary>
    public static readonly RelationshipFilter Filter = new() { Types = [RelationshipType.Leads], Direction = Direction.Incoming };

    /// <summary>The terms of a person: LEADS relationships out of them.</summary>
    public static readonly RelationshipFilter PersonFilter = new() { Types = [RelationshipType.Leads], Direction = Direction.Outgoing };

    /// <summary>The terms, ordered as <see cref="Compare"/> says (a new list; the input is not changed).</summary>
    public static IReadOnlyList<Relationship> Order(IEnumerable<Relationship> terms)
    {
        var ordered = new List<Relationship>(terms);
        ordered.Sort(Compare);
        return ordered;
    }

    /// <summary>
    /// Dated terms first; by the latest day each can have begun (its start's latest side, or, when only the end is known,
    /// the end's: a term known only to have ended by June 2020 began by then, so it never sorts before terms that began
    /// years earlier), then by end (open last), then id.
    /// </summary>
    public static int Compare(Relationship a, Relationship b)
    {
        var byDated = IsUndated(a).CompareTo(IsUndated(b));
        if (byDated != 0) return byDated;
        var byStart = SortStart(a).CompareTo(SortStart(b));
        if (byStart != 0) return byStart;
        var byEnd = SortEnd(a).CompareTo(SortEnd(b));
        return byEnd != 0 ? byEnd : Store.CodePointOrder.Compare(a.Id, b.Id);

        static bool IsUndated(Relationship r) => r.EffectiveValidity.IsUndated;
        static DateOnly SortStart(Relationship r)
        {
            var (start, end) = (r.EffectiveValidity.Start, r.EffectiveValidity.End);
            DateOnly? latest = start.LatestDay is { } s && end.LatestDay is { } e ? (s < e ? s : e) : start.LatestDay ?? end.LatestDay;
            return latest ?? start.EarliestDay ?? end.EarliestDay ?? DateOnly.MinValue;
        }
        static DateOnly SortEnd(Relationship r) => r.EffectiveValidity.End.LatestDay ?? DateOnly.MaxValue;
    }

    /// <summary>
    /// The term <paramref name="step"/> places from the term <paramref name="termId"/> in <paramref name="ordered"/>
    /// (-1: its predecessor, +1: its successor), or null when the term is not there or the step leaves the succession.
    /// </summary>
    public static Relationship? Neighbour(IReadOnlyList<Relationship> ordered, string termId, int step)
    {
        var at = -1;
        for (var i = 0; i < ordered.Count && at < 0; i++)
            if (ordered[i].Id == termId) at = i;
        var neighbour = at + step;
        return at >= 0 && neighbour >= 0 && neighbour < ordered.Count ? ordered[neighbour] : null;
    }

    /// <summary>
    /// The terms in force on <paramref name="date"/> as <paramref name="certainty"/> asks (KNOWN only, or POSSIBLE too),
    /// each with its status then, in the order given.
    /// </summary>
    public static IReadOnlyList<(Relationship Term, TemporalStatus Status)> InForce(IReadOnlyList<Relationship> ordered, PartialDate date, TemporalCertainty certainty)
    {
        var leaders = new List<(Relationship, TemporalStatus)>();
        foreach (var r in ordered)
        {
            var status = TemporalProfile.Of(r).StatusOn(date);
            if (TemporalProfile.Admits(certainty, status)) leaders.Add((r, status));
        }
        return leaders;
    }

    /// <summary>The dated terms not known to have ended (no latest end), else those that ended last; every term when none is dated.</summary>
    public static IReadOnlyList<Relationship> Latest(IReadOnlyList<Relationship> ordered)
    {
        var leaders = new List<Relationship>();
        var anyDated = false;
        var lastEnd = DateOnly.MinValue;
        foreach (var r in ordered)
        {
            var validity = r.EffectiveValidity;
            if (validity.IsUndated) continue;
            anyDated = true;
            if (validity.End.LatestDay is not { } end) leaders.Add(r);
            else if (end > lastEnd) lastEnd = end;
        }
        if (leaders.Count > 0) return leaders;
        if (!anyDated) return ordered;
        foreach (var r in ordered)
            if (r.EffectiveValidity.End.LatestDay == lastEnd) leaders.Add(r);
        return leaders;
    }
}
