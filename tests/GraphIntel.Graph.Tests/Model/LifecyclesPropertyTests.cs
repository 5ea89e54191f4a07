using CsCheck;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Tests.Model;

/// <summary>
/// Properties of <see cref="Lifecycles.Derive"/> on random small graphs (people, organizations that may dissolve,
/// killings and attacks, terms in several offices, memberships, mergers, contests, attestations): an end never widens
/// what a fact allows, deriving twice changes nothing, and a graph without contradictions whose facts already carry
/// their effective intervals is a fixed point (nothing left to bound).
/// </summary>
public sealed class LifecyclesPropertyTests
{
    private static readonly Entity[] People = [.. Enumerable.Range(0, 3).Select(i => LifecyclesTests.Person($"person/p{i}"))];
    private static readonly string[] Roles = ["leader", "emir", "president", "vice-president", "deputy", ""];

    private static readonly Gen<PartialDate> Date =
        Gen.Select(Gen.Int[2014, 2020], Gen.Int[0, 12], (y, m) => m == 0 ? new PartialDate(y) : new PartialDate(y, m));

    private static readonly Gen<PartialDate?> MaybeDate = Gen.Select(Gen.Bool, Date, (some, d) => some ? d : (PartialDate?)null);

    private static readonly Gen<DateBound> Bound = Gen.Select(Gen.Int[0, 4], Date, Date, (shape, a, b) =>
    {
        var (lo, hi) = a.CompareTo(b) <= 0 ? (a, b) : (b, a);
        return shape switch
        {
            0 => DateBound.Unknown,
            1 => DateBound.On(a),
            2 => DateBound.OnOrBefore(a),
            3 => DateBound.OnOrAfter(a),
            _ => new DateBound(lo, hi),
        };
    });

    private static readonly Gen<Validity> Interval = Gen.Select(Bound, Bound, (s, e) => new Validity(s, e)).Where(v => v.Problem() is null);

    private static readonly Gen<Entity[]> Orgs = Gen.Select(MaybeDate, MaybeDate, (d0, d1) => new[]
    {
        LifecyclesTests.Org("org/o0") with { Dissolved = d0 },
        LifecyclesTests.Org("org/o1") with { Dissolved = d1 },
    });

    private static readonly Gen<Entity[]> Events = Gen.Select(Gen.Int[0, 1], Bound, Gen.Int[0, 1], Bound, (k0, d0, k1, d1) => new[]
    {
        LifecyclesTests.Event("event/e0", k0 == 0 ? EventKind.Killing : EventKind.Attack, d0.ToString()),
        LifecyclesTests.Event("event/e1", k1 == 0 ? EventKind.Capture : EventKind.Meeting, d1.ToString()),
    });

    /// <summary>One fact between the fixed entities; its id is set by its position in the graph.</summary>
    private static readonly Gen<Relationship> OneFact = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 2], Gen.Int[0, 1], Interval,
        Gen.Int[0, Roles.Length - 1], Gen.Int[0, 3], MaybeDate, (kind, p, o, validity, role, status, attested) =>
    {
        var person = People[p].Id;
        var org = $"org/o{o}";
        var r = kind switch
        {
            < 5 => new Relationship("", RelationshipType.Leads, person, org, validity, ClaimStatus.Asserted, []) { Role = Roles[role] },
            < 7 => new Relationship("", RelationshipType.MemberOf, person, org, validity, ClaimStatus.Asserted, []),
            7 => new Relationship("", RelationshipType.MergedInto, org, $"org/o{1 - o}", validity, ClaimStatus.Asserted, []),
            _ => new Relationship("", RelationshipType.ParticipatedIn, person, $"event/e{kind - 8}", Validity.Unknown, ClaimStatus.Asserted, [])
            {
                Participation = new Participation(role % 2 == 0 ? ParticipantRole.Victim : ParticipantRole.Perpetrator),
            },
        };
        return r with
        {
            Status = status == 3 ? ClaimStatus.Disputed : ClaimStatus.Asserted,
            Attestations = attested is { } a && kind < 7 ? [new Attestation(a, "src")] : [],
        };
    });

    private static readonly Gen<(Entity[] Entities, Relationship[] Facts)> Graph =
        Gen.Select(Orgs, Events, OneFact.Array[0, 10], (orgs, events, facts) => (
            People.Concat(orgs).Concat(events).ToArray(),
            facts.Select((f, i) => f with { Id = $"r{i}" }).ToArray()));

    [Fact]
    public void An_end_never_widens_what_a_fact_allows() =>
        Graph.Sample(g =>
        {
            foreach (var r in Lifecycles.Derive(g.Entities, g.Facts))
            {
                var stated = TemporalProfile.Of(r.Validity, r.Attestations.Select(a => a.Date).ToArray());
                var effective = TemporalProfile.Of(r);
                if (effective.PossibleStart < stated.PossibleStart || effective.PossibleEnd > stated.PossibleEnd) return false;
                if (r.EffectiveValidity.Start.Earliest != r.Validity.Start.Earliest || r.EffectiveValidity.End.Earliest != r.Validity.End.Earliest) return false;
                if (r.EndedBy is { } end && r.Validity.End.LatestDay is { } said && end.Latest.End >= said) return false; // it tightens or is absent
            }
            return true;
        }, iter: 3_000);

    [Fact]
    public void Deriving_twice_changes_nothing() =>
        Graph.Sample(g =>
        {
            var once = Lifecycles.Derive(g.Entities, g.Facts);
            var twice = Lifecycles.Derive(g.Entities, once);
            return once.Zip(twice).All(p => p.First.EndedBy == p.Second.EndedBy);
        }, iter: 3_000);

    [Fact]
    public void A_graph_without_contradictions_stated_with_its_effective_intervals_is_a_fixed_point() =>
        Graph.Where(g => Lifecycles.Contradictions(g.Entities, g.Facts).Count == 0).Sample(g =>
        {
            var settled = Lifecycles.Derive(g.Entities, g.Facts).Select(r => r with { Validity = r.EffectiveValidity, EndedBy = null }).ToArray();
            return Lifecycles.Derive(g.Entities, settled).All(r => r.EndedBy is null);
        }, iter: 3_000);

    /// <summary>The properties above are not vacuous: the random graphs reach every kind of end, and contradictions.</summary>
    [Fact]
    public void The_random_graphs_reach_every_kind_of_end_and_contradictions()
    {
        var reasons = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        Graph.Sample(g =>
        {
            foreach (var r in Lifecycles.Derive(g.Entities, g.Facts))
                if (r.EndedBy is { } end) reasons.AddOrUpdate(end.Reason, 1, (_, n) => n + 1);
            if (Lifecycles.Contradictions(g.Entities, g.Facts).Count > 0) reasons.AddOrUpdate("contradiction", 1, (_, n) => n + 1);
        }, iter: 3_000);
        Assert.Equal(["captured", "contradiction", "dissolved", "killed", "merged", "succeeded"], reasons.Keys.Order(StringComparer.Ordinal));
    }
}
