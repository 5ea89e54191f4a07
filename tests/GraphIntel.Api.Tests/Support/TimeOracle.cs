using GraphIntel.Graph.Dataset;
using GraphIntel.Graph.Model;
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

    /// <summary>The status of a data-set relationship on <paramref name="asOf"/>, with the lifecycle end the store derived for it.</summary>
    public static string Status(Relationship r, PartialDate? endedBy, PartialDate asOf) =>
        Status(r.Validity, r.Attestations.Select(a => a.Date), endedBy, asOf);
}
