using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// Events on every backend: an EVENT entity keeps its kind, date and casualty figures (each with its citations), a
/// PARTICIPATED_IN fact its role and attribution, through write, read, audit, export and re-apply.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    private const string ArsalanKilled = "event/killing-of-mahdi-arsalan";

    private static readonly Citation KilledQuote = CiteAlpha("Mahdi Arsalan led Jamaat Ansarullah from 2010 until he was killed in June 2014.");

    private static Entity KillingOfArsalan(params Casualty[] casualties) =>
        new(ArsalanKilled, EntityKind.Event, "Killing of Mahdi Arsalan", [], [KilledQuote])
        {
            Description = "The leader of Jamaat Ansarullah is killed.",
            Event = new EventDetails(EventKind.Killing, DateBound.On(Date("2014-06"))) { Casualties = casualties },
        };

    private static readonly Casualty OneKilled =
        new(CasualtyKind.Killed, 1, 1, ClaimStatus.Asserted, [KilledQuote]) { Of = "the leader of Jamaat Ansarullah" };

    private static Relationship Took(string participant, Participation participation, ClaimStatus status, Citation citation) =>
        new(FactIdentity.Relationship(RelationshipType.ParticipatedIn, participant, ArsalanKilled, new Validity(DateBound.On(Date("2014-06")), DateBound.On(Date("2014-06")))),
            RelationshipType.ParticipatedIn, participant, ArsalanKilled, new Validity(DateBound.On(Date("2014-06")), DateBound.On(Date("2014-06"))), status, [citation])
        {
            Participation = participation,
        };

    private static readonly Relationship ArsalanVictim = Took(Arsalan, new Participation(ParticipantRole.Victim), ClaimStatus.Asserted, KilledQuote);

    private static readonly Relationship TalibanPerpetrator = Took(Taliban, new Participation(ParticipantRole.Perpetrator, Attribution.Attributed),
        ClaimStatus.Disputed, CiteBeta("The Taliban movement dominates Afghanistan."));

    private static readonly Relationship KillingInBadakhshan =
        new("rel/arsalan-killed-in-badakhshan", RelationshipType.OccurredIn, ArsalanKilled, Badakhshan, new Validity(DateBound.On(Date("2014-06")), DateBound.On(Date("2014-06"))),
            ClaimStatus.Asserted, [CiteAlpha("Badakhshan is a province in the north-east of Afghanistan.")]);

    private static ChangeSet EventChanges(Entity killing) =>
        new() { Entities = [killing], Relationships = [ArsalanVictim, TalibanPerpetrator, KillingInBadakhshan] };

    [StoreFact]
    public async Task An_event_with_casualties_and_participations_round_trips()
    {
        var killing = KillingOfArsalan(OneKilled, new Casualty(CasualtyKind.Wounded, null, 3, ClaimStatus.Disputed, [CiteBeta("Mahdi Arsalan remained leader of Jamaat Ansarullah until 2015.")]));
        var summary = await Store.ApplyAsync(EventChanges(killing), Editor("event"));
        Assert.Equal(new WriteCounts(1, 0, 0), summary[RecordKinds.Entity]);
        Assert.Equal(new WriteCounts(3, 0, 0), summary[RecordKinds.Relationship]);

        var stored = (await Store.GetEntitiesAsync([ArsalanKilled]))[ArsalanKilled];
        Assert.Equal(RecordJson.Serialize(killing), RecordJson.Serialize(stored));
        Assert.Equal((EventKind.Killing, "2014-06"), (stored.Event!.Kind, stored.Event.Date.ToString()));
        Assert.Equal([(CasualtyKind.Killed, 1, 1), (CasualtyKind.Wounded, null, 3)], stored.Event.Casualties.Select(c => (c.Kind, c.Min, c.Max)));

        var facts = (await RelationshipsOf(ArsalanKilled, RelationshipFilter.Default)).ToDictionary(r => r.Id);
        Assert.Equal(Sorted(ArsalanVictim.Id, TalibanPerpetrator.Id, KillingInBadakhshan.Id), Ids(facts.Values));
        Assert.Equal(new Participation(ParticipantRole.Victim), facts[ArsalanVictim.Id].Participation);
        Assert.Equal(new Participation(ParticipantRole.Perpetrator, Attribution.Attributed), facts[TalibanPerpetrator.Id].Participation);
        Assert.Null(facts[KillingInBadakhshan.Id].Participation);
        foreach (var expected in new[] { ArsalanVictim, TalibanPerpetrator, KillingInBadakhshan })
            Assert.Equal(RecordJson.Serialize(expected), RecordJson.Serialize(facts[expected.Id]));
        var byId = await Store.GetRelationshipsByIdAsync([TalibanPerpetrator.Id]);
        Assert.Equal(RecordJson.Serialize(TalibanPerpetrator), RecordJson.Serialize(byId[TalibanPerpetrator.Id]));

        var entry = (await Store.GetAuditAsync(new AuditQuery { TargetId = ArsalanKilled }))[0];
        Assert.Equal(RecordJson.Serialize(killing), entry.After);
        Assert.Equal(killing.Event!.Casualties.Count, RecordJson.Deserialize<Entity>(entry.After!).Event!.Casualties.Count);

        var again = await Store.ApplyAsync(EventChanges(killing), Editor("again"));
        Assert.False(again.ChangedAnything);

        var exported = await Store.ExportAsync();
        Assert.Equal(RecordJson.Serialize(killing), RecordJson.Serialize(exported.Entities.Single(e => e.Id == ArsalanKilled)));
        Assert.Equal(RecordJson.Serialize(TalibanPerpetrator), RecordJson.Serialize(exported.Relationships.Single(r => r.Id == TalibanPerpetrator.Id)));
    }

    [StoreFact]
    public async Task An_event_update_replaces_its_casualties_and_a_participation_its_role()
    {
        await Store.ApplyAsync(EventChanges(KillingOfArsalan(OneKilled)), Editor("event"));
        var undated = KillingOfArsalan() with { Event = new EventDetails(EventKind.Death, DateBound.Unknown) };
        var claimed = TalibanPerpetrator with { Participation = new Participation(ParticipantRole.Perpetrator, Attribution.Denied) };

        var summary = await Store.ApplyAsync(new ChangeSet { Entities = [undated], Relationships = [claimed] }, Editor("correction", 11));

        Assert.Equal(new WriteCounts(0, 1, 0), summary[RecordKinds.Entity]);
        Assert.Equal(new WriteCounts(0, 1, 0), summary[RecordKinds.Relationship]);
        var stored = (await Store.GetEntitiesAsync([ArsalanKilled]))[ArsalanKilled];
        Assert.Equal((EventKind.Death, true, 0), (stored.Event!.Kind, stored.Event.Date.IsUnknown, stored.Event.Casualties.Count));
        Assert.Equal(Attribution.Denied, (await Store.GetRelationshipsByIdAsync([claimed.Id]))[claimed.Id].Participation!.Attribution);
    }

    [StoreFact]
    public async Task An_event_without_details_and_an_attribution_on_a_victim_are_refused_and_nothing_is_written()
    {
        var before = await SnapshotJson();
        var bare = KillingOfArsalan() with { Event = null };
        var attributedVictim = ArsalanVictim with { Participation = new Participation(ParticipantRole.Victim, Attribution.Claimed) };

        var error = await Assert.ThrowsAsync<GraphValidationException>(() =>
            Store.ApplyAsync(new ChangeSet { Entities = [bare], Relationships = [attributedVictim] }, Editor("bad")));

        Assert.Contains(error.Problems, p => p.RecordId == ArsalanKilled && p.Message.Contains("needs its details", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.RecordId == attributedVictim.Id && p.Message.Contains("attribution is for perpetrators", StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotJson());
    }
}
