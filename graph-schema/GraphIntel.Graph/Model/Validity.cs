using System.Diagnostics.CodeAnalysis;

namespace GraphIntel.Graph.Model;

/// <summary>
/// When a fact held, as far as the sources say: it began at some moment within <see cref="Start"/> and ended at some
/// moment within <see cref="End"/>, both days inclusive. An unknown end is unknown, not "ongoing". Written in EDTF as
/// <c>start/end</c>: <c>2015-01/2016-07</c>, <c>2019/[..2024-01]</c>, <c>../..</c>.
/// Whether it held on a given date is <see cref="TemporalProfile.StatusOn"/>'s question (with the fact's attestations).
/// </summary>
public readonly record struct Validity(DateBound Start, DateBound End)
{
    /// <summary>Neither end known.</summary>
    public static readonly Validity Unknown = new(DateBound.Unknown, DateBound.Unknown);

    /// <summary>An interval between two exact ends (either null for unknown): the pre-EDTF form.</summary>
    public static Validity Between(PartialDate? from, PartialDate? to) =>
        new(from is { } f ? DateBound.On(f) : DateBound.Unknown, to is { } t ? DateBound.On(t) : DateBound.Unknown);

    /// <summary>Neither end is known at all.</summary>
    public bool IsUndated => Start.IsUnknown && End.IsUnknown;

    /// <summary>Null when well-formed; else why not (a bound whose sides are reversed, an end before the start).</summary>
    public string? Problem()
    {
        if (Start.Problem() is { } start) return $"start: {start}";
        if (End.Problem() is { } end) return $"end: {end}";
        return Start.EarliestDay is { } s && End.LatestDay is { } e && e < s
            ? $"the interval ends ({End}) before it starts ({Start})"
            : null;
    }

    /// <summary>The interval with its end no later than <paramref name="latest"/>; its start is cut back likewise.</summary>
    public Validity NoLaterThan(PartialDate latest) => new(Start.NoLaterThan(latest), End.NoLaterThan(latest));

    /// <summary>EDTF: <c>start/end</c>, each side as <see cref="DateBound.ToString"/>.</summary>
    public override string ToString() => $"{Start}/{End}";

    public static Validity Parse(string? text) =>
        TryParse(text, out var validity, out var error) ? validity : throw new FormatException(error);

    /// <summary>Parses <c>start/end</c> (each side a <see cref="DateBound"/>); a text without '/' is refused.</summary>
    public static bool TryParse(string? text, out Validity validity, [NotNullWhen(false)] out string? error)
    {
        validity = Unknown;
        var t = (text ?? "").Trim();
        var slash = t.IndexOf('/');
        if (slash < 0 || t.IndexOf('/', slash + 1) >= 0)
        {
            error = $"'{text}' is not an interval; expected start/end in EDTF, e.g. 2015-01/2016-07, 2019/[..2024], 2015/..";
            return false;
        }
        if (!DateBound.TryParse(t[..slash], out var start, out var startError)) { error = $"start: {startError}"; return false; }
        if (!DateBound.TryParse(t[(slash + 1)..], out var end, out var endError)) { error = $"end: {endError}"; return false; }
        var candidate = new Validity(start, end);
        if (candidate.Problem() is { } problem) { error = problem; return false; }
        validity = candidate;
        error = null;
        return true;
    }
}
