using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// KNOWN / POSSIBLE / EXCLUDED on every read path of every backend. A hub organization has one SPLIT_FROM leaf and one
/// LEADS person per shape of interval (year, month and day bounds, open and half-open sides, attestations); on each asOf
/// date, at each certainty, relationships by filter, leaders, lineage, neighbourhood and paths must return exactly the
/// facts the brute-force enumeration of <see cref="TemporalOracle.Enumerated"/> admits — the expected values never
/// come from the store code or from <see cref="TemporalProfile"/>. Organizations of their own, founded and dissolved in as many shapes, check activeAt the same way.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    private const string TimeHub = "org/time-hub";

    /// <summary>The shapes: an EDTF interval and the dates sources attest it on (all inside the oracle's 2019–2020 world).</summary>
    private static readonly (string Interval, string[] Attested)[] TimeCases =
    [
        ("2019/2020", []),
        ("2019-06/2020-06", []),
        ("2019-06-15/2020-06-30", []),
        ("../..", []),
        ("2019/..", []),
        ("../2019", []),
        ("2019/[..2020-06]", []),
        ("2019/[2020-06..]", []),
        ("[..2019-03]/2020", []),
        ("[2019-03..2019-05]/2020", []),
        ("../..", ["2019-05"]),
        ("2019-01/..", ["2020-06"]),
        ("../[2020-12..]", ["2019-06"]),
        ("../[..2020-12]", ["2019-06-10"]),
        ("../..", ["2019-03", "2020-09"]),
    ];

    /// <summary>Existence shapes of the leaves (founded, dissolved), cycled over the cases.</summary>
    private static readonly (string? Founded, string? Dissolved)[] ExistenceCases =
        [(null, null), ("2019", null), (null, "2020-06"), ("2019-03-15", "2020-06-30"), ("2019-06", "2020")];

    /// <summary>Year, month and day dates at and around every bound of the cases: first and last days included.</summary>
    private static readonly string[] TimeAsOfDates =
    [
        "2018-12-31", "2019", "2019-01-01", "2019-02", "2019-03-14", "2019-03-15", "2019-05", "2019-06-14", "2019-06-15", "2019-12",
        "2019-12-31", "2020-01-01", "2020-03", "2020-06", "2020-06-30", "2020-07-01", "2020", "2020-12-31", "2021-01",
    ];

    private static string TimeLeaf(int i) => $"org/time-leaf-{i:D2}";
    private static string TimeOrg(int i) => $"org/time-org-{i:D2}";
    private static string TimeLeader(int i) => $"person/time-leader-{i:D2}";
    private static string TimeSplit(int i) => $"rel/time-split-{i:D2}";
    private static string TimeLeads(int i) => $"rel/time-leads-{i:D2}";

    private static Validity CaseValidity(int i) => Validity.Parse(TimeCases[i].Interval);
    private static PartialDate[] CaseAttested(int i) => TimeCases[i].Attested.Select(PartialDate.Parse).ToArray();

    private static ChangeSet TimeGraph()
    {
        var cite = CiteAlpha("The Islamic State declared its Khorasan province in January 2015.");
        var entities = new List<Entity> { new(TimeHub, EntityKind.Organization, "Time Hub", [], [cite]) { OrganizationKind = OrganizationKind.ArmedGroup } };
        var relationships = new List<Relationship>();
        for (var i = 0; i < TimeCases.Length; i++)
        {
            var (founded, dissolved) = ExistenceCases[i % ExistenceCases.Length];
            entities.Add(new Entity(TimeLeaf(i), EntityKind.Organization, $"Time Leaf {Letters(i)}", [], [cite]) { OrganizationKind = OrganizationKind.ArmedGroup });
            // Existence lives on organizations of their own: a leaf's dissolution would end its SPLIT_FROM (Lifecycles).
            entities.Add(new Entity(TimeOrg(i), EntityKind.Organization, $"Time Org {Letters(i)}", [], [cite])
            {
                OrganizationKind = OrganizationKind.ArmedGroup,
                Founded = founded is null ? null : PartialDate.Parse(founded),
                Dissolved = dissolved is null ? null : PartialDate.Parse(dissolved),
            });
            entities.Add(new Entity(TimeLeader(i), EntityKind.Person, $"Time Leader {Letters(i)}", [], [cite]));
            var attested = CaseAttested(i).Select(d => new Attestation(d, Alpha)).ToArray();
            relationships.Add(new Relationship(TimeSplit(i), RelationshipType.SplitFrom, TimeLeaf(i), TimeHub, CaseValidity(i), ClaimStatus.Asserted, [cite]) { Attestations = attested });
            relationships.Add(new Relationship(TimeLeads(i), RelationshipType.Leads, TimeLeader(i), TimeHub, CaseValidity(i), ClaimStatus.Asserted, [cite]) { Attestations = attested });
        }
        return new ChangeSet { Entities = entities, Relationships = relationships };

        // Names without digits, distinct for the name-clash check: "Ab", "Ac", ...
        static string Letters(int i) => $"{(char)('A' + i / 26)}{(char)('a' + i % 26)}";
    }

    /// <summary>Which cases the oracle admits on <paramref name="asOf"/> at <paramref name="certainty"/>.</summary>
    private static HashSet<int> Admitted(PartialDate asOf, TemporalCertainty certainty) =>
        Enumerable.Range(0, TimeCases.Length)
            .Where(i => TemporalProfile.Admits(certainty, TemporalOracle.Enumerated(CaseValidity(i), CaseAttested(i), asOf)
                ?? throw new InvalidOperationException($"case {TimeCases[i]} has no world")))
            .ToHashSet();

    [StoreFact]
    public async Task Every_read_path_returns_exactly_the_facts_the_enumeration_admits_on_every_date()
    {
        await Store.ApplyAsync(TimeGraph(), Editor("time cases"));
        var failures = new List<string>();
        foreach (var text in TimeAsOfDates)
        {
            var asOf = Date(text);
            foreach (var certainty in Enum.GetValues<TemporalCertainty>())
            {
                var admitted = Admitted(asOf, certainty);
                var filter = new RelationshipFilter { AsOf = asOf, Certainty = certainty };
                void Check(string path, IEnumerable<string> expected, IEnumerable<string> actual)
                {
                    var (e, a) = (expected.Order(StringComparer.Ordinal).ToArray(), actual.Order(StringComparer.Ordinal).ToArray());
                    if (!e.SequenceEqual(a))
                        failures.Add($"{path} asOf {text} {certainty}: expected [{string.Join(", ", e)}], got [{string.Join(", ", a)}]");
                }

                var splits = await RelationshipsOf(TimeHub, filter with { Types = [RelationshipType.SplitFrom] });
                Check("relationships", admitted.Select(TimeSplit), splits.Select(r => r.Id));
                var leaders = await RelationshipsOf(TimeHub, filter with { Types = [RelationshipType.Leads], Direction = Direction.Incoming });
                Check("leaders", admitted.Select(TimeLeads), leaders.Select(r => r.Id));
                var lineage = await Store.GetLineageAsync(TimeHub, LineageDirection.Descendants, filter, 1);
                Check("lineage", admitted.Select(TimeLeaf).Append(TimeHub), lineage.Nodes.Select(n => n.Id));
                var neighbourhood = await Store.GetNeighborhoodAsync(TimeHub, 1, filter with { Types = [RelationshipType.SplitFrom] });
                Check("neighbourhood", admitted.Select(TimeSplit), neighbourhood.Relationships.Select(r => r.Id));
                for (var i = 0; i < TimeCases.Length; i++)
                {
                    var paths = await Store.FindPathsAsync(TimeLeaf(i), TimeLeader(i), filter, 2, 1);
                    Check($"paths of case {TimeCases[i].Interval}", admitted.Contains(i) ? [TimeSplit(i), TimeLeads(i)] : [],
                        paths.SelectMany(p => p.Relationships).Select(r => r.Id));
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [StoreFact]
    public async Task ActiveAt_returns_exactly_the_entities_the_enumeration_admits_on_every_date()
    {
        await Store.ApplyAsync(TimeGraph(), Editor("time cases"));
        var failures = new List<string>();
        foreach (var text in TimeAsOfDates)
        {
            foreach (var certainty in Enum.GetValues<TemporalCertainty>())
            {
                var asOf = Date(text);
                var expected = Enumerable.Range(0, TimeCases.Length).Where(i =>
                {
                    var (founded, dissolved) = ExistenceCases[i % ExistenceCases.Length];
                    var existence = Validity.Between(founded is null ? null : PartialDate.Parse(founded), dissolved is null ? null : PartialDate.Parse(dissolved));
                    return TemporalProfile.Admits(certainty, TemporalOracle.Enumerated(existence, [], asOf)!.Value);
                }).Select(TimeOrg).ToArray();
                var page = await Store.ListEntitiesAsync(new EntityQuery { NameContains = "time org", ActiveAt = asOf, Certainty = certainty, First = 100 });
                var actual = Ids(page.Items);
                if (!expected.Order(StringComparer.Ordinal).SequenceEqual(actual) || page.TotalCount != expected.Length)
                    failures.Add($"activeAt {text} {certainty}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}] (total {page.TotalCount})");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [StoreFact]
    public async Task Attestations_and_the_lifecycle_end_are_stored_and_read_back()
    {
        // The end is derived, never written: Tabarov's killing in July 2016, written with the term, gives it.
        var ended = new LifecycleEnd(PartialDate.Parse("2016-07"), Killing, "killed");
        var attested = new Attestation(PartialDate.Parse("2015-06"), Alpha);
        var tabarov = Relationships.Single(r => r.Id == TabarovLeadsJa) with { Attestations = [attested] };
        var write = new ChangeSet { Entities = [KillingOn("2016-07")], Relationships = [tabarov, VictimOfKilling] };
        await Store.ApplyAsync(write, Editor("ended"));

        var stored = (await Store.GetRelationshipsByIdAsync([TabarovLeadsJa]))[TabarovLeadsJa];
        Assert.Equal([attested], stored.Attestations);
        Assert.Equal(ended, stored.EndedBy);
        Assert.Equal(RecordJson.Serialize(tabarov with { EndedBy = ended }), RecordJson.Serialize(stored));
        // The lifecycle end bounds the open term: after July 2016 it is EXCLUDED, even for a POSSIBLE read.
        var possible = TemporalCertainty.Possible;
        Assert.DoesNotContain(await RelationshipsOf(Ja, new RelationshipFilter { AsOf = Date("2016-08"), Certainty = possible }), r => r.Id == TabarovLeadsJa);
        Assert.Contains(await RelationshipsOf(Ja, new RelationshipFilter { AsOf = Date("2016-07"), Certainty = possible }), r => r.Id == TabarovLeadsJa);
        Assert.DoesNotContain((await Store.GetNeighborhoodAsync(Tabarov, 1, new RelationshipFilter { AsOf = Date("2017"), Certainty = possible })).Relationships,
            r => r.Id == TabarovLeadsJa);
        // The attestation makes June 2015 KNOWN, where the bare start (2015) left it POSSIBLE.
        Assert.Contains(await RelationshipsOf(Ja, new RelationshipFilter { AsOf = Date("2015-06") }), r => r.Id == TabarovLeadsJa);
        // Writing the same record again changes nothing.
        var again = await Store.ApplyAsync(write, Editor("again"));
        Assert.False(again.ChangedAnything);
    }
}
