using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// The statistics' first and last day (what a time slider spans) on every backend: over the fixture with every shape
/// of interval, an event and a retraction, they are what <see cref="DatedSpanOracle"/> reads off the stored records;
/// and the rules one by one on a store of their own, with the expected days written out.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    [StoreFact]
    public async Task Statistics_first_and_last_day_are_those_of_a_scan_of_every_dated_record()
    {
        await Store.ApplyAsync(TimeGraph(), Editor("time cases"));
        await Store.ApplyAsync(EventChanges(KillingOfArsalan()), Editor("event", 11));
        await Store.ApplyAsync(new ChangeSet { Retractions = [TalibanHostsTtt] }, Editor("retraction", 12));
        var snapshot = await Store.ExportAsync();

        var stats = await Store.GetStatisticsAsync();

        var (first, last) = DatedSpanOracle.Of(snapshot.Entities, snapshot.Relationships);
        Assert.Equal(new DateOnly(1992, 1, 1), first); // UTO founded 1992: the scan reads it as anyone would
        Assert.Equal((first, last), (stats.FirstDay, stats.LastDay));
    }

    [StoreFact]
    public async Task Statistics_first_and_last_day_follow_the_rules_one_by_one()
    {
        var store = await NewStoreAsync();
        var cite = CiteAlpha("The Islamic State declared its Khorasan province in January 2015.");
        Entity Org(string id, string name) => new(id, EntityKind.Organization, name, [], [cite]) { OrganizationKind = OrganizationKind.ArmedGroup };
        Relationship Allied(string id, string validity) =>
            new(id, RelationshipType.AlliedWith, "org/span-a", "org/span-b", Validity.Parse(validity), ClaimStatus.Asserted, [cite]);
        async Task<(DateOnly?, DateOnly?)> Span(ChangeSet changes, int minute)
        {
            await store.ApplyAsync(changes, Editor("span", minute));
            var stats = await store.GetStatisticsAsync();
            return (stats.FirstDay, stats.LastDay);
        }

        // Nothing dated: undated organizations and a fact with no bounds.
        Assert.Equal((null, null), await Span(new ChangeSet
        {
            Sources = [AlphaSource],
            Entities = [Org("org/span-a", "Span Alpha"), Org("org/span-b", "Span Beta")],
            Relationships = [Allied("rel/span-undated", "../..")],
        }, 1));
        // Begun on or before 2010, end unknown: POSSIBLE on every date, so it dates nothing.
        Assert.Equal((null, null), await Span(new ChangeSet { Relationships = [Allied("rel/span-open", "[..2010]/..")] }, 2));
        // A retracted fact dates nothing either.
        await store.ApplyAsync(new ChangeSet { Relationships = [Allied("rel/span-retracted", "2001/2002")] }, Editor("span", 3));
        Assert.Equal((null, null), await Span(new ChangeSet { Retractions = ["rel/span-retracted"] }, 4));
        // Begun in 2010 and ended [2005..2015]: the end cannot fall before the start, so 2010 is the first day.
        Assert.Equal((new DateOnly(2010, 1, 1), new DateOnly(2015, 12, 31)),
            await Span(new ChangeSet { Relationships = [Allied("rel/span-tightened", "2010/[2005..2015]")] }, 5));
        // An event on or before 2003: its one side counts as the first day too.
        var ev = new Entity("event/span-raid", EntityKind.Event, "Span Raid", [], [cite]) { Event = new EventDetails(EventKind.Attack, DateBound.OnOrBefore(Date("2003"))) };
        Assert.Equal((new DateOnly(2003, 12, 31), new DateOnly(2015, 12, 31)), await Span(new ChangeSet { Entities = [ev] }, 6));
        // A dissolution is a day like any other.
        Assert.Equal((new DateOnly(2003, 12, 31), new DateOnly(2019, 6, 30)),
            await Span(new ChangeSet { Entities = [Org("org/span-a", "Span Alpha") with { Dissolved = Date("2019-06") }] }, 7));
    }
}
