using GraphIntel.Graph.Dataset;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Api.Tests.Support;

/// <summary>
/// KNOWN / POSSIBLE / EXCLUDED straight from their definition over the worlds a fact's bounds allow, written apart from
/// the API's rules (Model/TemporalProfile.cs) to check them: a world is a start day s within the start bound and an end
/// day e within the end bound (cut at the lifecycle end), s &lt;= e, every attestation's span meeting [s, e]. A fact is
/// KNOWN on a date when it held on some day of the date's span in every world, EXCLUDED when in none, else POSSIBLE.
/// The worlds that miss the span are those wholly after it (the latest start any world allows is after it) or wholly
/// before it (the earliest end is before it), so the two extremes decide.
/// </summary>
public static class TimeOracle
{
    /// <summary>The curated data set as the seed reader reads it (the data the host was seeded from).</summary>
    public static readonly Lazy<ChangeSet> Dataset = new(() => DatasetReader.Read(RepoPaths.Root).ChangeSet);

    public static string Status(Validity stated, IEnumerable<PartialDate> attested, PartialDate? endedBy, PartialDate asOf)
    {
        int a0 = asOf.Start.DayNumber, a1 = asOf.End.DayNumber;
        var startEarliest = stated.Start.EarliestDay?.DayNumber ?? int.MinValue;
        var endLatest = Math.Min(stated.End.LatestDay?.DayNumber ?? int.MaxValue, endedBy?.End.DayNumber ?? int.MaxValue);
        if (startEarliest > a1 || endLatest < a0) return "EXCLUDED";

        var latestStart = Math.Min(stated.Start.LatestDay?.DayNumber ?? int.MaxValue, endLatest);
        var earliestEnd = Math.Max(stated.End.EarliestDay?.DayNumber ?? int.MinValue, startEarliest);
        foreach (var a in attested)
        {
            latestStart = Math.Min(latestStart, a.End.DayNumber);
            earliestEnd = Math.Max(earliestEnd, a.Start.DayNumber);
        }
        return latestStart <= a1 && earliestEnd >= a0 ? "KNOWN" : "POSSIBLE";
    }

    /// <summary>
    /// The statistics' firstDate and lastDate by a scan of every date of the data: the days an asOf date can tell apart.
    /// A fact's (or an organization's existence's) earliest start and latest end when bounded; its latest start when the
    /// starts are bounded on both sides or when the fact certainly held from it (latest start &lt;= earliest end), its
    /// earliest end likewise; every attested span's two days; every event date's two sides. Retracted facts are left
    /// out; <paramref name="endedBy"/> gives each fact the lifecycle end the store derived for it.
    /// </summary>
    public static (string? First, string? Last) DatedSpan(ChangeSet data, IReadOnlyDictionary<string, PartialDate?> endedBy)
    {
        var days = new List<DateOnly>();
        void Interval(Validity stated, IEnumerable<PartialDate> attested, PartialDate? ended)
        {
            var dates = attested.ToList();
            // A lifecycle end cuts every side of both bounds back to its last day.
            var cut = ended?.End;
            DateOnly? Cut(DateOnly? side) => cut is { } c && (side is null || side > c) ? c : side;
            DateOnly? CutEarliest(DateOnly? side) => cut is { } c && side > c ? c : side;
            var startEarliest = CutEarliest(stated.Start.EarliestDay);
            var endLatest = Cut(stated.End.LatestDay);
            var latestStart = new[] { Cut(stated.Start.LatestDay), endLatest }.Concat(dates.Select(a => (DateOnly?)a.End)).Where(d => d is not null).Min();
            var earliestEnd = new[] { CutEarliest(stated.End.EarliestDay), startEarliest }.Concat(dates.Select(a => (DateOnly?)a.Start)).Where(d => d is not null).Max();
            var held = latestStart <= earliestEnd;
            if (startEarliest is { } s) days.Add(s);
            if (endLatest is { } e) days.Add(e);
            if (latestStart is { } ls && (startEarliest is not null || held)) days.Add(ls);
            if (earliestEnd is { } ee && (endLatest is not null || held)) days.Add(ee);
            days.AddRange(dates.SelectMany(a => new[] { a.Start, a.End }));
        }
        foreach (var e in data.Entities)
        {
            Interval(e.Existence, [], null);
            if (e.Event?.Date is { } date) days.AddRange(new[] { date.EarliestDay, date.LatestDay }.OfType<DateOnly>());
        }
        foreach (var r in data.Relationships.Where(r => r.Status != ClaimStatus.Retracted))
            Interval(r.Validity, r.Attestations.Select(a => a.Date), endedBy.GetValueOrDefault(r.Id));
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return days.Count == 0 ? (null, null) : (Day(days.Min()), Day(days.Max()));
    }

    /// <summary>The status of a data-set relationship on <paramref name="asOf"/>, with the lifecycle end the store derived for it.</summary>
    public static string Status(Relationship r, PartialDate? endedBy, PartialDate asOf) =>
        Status(r.Validity, r.Attestations.Select(a => a.Date), endedBy, asOf);
}
