using GraphIntel.Graph.Dataset;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Dataset.Tests;

/// <summary>
/// The reviewed digest of every curated fact: any change to a fact's type, ends, bounds, attestations, status or role
/// fails here with a unified diff, until the digest is regenerated (<see cref="CuratedFacts.UpdateVariable"/>=1) and
/// committed with the data — so the diff is what a reviewer approves.
/// </summary>
public sealed class CuratedDigestTests
{
    [Fact]
    public void Every_curated_fact_matches_the_reviewed_digest()
    {
        var read = DatasetReader.Read(DatasetLocator.Locate());
        Assert.True(read.IsValid, "the data set has problems: run `seed validate`");
        var actual = CuratedFacts.Digest(read.ChangeSet);
        var path = RepoPaths.In(CuratedFacts.DigestPath);
        if (Environment.GetEnvironmentVariable(CuratedFacts.UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        var expected = File.Exists(path) ? File.ReadAllText(path) : "";
        var diff = LineDiff.Unified(expected, actual, CuratedFacts.DigestPath + " (reviewed)", "seed/data (now)");
        Assert.True(diff.Length == 0,
            $"the curated facts differ from the reviewed digest; if the change is meant, regenerate with " +
            $"{CuratedFacts.UpdateVariable}=1 and commit the digest with the data:\n{diff}");
    }
}

/// <summary>The date lint: a fact's years must be in its quotes or note (exceptions in the allowlist, each with a reason).</summary>
public sealed class DatasetDateLintTests
{
    [Fact]
    public void Every_year_and_month_a_curated_fact_names_is_in_its_quotes_or_note_or_allowlisted_with_a_reason()
    {
        var read = DatasetReader.Read(DatasetLocator.Locate());
        var findings = CuratedFacts.LintDates(read.ChangeSet);
        var (entries, malformed) = CuratedFacts.ReadAllowlist(File.ReadAllText(RepoPaths.In(CuratedFacts.AllowlistPath)));
        Assert.Empty(malformed);
        var allowed = entries.Select(e => (e.FactId, e.Date)).ToHashSet();
        var unexplained = findings.Where(f => !allowed.Contains((f.FactId, f.Date))).Select(f => f.ToString()).ToList();
        Assert.True(unexplained.Count == 0,
            $"{unexplained.Count} dates appear in no quote or note of their fact (fix the date, quote the passage that gives it, " +
            $"say where it comes from in the note, or allowlist it with a reason in {CuratedFacts.AllowlistPath}):\n" + string.Join("\n", unexplained));
        var found = findings.Select(f => (f.FactId, f.Date)).ToHashSet();
        var stale = entries.Where(e => !found.Contains((e.FactId, e.Date))).Select(e => $"{e.FactId} {e.Date}").ToList();
        Assert.True(stale.Count == 0, $"allowlist entries that no longer match a finding (remove them):\n" + string.Join("\n", stale));
    }

    private const string Designation = "The US State Department in September 2000 designated the IMU a Foreign Terrorist Organization.";

    /// <summary>The regression the issue names: a date changed from 2000-09 to 2009-09 against its own quote passed every test.</summary>
    [Theory]
    [InlineData("2000-09", new string[0])]
    [InlineData("2009-09", new[] { "2009" })]
    [InlineData("2000-10", new[] { "2000-10" })]
    [InlineData("[2000-09..2009]", new[] { "2009" })]
    [InlineData("2000", new string[0])]
    public void A_date_changed_against_its_own_quote_is_caught(string validFrom, string[] unstated)
    {
        using var dataset = new TempDataset()
            .Write("seed/sources/designation.txt", Designation + "\n")
            .Write("seed/sources/sources.yaml", TempDataset.SourcesYaml + "\n- id: source/designation\n  file: designation.txt\n  title: Designations\n")
            .Write("seed/data/entities/designation.yaml", $$"""
                organizations:
                  - id: org/us-state-department
                    name: US State Department
                    organizationKind: GOVERNMENT_AGENCY
                    citations: [{source: source/designation, quote: "{{Designation}}"}]
                  - id: org/imu
                    name: Islamic Movement of Uzbekistan
                    organizationKind: ARMED_GROUP
                    aliases: [IMU]
                    citations: [{source: source/designation, quote: "{{Designation}}"}]
                """)
            .Write("seed/data/facts/designation.yaml", $$"""
                relationships:
                  - type: DESIGNATED
                    from: org/us-state-department
                    to: org/imu
                    validFrom: "{{validFrom}}"
                    citations:
                      - source: source/designation
                        quote: "{{Designation}}"
                """);
        var read = dataset.Read();
        Assert.Empty(read.Problems);
        var years = CuratedFacts.LintDates(read.ChangeSet).Where(f => f.FactId.StartsWith("rel/DESIGNATED/", StringComparison.Ordinal)).Select(f => f.Date);
        Assert.Equal(unstated, years);
    }

    [Fact]
    public void A_year_said_only_in_the_note_passes_and_a_year_inside_a_longer_number_does_not()
    {
        var quote = new Citation("source/doc", "the group counted 20090 fighters");
        var fact = new Relationship("rel/x", RelationshipType.RivalOf, "org/a", "org/b",
            new Validity(DateBound.Parse("2009"), DateBound.Unknown), ClaimStatus.Asserted, [quote]);
        Assert.Equal(["2009"], CuratedFacts.LintDates(new ChangeSet { Relationships = [fact] }).Select(f => f.Date));
        Assert.Empty(CuratedFacts.LintDates(new ChangeSet { Relationships = [fact with { Note = "Began in 2009 (the source's preceding sentence)." }] }));
    }

    [Fact]
    public void The_allowlist_needs_a_reason_on_every_line()
    {
        var (entries, malformed) = CuratedFacts.ReadAllowlist("# comment\nrel/a 2009 the year is in the source's heading\nrel/c 2009-09 the month too\nrel/b 2010\n");
        Assert.Equal([("rel/a", "2009", "the year is in the source's heading"), ("rel/c", "2009-09", "the month too")], entries);
        Assert.Single(malformed);
        Assert.Contains("rel/b 2010", malformed[0]);
    }
}
