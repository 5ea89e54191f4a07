namespace GraphIntel.Graph.Model;

/// <summary>
/// A fact's interval and attestations reduced to day numbers (<see cref="DateOnly.DayNumber"/>), for deciding on any date
/// whether the fact is KNOWN, POSSIBLE or EXCLUDED — the one place these rules live; both backends store the numbers and
/// apply the same tests. An <c>asOf</c> date A stands for its whole span [A.start, A.end] (a year, a month or a day), and
/// a fact answers for A when it held at some moment of that span.
/// <para>
/// The rules. A fact is an interval: it held on every day from its start to its end, both inclusive. Each end is known
/// only within a <see cref="DateBound"/>, tightened by what follows from the others: the start is no later than the
/// end's latest side or any attestation's last day, the end no earlier than the start's earliest side or any
/// attestation's first day. The fact certainly held on every day from its latest possible start to its earliest
/// possible end: the <b>core</b>. <b>Evidence</b> is a span of days on some day of which it certainly held: each
/// attestation's span, the start's span [earliest, latest] (it held on its first day) and the end's (and its last).
/// </para>
/// <list type="bullet">
/// <item>EXCLUDED when its earliest possible start is after A.end, or its latest possible end is before A.start.</item>
/// <item>KNOWN when not EXCLUDED and the core overlaps A, or some evidence span lies wholly inside A.</item>
/// <item>POSSIBLE otherwise.</item>
/// </list>
/// Unbounded sides are <see cref="int.MinValue"/>/<see cref="int.MaxValue"/>; a fact with no core has
/// <see cref="CoreStart"/> = <see cref="int.MaxValue"/> and <see cref="CoreEnd"/> = <see cref="int.MinValue"/>, which
/// overlaps nothing, so the tests need no special cases.
/// </summary>
public sealed record TemporalProfile(
    int PossibleStart,
    int PossibleEnd,
    int CoreStart,
    int CoreEnd,
    IReadOnlyList<DaySpan> Evidence)
{
    /// <summary>The profile of a fact with this (effective) interval and these attestation dates.</summary>
    public static TemporalProfile Of(Validity validity, IReadOnlyCollection<PartialDate> attestations)
    {
        // What the bounds say, tightened by what follows from them: the start is no later than the end's latest side
        // and than any attested span's last day; the end no earlier than the start's earliest side and than any
        // attested span's first day.
        var startEarliest = validity.Start.EarliestDay?.DayNumber ?? int.MinValue;
        var endLatest = validity.End.LatestDay?.DayNumber ?? int.MaxValue;
        var startLatest = Math.Min(validity.Start.LatestDay?.DayNumber ?? int.MaxValue, endLatest);
        var endEarliest = Math.Max(validity.End.EarliestDay?.DayNumber ?? int.MinValue, startEarliest);
        foreach (var a in attestations)
        {
            startLatest = Math.Min(startLatest, a.End.DayNumber);
            endEarliest = Math.Max(endEarliest, a.Start.DayNumber);
        }

        var evidence = new List<DaySpan>();
        if (startEarliest != int.MinValue && startLatest != int.MaxValue) evidence.Add(new(startEarliest, startLatest));
        if (endEarliest != int.MinValue && endLatest != int.MaxValue) evidence.Add(new(endEarliest, endLatest));
        foreach (var a in attestations) evidence.Add(new(a.Start.DayNumber, a.End.DayNumber));

        // It held on every day from its latest possible start to its earliest possible end.
        var hasCore = startLatest != int.MaxValue && endEarliest != int.MinValue && startLatest <= endEarliest;
        return new TemporalProfile(
            startEarliest, endLatest,
            hasCore ? startLatest : int.MaxValue, hasCore ? endEarliest : int.MinValue,
            evidence.Distinct().ToArray());
    }

    /// <summary>The profile of a relationship as reads see it: its effective interval and its attestations.</summary>
    public static TemporalProfile Of(Relationship r) => Of(r.EffectiveValidity, r.Attestations.Select(a => a.Date).ToArray());

    /// <summary>How the fact stands on <paramref name="asOf"/>'s span.</summary>
    public TemporalStatus StatusOn(PartialDate asOf) => StatusOn(asOf.Start.DayNumber, asOf.End.DayNumber);

    /// <summary>How the fact stands on the days [<paramref name="asOfStart"/>, <paramref name="asOfEnd"/>].</summary>
    public TemporalStatus StatusOn(int asOfStart, int asOfEnd)
    {
        if (PossibleStart > asOfEnd || PossibleEnd < asOfStart) return TemporalStatus.Excluded;
        if (CoreStart <= asOfEnd && CoreEnd >= asOfStart) return TemporalStatus.Known;
        foreach (var e in Evidence)
        {
            if (e.Start >= asOfStart && e.End <= asOfEnd) return TemporalStatus.Known;
        }
        return TemporalStatus.Possible;
    }

    /// <summary>Whether a read asking for <paramref name="certainty"/> returns a fact that stands so.</summary>
    public static bool Admits(TemporalCertainty certainty, TemporalStatus status) =>
        status == TemporalStatus.Known || (status == TemporalStatus.Possible && certainty == TemporalCertainty.Possible);
}

/// <summary>An inclusive span of day numbers.</summary>
public readonly record struct DaySpan(int Start, int End);
