using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Store.Patches;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// What a write prepares (<see cref="ChangeSetResolver.PrepareAsync"/>) against a real store holding the conformance
/// fixture, on each backend's own <see cref="IStoredRecords"/>: the stored facts whose lifecycle ends the write changes
/// are added to it whole, with the end the rules of <see cref="Lifecycles"/> give; facts it does not affect are not.
/// (Whether the backends keep the end is the conformance suite's question.)
/// </summary>
public abstract class LifecycleRederivationTests
{
    protected static readonly WriteContext Context = new("editor", "lifecycle", new DateTimeOffset(2025, 2, 3, 4, 5, 0, TimeSpan.Zero));

    private static string[] Sorted(params string[] ids) => ids.Order(StringComparer.Ordinal).ToArray();

    /// <summary><paramref name="set"/> prepared against a new store holding the fixture.</summary>
    protected abstract Task<ChangeSet> Prepared(ChangeSet set);

    private static Entity Killing(string date) => new("event/tabarov-killed", EntityKind.Event, "Killing of Amriddin Tabarov", [],
        [CiteAlpha("Amriddin Tabarov took over Jamaat Ansarullah in 2015.")])
    {
        Event = new EventDetails(EventKind.Killing, DateBound.Parse(date)),
    };

    private static Relationship Took(string who, string role = "VICTIM") => new($"rel/{who}-in-killing", RelationshipType.ParticipatedIn, who,
        "event/tabarov-killed", Validity.Unknown, ClaimStatus.Asserted, [CiteAlpha("Amriddin Tabarov took over Jamaat Ansarullah in 2015.")])
    {
        Participation = new Participation(Enum.Parse<ParticipantRole>(role, ignoreCase: true)),
    };

    [StoreFact]
    public async Task A_killing_adds_its_victims_stored_open_term_with_the_end_and_nothing_else()
    {
        var prepared = await Prepared(new ChangeSet { Entities = [Killing("2016-11")], Relationships = [Took(Tabarov)] });

        // Tabarov's stored term (2015/..) is the only open fact of his: it gains the killing as its end.
        var term = Assert.Single(prepared.Relationships, r => r.Id == TabarovLeadsJa);
        Assert.Equal(new LifecycleEnd(PartialDate.Parse("2016-11"), "event/tabarov-killed", "killed"), term.EndedBy);
        Assert.Equal("2015/[..2016-11]", term.EffectiveValidity.ToString());
        Assert.Equal([Took(Tabarov).Id, TabarovLeadsJa], prepared.Relationships.Select(r => r.Id));
    }

    [StoreFact]
    public async Task A_perpetrator_of_a_killing_or_an_unrelated_fact_adds_nothing()
    {
        var perpetrator = await Prepared(new ChangeSet { Entities = [Killing("2016-11")], Relationships = [Took(Arsalan, "PERPETRATOR")] });
        Assert.Equal([Took(Arsalan).Id], perpetrator.Relationships.Select(r => r.Id));
    }

    [StoreFact]
    public async Task A_dissolution_adds_every_stored_fact_of_the_organization_with_its_date_as_the_end()
    {
        var prepared = await Prepared(new ChangeSet
        {
            EntityPatches = [new EntityPatch(IsisK, EntityKind.Organization) { Dissolved = PartialDate.Parse("2023") }],
        });
        // Every fixture fact of ISIS-K's has no stated end: all five are bounded, with ISIS-K itself as the end.
        Assert.Equal(
            Sorted(IsisKAffiliateOfIs, IsisKInBadakhshan, IsisKRivalOfTaliban, KibUnderIsisK, SharifovMemberOfIsisK),
            prepared.Relationships.Select(r => r.Id).ToArray());
        Assert.All(prepared.Relationships, r => Assert.Equal(new LifecycleEnd(PartialDate.Parse("2023"), IsisK, "dissolved"), r.EndedBy));
    }

    [StoreFact]
    public async Task A_successors_term_adds_the_predecessors_stored_term_with_its_start_as_the_end()
    {
        // Arsalan's emir term (2010/2014-06) is closed already; a leader of JA from 2012 would be a successor after its
        // start, and tightens it no further. A term of ISIS-K from 2019-03 succeeds a stored open leader of it.
        var prepared = await Prepared(new ChangeSet
        {
            Relationships =
            [
                new("rel/sharifov-leads-isis-k", RelationshipType.Leads, Sharifov, IsisK, Validity.Parse("2016/.."), ClaimStatus.Asserted,
                    [CiteBeta("was a spokesman of ISIS-K")]) { Role = "leader" },
                new("rel/tabarov-leads-isis-k", RelationshipType.Leads, Tabarov, IsisK, Validity.Parse("2019-03/.."), ClaimStatus.Asserted,
                    [CiteAlpha("Amriddin Tabarov took over Jamaat Ansarullah in 2015.")]) { Role = "emir" },
                new("rel/sharifov-leads-ja", RelationshipType.Leads, Sharifov, Ja, Validity.Parse("2012/.."), ClaimStatus.Asserted,
                    [CiteBeta("was a spokesman of ISIS-K")]) { Role = "leader" },
            ],
        });
        var byId = prepared.Relationships.ToDictionary(r => r.Id);
        Assert.Equal(new LifecycleEnd(PartialDate.Parse("2019-03"), "rel/tabarov-leads-isis-k", "succeeded"), byId["rel/sharifov-leads-isis-k"].EndedBy);
        Assert.Null(byId["rel/tabarov-leads-isis-k"].EndedBy);
        Assert.Null(byId["rel/sharifov-leads-ja"].EndedBy); // Tabarov's JA term has no role: not the same office
        Assert.DoesNotContain(ArsalanLeadsJa, byId.Keys);   // its stated end, 2014-06, is earlier than any successor's start
    }
}
