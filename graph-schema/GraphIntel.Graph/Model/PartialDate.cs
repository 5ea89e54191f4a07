using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GraphIntel.Graph.Model;

/// <summary>The precision a <see cref="PartialDate"/> was stated with.</summary>
public enum DatePrecision { Year, Month, Day }

/// <summary>
/// An ISO-8601 calendar date of year, month or day precision ("2015", "2015-06", "2015-06-30").
/// A partial date stands for its whole span: <see cref="Start"/> is its first day, <see cref="End"/> its last.
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }

    public PartialDate(int year, int? month = null, int? day = null)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "year must be 1..9999");
        if (month is not null and (< 1 or > 12)) throw new ArgumentOutOfRangeException(nameof(month), month, "month must be 1..12");
        if (day is not null && month is null) throw new ArgumentException("a day needs a month", nameof(day));
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
            throw new ArgumentOutOfRangeException(nameof(day), day, $"{year:D4}-{month:D2} has no day {day}");
        Year = year;
        Month = month;
        Day = day;
    }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day the date covers.</summary>
    public DateOnly Start => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day the date covers.</summary>
    public DateOnly End => Day is not null
        ? new DateOnly(Year, Month!.Value, Day.Value)
        : Month is not null
            ? new DateOnly(Year, Month.Value, DateTime.DaysInMonth(Year, Month.Value))
            : new DateOnly(Year, 12, 31);

    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    public static bool TryParse(string? text, out PartialDate date) => TryParse(text, out date, out _);

    /// <summary>Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out PartialDate date, [NotNullWhen(false)] out string? error)
    {
        date = default;
        if (string.IsNullOrEmpty(text)) { error = "a date is empty; expected YYYY, YYYY-MM or YYYY-MM-DD"; return false; }
        var parts = text.Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2) ||
            !parts.All(p => p.All(char.IsAsciiDigit)))
        {
            error = $"'{text}' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int? month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
        int? day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        if (year < 1) { error = $"'{text}': year 0000 does not exist"; return false; }
        if (month is < 1 or > 12) { error = $"'{text}': month {month} is not 01..12"; return false; }
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
        {
            error = $"'{text}': {year:D4}-{month:D2} has no day {day:D2}";
            return false;
        }
        date = new PartialDate(year, month, day);
        error = null;
        return true;
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };

    /// <summary>Orders by start day, then the more precise (shorter) date first.</summary>
    public int CompareTo(PartialDate other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : End.CompareTo(other.End);
    }
}
