using System.Text;
using System.Text.RegularExpressions;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Dataset.Tests;

/// <summary>
/// The two guards of the curated facts: a one-line-per-fact digest that a reviewer reads as a diff, and the date lint
/// (every year a fact's bounds or attestations name appears in one of its quotes or its note).
/// </summary>
public static partial class CuratedFacts
{
    public const string DigestPath = "tests/GraphIntel.Graph.Dataset.Tests/curated-facts.digest.txt";
    public const string AllowlistPath = "tests/GraphIntel.Graph.Dataset.Tests/date-lint-allowlist.txt";
    public const string UpdateVariable = "GRAPHINTEL_UPDATE_DIGEST";

    /// <summary>
    /// Every relationship and strength estimate, one line each, ordered by id: what a fact says about time and
    /// standing (type, ends, interval in EDTF, attestations, status, role), not its prose.
    /// </summary>
    public static string Digest(ChangeSet facts)
    {
        var text = new StringBuilder()
            .Append("# Every curated fact: id | type from -> to | interval (EDTF start/end) | attestations | status | LEADS role, end reason\n")
            .Append($"# Checked by CuratedDigestTests. After a reviewed data edit: {UpdateVariable}=1 dotnet test tests/GraphIntel.Graph.Tests --filter CuratedDigestTests\n");
        foreach (var r in facts.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var attested = r.Attestations.Count == 0 ? "-" : string.Join("; ", r.Attestations.Select(a => $"{a.Date} ({a.SourceId})"));
            var extra = new List<string>();
            if (r.Role is { } role) extra.Add($"role {role}");
            if (r.EndReason is { } reason) extra.Add($"ended {reason}");
            if (r.Participation is { } p) extra.Add($"as {EnumNames.ToContractName(p.Role)}" + (p.Attribution is { } by ? $" ({EnumNames.ToContractName(by)})" : ""));
            if (r.EndedBy is { } life) extra.Add($"lifecycle ends it by {life.Latest} ({life.Reason})");
            text.Append($"{r.Id} | {EnumNames.ToContractName(r.Type)} {r.FromId} -> {r.ToId} | {r.Validity} | {attested} | {EnumNames.ToContractName(r.Status)}")
                .Append(extra.Count == 0 ? "" : " | " + string.Join(", ", extra)).Append('\n');
        }
        foreach (var e in facts.StrengthEstimates.OrderBy(e => e.Id, StringComparer.Ordinal))
            text.Append($"{e.Id} | ESTIMATE {e.OrganizationId} | {e.Min?.ToString() ?? ""}..{e.Max?.ToString() ?? ""} | asOf {e.AsOf?.ToString() ?? "-"} | by {e.EstimatedBy ?? "-"} | {EnumNames.ToContractName(e.Status)}\n");
        return text.ToString();
    }

    /// <summary>
    /// A year (<c>2009</c>), or the month of a year that is stated (<c>2000-10</c>), that a fact's dates name but none of
    /// its quotes nor its note does.
    /// </summary>
    public sealed record DateFinding(string FactId, string Date, string Dates)
    {
        public override string ToString() => $"{FactId}: {Date} (of {Dates}) appears in none of its quotes nor its note";
    }

    /// <summary>
    /// The date lint: each year a fact's bounds, attestations or estimate date name must appear in one of its quotes or
    /// its note, and for a date of month precision the month too (its English name, <c>2000-09</c>, or <c>12.11.2024</c>
    /// as a page's time stamp writes it). Facts of events (PARTICIPATED_IN, OCCURRED_IN) are left out: they take the event's date, which
    /// the event's own citations carry.
    /// </summary>
    public static IReadOnlyList<DateFinding> LintDates(ChangeSet facts)
    {
        var findings = new List<DateFinding>();
        foreach (var r in facts.Relationships)
        {
            if (r.Type is RelationshipType.ParticipatedIn or RelationshipType.OccurredIn) continue;
            var dates = new[] { r.Validity.Start.Earliest, r.Validity.Start.Latest, r.Validity.End.Earliest, r.Validity.End.Latest }
                .Concat(r.Attestations.Select(a => (PartialDate?)a.Date));
            var shown = $"{r.Validity}" + (r.Attestations.Count == 0 ? "" : ", attested " + string.Join(", ", r.Attestations.Select(a => a.Date)));
            findings.AddRange(Unstated(r.Id, dates, r.Citations, r.Note, shown));
        }
        foreach (var e in facts.StrengthEstimates)
            findings.AddRange(Unstated(e.Id, [e.AsOf], e.Citations, e.Note, $"asOf {e.AsOf}"));
        return findings;
    }

    private static IEnumerable<DateFinding> Unstated(string id, IEnumerable<PartialDate?> dates, IReadOnlyList<Citation> citations, string? note, string shown)
    {
        var text = string.Join("\n", citations.Select(c => c.Quote).Append(note ?? ""));
        var known = dates.OfType<PartialDate>().ToList();
        foreach (var year in known.Select(d => d.Year).Distinct())
        {
            if (!Regex.IsMatch(text, $"(?<![0-9]){year}(?![0-9])")) { yield return new DateFinding(id, $"{year}", shown); continue; }
            foreach (var month in known.Where(d => d.Year == year).Select(d => d.Month).OfType<int>().Distinct())
            {
                var name = System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
                if (!text.Contains(name, StringComparison.Ordinal) && !text.Contains($"{year}-{month:00}", StringComparison.Ordinal) &&
                    !Regex.IsMatch(text, $@"(?<![0-9])[0-9]{{1,2}}\.{month:00}\.{year}(?![0-9])"))
                    yield return new DateFinding(id, $"{year}-{month:00}", shown);
            }
        }
    }

    /// <summary>
    /// The allowlist: <c>fact-id date reason…</c> per line (a date as the lint reports it, 2009 or 2009-09) (<c>#</c> starts a comment). Returns the entries, and the
    /// lines that are malformed or give no reason.
    /// </summary>
    public static (IReadOnlyList<(string FactId, string Date, string Reason)> Entries, IReadOnlyList<string> Malformed) ReadAllowlist(string text)
    {
        var entries = new List<(string, string, string)>();
        var malformed = new List<string>();
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var match = AllowlistLine().Match(line);
            if (match.Success) entries.Add((match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value));
            else malformed.Add($"{AllowlistPath}:{number}: '{line}' is not 'fact-id date reason' (date: 2009 or 2009-09)");
        }
        return (entries, malformed);
    }

    [GeneratedRegex(@"^(\S+)\s+([0-9]{4}(?:-[0-9]{2})?)\s+(\S.*)$")]
    private static partial Regex AllowlistLine();
}
