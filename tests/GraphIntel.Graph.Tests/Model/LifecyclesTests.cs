using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Tests.Model;

/// <summary>
/// Lifecycle ends on small graphs whose expected ends are worked out by hand from the rules in
/// <see cref="Lifecycles"/>: deaths and captures, dissolutions and mergers, the single-holder rule and its contests.
/// </summary>
public sealed class LifecyclesTests
{
    private static readonly Entity Khan = Person("person/khan");
    private static readonly Entity Hasib = Person("person/hasib");
    private static readonly Entity Sayed = Person("person/sayed");
    private static readonly Entity Group = Org("org/group");

    [Fact]
    public void A_killing_ends_every_open_fact_of_its_victim_no_later_than_the_event()
    {
        var killing = Event("event/strike", EventKind.Killing, "2016-07");
        var term = Leads("r/term", Khan, Group, "2015-01/..", "leader");
        var member = Fact("r/member", RelationshipType.MemberOf, Khan, Group, "2010/[..2019]");
        var result = Derive([Khan, Group, killing], term, member, Took(Khan, killing, ParticipantRole.Victim));

        Assert.Equal(new LifecycleEnd(PartialDate.Parse("2016-07"), "event/strike", "killed"), result["r/term"].EndedBy);
        Assert.Equal("2015-01/[..2016-07]", result["r/term"].EffectiveValidity.ToString());
        Assert.Equal("2010/[..2016-07]", result["r/member"].EffectiveValidity.ToString()); // a later stated end is tightened
        Assert.Null(result["took/person/khan/event/strike"].EndedBy); // an event's participants keep the event's own date
    }

    [Fact]
    public void An_end_already_earlier_than_the_death_is_left_as_stated()
    {
        var killing = Event("event/strike", EventKind.Killing, "2016-07");
        var result = Derive([Khan, Group, killing], Leads("r/term", Khan, Group, "2015-01/2016-03", "leader"), Took(Khan, killing, ParticipantRole.Victim));
        Assert.Null(result["r/term"].EndedBy);
    }

    [Theory]
    [InlineData(EventKind.Capture, ParticipantRole.Target, "captured")]
    [InlineData(EventKind.Arrest, ParticipantRole.Target, "arrested")]
    [InlineData(EventKind.Death, ParticipantRole.Victim, "died")]
    public void A_capture_an_arrest_or_a_death_ends_facts_too(EventKind kind, ParticipantRole role, string reason)
    {
        var ev = Event("event/e", kind, "[..2020-04]");
        var result = Derive([Khan, Group, ev], Leads("r/term", Khan, Group, "2019/..", "leader"), Took(Khan, ev, role));
        Assert.Equal(new LifecycleEnd(PartialDate.Parse("2020-04"), "event/e", reason), result["r/term"].EndedBy);
    }

    [Theory]
    [InlineData(EventKind.Attack, ParticipantRole.Victim, ClaimStatus.Asserted)]      // an attack survived ends nothing
    [InlineData(EventKind.Killing, ParticipantRole.Perpetrator, ClaimStatus.Asserted)] // the killer lives on
    [InlineData(EventKind.Killing, ParticipantRole.Victim, ClaimStatus.Disputed)]     // a disputed death ends nothing
    public void Other_events_roles_and_disputed_deaths_end_nothing(EventKind kind, ParticipantRole role, ClaimStatus status)
    {
        var ev = Event("event/e", kind, "2016");
        var result = Derive([Khan, Group, ev], Leads("r/term", Khan, Group, "2015/..", "leader"), Took(Khan, ev, role) with { Status = status });
        Assert.Null(result["r/term"].EndedBy);
    }

    [Fact]
    public void An_event_of_unknown_date_ends_nothing()
    {
        var ev = Event("event/e", EventKind.Killing, "..");
        var result = Derive([Khan, Group, ev], Leads("r/term", Khan, Group, "2015/..", "leader"), Took(Khan, ev, ParticipantRole.Victim));
        Assert.Null(result["r/term"].EndedBy);
    }

