using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Store.Patches;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// Every write re-derives the lifecycle ends of the facts it affects (<see cref="LifecycleRederivation"/>): a killing
/// written ends its victim's stored term, retracting it lifts the end, a successor's term ends the predecessor's until
/// it is marked DISPUTED, a dissolution ends the organization's facts. Expected ends are worked out from the fixture by
/// the rules of <see cref="Lifecycles"/>.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    private const string Killing = "event/tabarov-killed";
    private const string TabarovKilled = "rel/tabarov-victim-of-killing";

    private static Entity KillingEvent => KillingOn("2016-11");

    /// <summary>The killing of Tabarov (the victim: <see cref="VictimOfKilling"/>) on <paramref name="date"/>.</summary>
    private static Entity KillingOn(string date) => new(Killing, EntityKind.Event, "Killing of Amriddin Tabarov", [],
        [CiteAlpha("Amriddin Tabarov took over Jamaat Ansarullah in 2015.")])
    {
        Event = new EventDetails(EventKind.Killing, DateBound.Parse(date)),
    };

    private static Relationship VictimOfKilling => new(TabarovKilled, RelationshipType.ParticipatedIn, Tabarov, Killing, Validity.Unknown,
        ClaimStatus.Asserted, [CiteAlpha("Amriddin Tabarov took over Jamaat Ansarullah in 2015.")])
    {
        Participation = new Participation(ParticipantRole.Victim),
    };

    private async Task<LifecycleEnd?> EndOf(string id) => (await Store.GetRelationshipsByIdAsync([id]))[id].EndedBy;

    [StoreFact]
    public async Task A_killing_written_ends_its_victims_stored_term_and_retracting_it_lifts_the_end()
    {
        await Store.ApplyAsync(new ChangeSet { Entities = [KillingEvent], Relationships = [VictimOfKilling] }, Editor("killing"));
        Assert.Equal(new LifecycleEnd(Date("2016-11"), Killing, "killed"), await EndOf(TabarovLeadsJa));
        Assert.Null(await EndOf(TabarovKilled)); // a participation keeps its event's own date

        await Store.ApplyAsync(new ChangeSet { Retractions = [TabarovKilled] }, Editor("not killed after all", 11));
        Assert.Null(await EndOf(TabarovLeadsJa));
    }

    [StoreFact]
    public async Task A_successors_term_ends_the_predecessors_until_it_is_marked_disputed()
    {
        const string predecessor = "rel/sharifov-leads-isis-k", successor = "rel/arsalan-leads-isis-k";
        await Store.ApplyAsync(new ChangeSet
        {
            Relationships = [new(predecessor, RelationshipType.Leads, Sharifov, IsisK, Validity.Parse("2016/.."), ClaimStatus.Asserted,
                [CiteBeta("was a spokesman of ISIS-K")]) { Role = "leader" }],
        }, Editor("predecessor"));
        Assert.Null(await EndOf(predecessor));

        await Store.ApplyAsync(new ChangeSet
        {
            Relationships = [new(successor, RelationshipType.Leads, Arsalan, IsisK, Validity.Parse("2019-03/.."), ClaimStatus.Asserted,
                [CiteAlpha("Mahdi Arsalan led Jamaat Ansarullah")]) { Role = "emir" }],
        }, Editor("successor", 11));
        Assert.Equal(new LifecycleEnd(Date("2019-03"), successor, "succeeded"), await EndOf(predecessor));

        await Store.ApplyAsync(new ChangeSet
        {
            RelationshipPatches = [new RelationshipPatch(successor, RelationshipType.Leads, Arsalan, IsisK, Validity.Parse("2019-03/.."))
                { Status = ClaimStatus.Disputed }],
        }, Editor("a contest", 12));
        Assert.Null(await EndOf(predecessor));
    }

    [StoreFact]
    public async Task A_dissolution_written_ends_the_organizations_open_facts()
    {
        await Store.ApplyAsync(new ChangeSet
        {
            EntityPatches = [new EntityPatch(IsisK, EntityKind.Organization) { Dissolved = Date("2023") }],
        }, Editor("dissolved"));
        var dissolved = new LifecycleEnd(Date("2023"), IsisK, "dissolved");
        Assert.Equal(dissolved, await EndOf(SharifovMemberOfIsisK));
        Assert.Equal(dissolved, await EndOf(IsisKAffiliateOfIs));
        Assert.Equal(dissolved, await EndOf(IsisKRivalOfTaliban));
        Assert.Null(await EndOf(JaInBadakhshan)); // not a fact of ISIS-K's
    }
}
