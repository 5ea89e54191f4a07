using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// The definition of KNOWN / POSSIBLE / EXCLUDED by brute force: a fact with bounds and attestations holds at a date A
/// in a world (one start day and one end day the bounds and attestations allow) when it overlaps A; KNOWN when it
/// holds on some day of A in every world, EXCLUDED when in none, POSSIBLE otherwise. It knows nothing of
/// <see cref="TemporalProfile"/>; the profile's tests and the store conformance suite take their expected values from here.
/// </summary>
public static class TemporalOracle
{
    // The world: days from 2018-12-01 to 2021-01-31. Unbounded sides reach the edges of it, past every date used.
    private static readonly DateOnly First = new(2018, 12, 1);
    private static readonly DateOnly Last = new(2021, 1, 31);

    /// <summary>
    /// The status by enumerating every world; null when no world fits (the attestations contradict the bounds). The
    /// conformance suite takes its expected asOf answers from here too, never from the stores.
    /// </summary>
    public static TemporalStatus? Enumerated(Validity v, IReadOnlyList<PartialDate> attestations, PartialDate asOf)
    {
        var startLo = v.Start.EarliestDay ?? First;
        var startHi = v.Start.LatestDay ?? Last;
        var endLo = v.End.EarliestDay ?? First;
        var endHi = v.End.LatestDay ?? Last;
        bool some = false, all = true, any = false;
        for (var s = startLo; s <= startHi; s = s.AddDays(1))
        {
            for (var e = s > endLo ? s : endLo; e <= endHi; e = e.AddDays(1))
            {
                if (!attestations.All(a => a.Start <= e && a.End >= s)) continue;
                any = true;
                var holds = s <= asOf.End && e >= asOf.Start;
                some |= holds;
                all &= holds;
            }
        }
        if (!any) return null;
        return all ? TemporalStatus.Known : some ? TemporalStatus.Possible : TemporalStatus.Excluded;
    }
}