    [Fact]
    public void A_term_that_starts_after_the_death_is_a_contradiction_not_bounded()
    {
        var killing = Event("event/strike", EventKind.Killing, "2016-07");
        Entity[] entities = [Khan, Group, killing];
        Relationship[] facts =
        [
            Leads("r/late", Khan, Group, "2018/..", "leader"),
            Fact("r/attested", RelationshipType.MemberOf, Khan, Group, "../..") with { Attestations = [new(PartialDate.Parse("2017"), "src")] },
            Fact("r/ends-late", RelationshipType.MemberOf, Khan, Org("org/other"), "2014/[2017..]"),
            Took(Khan, killing, ParticipantRole.Victim),
        ];
        var result = Derive(entities, facts);
        Assert.Null(result["r/late"].EndedBy);
        Assert.Null(result["r/attested"].EndedBy);
        Assert.Null(result["r/ends-late"].EndedBy);

        var contradictions = Lifecycles.Contradictions(entities, facts);
        Assert.Equal(["r/attested", "r/ends-late", "r/late"], contradictions.Select(c => c.Fact.Id).Order(StringComparer.Ordinal));
        Assert.All(contradictions, c => Assert.Equal("event/strike", c.End.ById));
        Assert.Equal("starts 2018, after person/khan was killed (event/strike), no later than 2016-07",
            contradictions.Single(c => c.Fact.Id == "r/late").Message);
        Assert.Equal("is attested 2017, after person/khan was killed (event/strike), no later than 2016-07",
            contradictions.Single(c => c.Fact.Id == "r/attested").Message);
    }

    [Fact]
    public void A_dissolution_ends_the_organizations_facts_and_a_membership_after_it_contradicts_it()
    {
        var imu = Org("org/imu") with { Dissolved = PartialDate.Parse("2016") };
        Relationship[] facts =
        [
            Fact("r/member", RelationshipType.MemberOf, Khan, imu, "2005/.."),
            Fact("r/umbrella", RelationshipType.UnderUmbrellaOf, imu, Group, "2010/[..2020]"),
            Fact("r/designated", RelationshipType.Designated, Org("org/us"), imu, "2000/.."),
            Fact("r/after", RelationshipType.MemberOf, Hasib, imu, "2017/.."),
            Fact("r/split", RelationshipType.SplitFrom, Group, imu, "2018/.."),
        ];
        var result = Derive([Khan, Hasib, imu, Group], facts);
        Assert.Equal(new LifecycleEnd(PartialDate.Parse("2016"), "org/imu", "dissolved"), result["r/member"].EndedBy);
        Assert.Equal("2010/[..2016]", result["r/umbrella"].EffectiveValidity.ToString());
        Assert.Null(result["r/designated"].EndedBy); // a listing outlives its subject until it is lifted
        Assert.Null(result["r/split"].EndedBy);      // a group may form from a dissolved one's former members
        Assert.Null(result["r/after"].EndedBy);
        Assert.Equal("r/after", Assert.Single(Lifecycles.Contradictions([Khan, Hasib, imu, Group], facts)).Fact.Id);
    }

    [Fact]
    public void A_merger_ends_the_absorbed_organizations_facts_at_its_start_but_not_itself()
    {
        var small = Org("org/small");
        var merger = Fact("r/merger", RelationshipType.MergedInto, small, Group, "2019-05/..");
        var result = Derive([Khan, small, Group], merger, Fact("r/member", RelationshipType.MemberOf, Khan, small, "2015/.."));
        Assert.Equal(new LifecycleEnd(PartialDate.Parse("2019-05"), "r/merger", "merged"), result["r/member"].EndedBy);
        Assert.Null(result["r/merger"].EndedBy);
    }

    [Fact]
    public void A_successors_start_ends_the_predecessors_term_in_the_same_office_whatever_its_title()
    {
        var result = Derive([Khan, Hasib, Sayed, Group],
            Leads("r/khan", Khan, Group, "2015-01/..", "leader"),
            Leads("r/hasib", Hasib, Group, "2016-07/..", "Emir"),
            Leads("r/sayed", Sayed, Group, "[2017-04..2017-06]/..", "amir"));
        Assert.Equal(new LifecycleEnd(PartialDate.Parse("2016-07"), "r/hasib", "succeeded"), result["r/khan"].EndedBy); // the nearest of two successors
        Assert.Equal(new LifecycleEnd(PartialDate.Parse("2017-06"), "r/sayed", "succeeded"), result["r/hasib"].EndedBy); // latest side of a range start
        Assert.Null(result["r/sayed"].EndedBy);
    }

    [Theory]
    [InlineData("leader", "deputy leader")]     // a deputy succeeds nobody
    [InlineData("commander", "commander")]      // commanders are many at once
    [InlineData("president", "vice-president")] // different offices
    [InlineData(null, "leader")]                // a role not given is no office
    public void Roles_that_are_not_the_same_single_holder_office_bound_nothing(string? before, string after)
    {
        var result = Derive([Khan, Hasib, Group], Leads("r/khan", Khan, Group, "2015/..", before), Leads("r/hasib", Hasib, Group, "2017/..", after));
        Assert.Null(result["r/khan"].EndedBy);
    }

