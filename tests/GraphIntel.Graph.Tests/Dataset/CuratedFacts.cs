using System.Text;
using System.Text.RegularExpressions;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Tests.Dataset;

/// <summary>
/// The two guards of the curated facts: a one-line-per-fact digest that a reviewer reads as a diff, and the date lint
/// (every year a fact's bounds or attestations name appears in one of its quotes or its note).
/// </summary>
public static partial class CuratedFacts
{
    public const string DigestPath = "tests/GraphIntel.Graph.Tests/Dataset/curated-facts.digest.txt";
    public const string AllowlistPath = "tests/GraphIntel.Graph.Tests/Dataset/date-lint-allowlist.txt";
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

    /// <summary>A year that a fact's dates name but none of its quotes nor its note does.</summary>
    public sealed record DateFinding(string FactId, int Year, string Dates)
    {
        public override string ToString() => $"{FactId}: {Year} (of {Dates}) appears in none of its quotes nor its note";
    }

    /// <summary>
    /// The date lint. Facts of events (PARTICIPATED_IN, OCCURRED_IN) are left out: they take the event's date, which
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
        foreach (var year in dates.OfType<PartialDate>().Select(d => d.Year).Distinct())
        {
            if (!Regex.IsMatch(text, $"(?<![0-9]){year}(?![0-9])")) yield return new DateFinding(id, year, shown);
        }
    }

    /// <summary>
    /// The allowlist: <c>fact-id year reason…</c> per line (<c>#</c> starts a comment). Returns the entries, and the
    /// lines that are malformed or give no reason.
    /// </summary>
    public static (IReadOnlyList<(string FactId, int Year, string Reason)> Entries, IReadOnlyList<string> Malformed) ReadAllowlist(string text)
    {
        var entries = new List<(string, int, string)>();
        var malformed = new List<string>();
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var match = AllowlistLine().Match(line);
            if (match.Success) entries.Add((match.Groups[1].Value, int.Parse(match.Groups[2].Value), match.Groups[3].Value));
            else malformed.Add($"{AllowlistPath}:{number}: '{line}' is not 'fact-id year reason'");
        }
        return (entries, malformed);
    }

    [GeneratedRegex(@"^(\S+)\s+([0-9]{4})\s+(\S.*)$")]
    private static partial Regex AllowlistLine();
}
