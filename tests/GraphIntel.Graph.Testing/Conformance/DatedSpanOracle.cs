using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// <see cref="Store.GraphStatistics.FirstDay"/>/<see cref="Store.GraphStatistics.LastDay"/> by a scan of the records'
/// own dates, written apart from the stores and from <see cref="TemporalProfile"/>. A fact's worlds are a start day s
/// within its start bound and an end day e within its (lifecycle-cut) end bound, s &lt;= e, every attestation's span
/// meeting [s, e]; what asOf can tell apart are the extremes of s and e over the worlds and the attestations' days. The
/// earliest start and the latest end always count when bounded: before/after them the fact is EXCLUDED. The latest
/// start counts when the starts form a bounded span (an asOf date can hold them all) or when it begins the days the fact
/// certainly held (latest start &lt;= earliest end); the earliest end likewise. Events count by their date's two sides.
/// </summary>
public static class DatedSpanOracle
{
    /// <summary>The first and last day of <paramref name="entities"/> and the live <paramref name="relationships"/>; nulls when nothing is dated.</summary>
    public static (DateOnly? First, DateOnly? Last) Of(IEnumerable<Entity> entities, IEnumerable<Relationship> relationships)
    {
        var days = new List<DateOnly>();
        foreach (var e in entities)
        {
            days.AddRange(DecisiveDays(e.Existence, []));
            if (e.Event is { } details) days.AddRange(new[] { details.Date.EarliestDay, details.Date.LatestDay }.OfType<DateOnly>());
        }
        foreach (var r in relationships.Where(r => r.Status != ClaimStatus.Retracted))
            days.AddRange(DecisiveDays(r.EffectiveValidity, r.Attestations.Select(a => a.Date).ToArray()));
        return days.Count == 0 ? (null, null) : (days.Min(), days.Max());
    }

    /// <summary>The days of one interval that some asOf date can tell apart (see the type's summary).</summary>
    public static IEnumerable<DateOnly> DecisiveDays(Validity v, IReadOnlyList<PartialDate> attested)
    {
        DateOnly? earliestStart = v.Start.EarliestDay, latestEnd = v.End.LatestDay;
        // A start after the end's latest side, or after an attested span, leaves that attestation unmet; an end
        // before the start's earliest side or an attested span likewise.
        var latestStart = Min([v.Start.LatestDay, latestEnd, .. attested.Select(a => (DateOnly?)a.End)]);
        var earliestEnd = Max([v.End.EarliestDay, earliestStart, .. attested.Select(a => (DateOnly?)a.Start)]);
        var certainlyHeld = latestStart is { } ls && earliestEnd is { } ee && ls <= ee;
        var days = new List<DateOnly?> { earliestStart, latestEnd };
        if (earliestStart is not null || certainlyHeld) days.Add(latestStart);
        if (latestEnd is not null || certainlyHeld) days.Add(earliestEnd);
        foreach (var a in attested) days.AddRange([a.Start, a.End]);
        return days.OfType<DateOnly>();
    }

    private static DateOnly? Min(IEnumerable<DateOnly?> days) => days.OfType<DateOnly>().Select(d => (DateOnly?)d).Min();
    private static DateOnly? Max(IEnumerable<DateOnly?> days) => days.OfType<DateOnly>().Select(d => (DateOnly?)d).Max();
}
