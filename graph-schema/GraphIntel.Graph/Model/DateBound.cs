using System.Diagnostics.CodeAnalysis;

namespace GraphIntel.Graph.Model;

/// <summary>
/// When one end of a fact's interval fell, as far as the sources say: on or after the first day of
/// <see cref="Earliest"/> and on or before the last day of <see cref="Latest"/>, either side unknown (null).
/// Written in EDTF (ISO 8601-2) as one end of an interval:
/// <list type="table">
/// <item><term><c>2017</c>, <c>2017-05</c>, <c>2017-05-03</c></term><description>within that year, month or day (earliest = latest)</description></item>
/// <item><term><c>[..2024]</c> (or <c>..2024</c>)</term><description>on or before 2024</description></item>
/// <item><term><c>[2015..]</c> (or <c>2015..</c>)</term><description>on or after 2015</description></item>
/// <item><term><c>[2016..2018-06]</c> (or <c>2016..2018-06</c>)</term><description>between the two</description></item>
/// <item><term><c>..</c> (or nothing)</term><description>unknown: GraphIntel never reads an end it is not given as "ongoing"</description></item>
/// </list>
/// </summary>
public readonly record struct DateBound(PartialDate? Earliest, PartialDate? Latest)
{
    public static readonly DateBound Unknown = new(null, null);

    /// <summary>A bound that fell within <paramref name="date"/>'s span.</summary>
    public static DateBound On(PartialDate date) => new(date, date);

    public static DateBound OnOrBefore(PartialDate date) => new(null, date);

    public static DateBound OnOrAfter(PartialDate date) => new(date, null);

    /// <summary>Neither side is known.</summary>
    public bool IsUnknown => Earliest is null && Latest is null;

    /// <summary>The date both sides agree on ("2017"), or null for a range or an unknown bound.</summary>
    public PartialDate? Exact => Earliest is { } e && Latest == e ? e : null;

    /// <summary>The first day the bound may fall on, or null when unbounded below.</summary>
    public DateOnly? EarliestDay => Earliest?.Start;

    /// <summary>The last day the bound may fall on, or null when unbounded above.</summary>
    public DateOnly? LatestDay => Latest?.End;

    /// <summary>Null when well-formed; else why not (a range whose latest side is before its earliest).</summary>
    public string? Problem() =>
        Earliest is { } e && Latest is { } l && l.End < e.Start ? $"'{this}' ends ({l}) before it begins ({e})" : null;

    /// <summary>
    /// The bound with its latest side no later than <paramref name="latest"/> (a lifecycle's end); the earliest side
    /// is cut back too when it would fall after the new latest.
    /// </summary>
    public DateBound NoLaterThan(PartialDate latest)
    {
        var newLatest = Latest is { } l && l.End <= latest.End ? l : latest;
        var newEarliest = Earliest is { } e && e.Start > newLatest.End ? newLatest : Earliest;
        return new DateBound(newEarliest, newLatest);
    }

    /// <summary>The canonical EDTF text: <c>2017</c>, <c>[..2024]</c>, <c>[2015..]</c>, <c>[2016..2018]</c>, or <c>..</c> when unknown.</summary>
    public override string ToString() => (Earliest, Latest) switch
    {
        (null, null) => "..",
        ({ } e, { } l) when e == l => e.ToString(),
        (null, { } l) => $"[..{l}]",
        ({ } e, null) => $"[{e}..]",
        var (e, l) => $"[{e}..{l}]",
    };

    /// <summary>The text fact ids are built from: as <see cref="ToString"/>, but nothing for an unknown bound.</summary>
    public string IdentityText => IsUnknown ? "" : ToString();

    public static DateBound Parse(string? text) =>
        TryParse(text, out var bound, out var error) ? bound : throw new FormatException(error);

    /// <summary>
    /// Parses one end as written in the data set and the API (see the type's summary); on failure
    /// <paramref name="error"/> says what is wrong and what was expected.
    /// </summary>
    public static bool TryParse(string? text, out DateBound bound, [NotNullWhen(false)] out string? error)
    {
        bound = Unknown;
        error = null;
        var t = (text ?? "").Trim();
        if (t.Length == 0 || t == "..") return true;
        var bracketed = t.StartsWith('[');
        if (bracketed != t.EndsWith(']'))
        {
            error = $"'{text}' has an unmatched bracket; expected {Expected}";
            return false;
        }
        if (bracketed) t = t[1..^1].Trim();
        var dots = t.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            if (bracketed) { error = $"'{text}': a bracketed bound is a range with '..'; expected {Expected}"; return false; }
            if (!PartialDate.TryParse(t, out var exact, out var dateError)) { error = $"{dateError}; expected {Expected}"; return false; }
            bound = On(exact);
            return true;
        }
        var left = t[..dots].Trim();
        var right = t[(dots + 2)..].Trim();
        if (left.Length == 0 && right.Length == 0)
        {
            if (bracketed) { error = $"'{text}': write an unknown bound as '..' or leave it out; expected {Expected}"; return false; }
            return true;
        }
        PartialDate? earliest = null, latest = null;
        if (left.Length > 0)
        {
            if (!PartialDate.TryParse(left, out var e, out var leftError)) { error = $"'{text}': {leftError}"; return false; }
            earliest = e;
        }
        if (right.Length > 0)
        {
            if (!PartialDate.TryParse(right, out var l, out var rightError)) { error = $"'{text}': {rightError}"; return false; }
            latest = l;
        }
        var candidate = new DateBound(earliest, latest);
        if (candidate.Problem() is { } problem) { error = problem; return false; }
        bound = candidate;
        return true;
    }

    private const string Expected =
        "a date (2017, 2017-05, 2017-05-03), a range ([..2024] on or before, [2015..] on or after, [2016..2018] between) or '..' for unknown";
}