    [Theory]
    [InlineData(ClaimStatus.Disputed, ClaimStatus.Asserted)]
    [InlineData(ClaimStatus.Asserted, ClaimStatus.Disputed)]
    [InlineData(ClaimStatus.Asserted, ClaimStatus.Denied)]
    public void A_disputed_term_on_either_side_is_a_contest_and_bounds_nothing(ClaimStatus predecessor, ClaimStatus successor)
    {
        var result = Derive([Khan, Hasib, Group],
            Leads("r/khan", Khan, Group, "2015/..", "leader") with { Status = predecessor },
            Leads("r/hasib", Hasib, Group, "2017/..", "leader") with { Status = successor });
        Assert.Null(result["r/khan"].EndedBy);
    }

    [Fact]
    public void A_successor_whose_start_may_precede_the_predecessors_bounds_nothing()
    {
        var result = Derive([Khan, Hasib, Group], Leads("r/khan", Khan, Group, "[2015..2017]/..", "leader"), Leads("r/hasib", Hasib, Group, "2016/..", "leader"));
        Assert.Null(result["r/khan"].EndedBy);
        Assert.Null(result["r/hasib"].EndedBy);
    }

    [Fact]
    public void Ends_follow_from_each_other_a_successors_start_is_bounded_by_the_successors_death()
    {
        // Hasib began between 2016 and 2018 and was killed in 2017: he began no later than 2017, so Khan's term
        // (which Hasib's start ends) ended no later than 2017 too.
        var killing = Event("event/raid", EventKind.Killing, "2017");
        var result = Derive([Khan, Hasib, Group, killing],
            Leads("r/khan", Khan, Group, "2015/..", "leader"),
            Leads("r/hasib", Hasib, Group, "[2016..2018]/..", "leader"),
            Took(Hasib, killing, ParticipantRole.Victim));
        Assert.Equal(new LifecycleEnd(PartialDate.Parse("2017"), "event/raid", "killed"), result["r/hasib"].EndedBy);
        Assert.Equal(new LifecycleEnd(PartialDate.Parse("2017"), "r/hasib", "succeeded"), result["r/khan"].EndedBy);
    }

    [Fact]
    public void A_hand_written_end_is_replaced_by_the_derived_one()
    {
        var stale = new LifecycleEnd(PartialDate.Parse("2000"), "event/none", "killed");
        var result = Derive([Khan, Group], Leads("r/term", Khan, Group, "2015/..", "leader") with { EndedBy = stale });
        Assert.Null(result["r/term"].EndedBy);
    }

    [Theory]
    [InlineData("leader", "leader")]
    [InlineData(" Amir ", "leader")]
    [InlineData("HEAD", "leader")]
    [InlineData("chief", "leader")]
    [InlineData("Vice President", "vice-president")]
    [InlineData("president", "president")]
    [InlineData("deputy leader", null)]
    [InlineData("head of government", null)]
    [InlineData("", null)]
    public void Single_holder_offices_are_recognised_by_title(string role, string? office) =>
        Assert.Equal(office, SingleHolderRoles.OfficeOf(role));

    // ---- small graphs ---------------------------------------------------------------------------------------

    private static Dictionary<string, Relationship> Derive(IEnumerable<Entity> entities, params Relationship[] facts) =>
        Lifecycles.Derive(entities, facts).ToDictionary(r => r.Id);

    internal static Entity Person(string id) => new(id, EntityKind.Person, id, [], []);

    internal static Entity Org(string id) => new(id, EntityKind.Organization, id, [], []) { OrganizationKind = OrganizationKind.ArmedGroup };

    internal static Entity Event(string id, EventKind kind, string date) =>
        new(id, EntityKind.Event, id, [], []) { Event = new EventDetails(kind, DateBound.Parse(date)) };

    internal static Relationship Fact(string id, RelationshipType type, Entity from, Entity to, string validity) =>
        new(id, type, from.Id, to.Id, Validity.Parse(validity), ClaimStatus.Asserted, []);

    internal static Relationship Leads(string id, Entity person, Entity org, string validity, string? role) =>
        Fact(id, RelationshipType.Leads, person, org, validity) with { Role = role };

    internal static Relationship Took(Entity who, Entity ev, ParticipantRole role) =>
        Fact($"took/{who.Id}/{ev.Id}", RelationshipType.ParticipatedIn, who, ev, "../..") with { Participation = new Participation(role) };
}
