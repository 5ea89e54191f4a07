using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Embedded.Migrations;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded.Tests;

/// <summary>
/// Migration 3 of the embedded store on a file written before it (plain dates, start_day/end_day overlap days): stored
/// facts and entities get their time profiles, read as #12 reads them (an unknown end is unknown, not ongoing), and
/// still come back as written.
/// </summary>
public sealed class EmbeddedTimeMigrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Rows_stored_before_time_profiles_get_them_and_read_by_the_new_rules()
    {
        var path = _directory.File("graph.db");
        await using (var connection = LegacyStore.OpenAt(path, version: 2))
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = $"""
                INSERT INTO entities (id, kind, name, sort_key, org_kind, founded, dissolved, founded_day, dissolved_day)
                VALUES ('org/old', 'ORGANIZATION', 'Old', 'old', 'ARMED_GROUP', '2010', NULL, {new DateOnly(2010, 1, 1).DayNumber}, NULL),
                       ('org/older', 'ORGANIZATION', 'Older', 'older', 'ARMED_GROUP', '2001-03', '2012', {new DateOnly(2001, 3, 1).DayNumber}, {new DateOnly(2012, 12, 31).DayNumber});
                INSERT INTO relationships (id, type, from_id, to_id, valid_from, valid_to, start_day, end_day, status)
                VALUES ('rel/old-split', 'SPLIT_FROM', 'org/old', 'org/older', '2015', NULL, {new DateOnly(2015, 1, 1).DayNumber}, NULL, 'ASSERTED');
                """;
            insert.ExecuteNonQuery();
        }

        await using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = path });
        await store.InitializeAsync();

        async Task<bool> Holds(string asOf, TemporalCertainty certainty) =>
            (await store.GetRelationshipsAsync(["org/old"], new RelationshipFilter { AsOf = PartialDate.Parse(asOf), Certainty = certainty }))["org/old"].Count == 1;
        Assert.True(await Holds("2015", TemporalCertainty.Known));
        Assert.False(await Holds("2016", TemporalCertainty.Known)); // the old reading: open end, so "ongoing"
        Assert.True(await Holds("2016", TemporalCertainty.Possible));
        Assert.False(await Holds("2014-12-31", TemporalCertainty.Possible));
        var lineage = await store.GetLineageAsync("org/old", LineageDirection.Ancestors, new RelationshipFilter { AsOf = PartialDate.Parse("2015-03") }, 2);
        Assert.Equal(["org/old"], lineage.Nodes.Select(n => n.Id)); // POSSIBLE in March 2015: not followed by a KNOWN read
        var possibleLineage = await store.GetLineageAsync("org/old", LineageDirection.Ancestors,
            new RelationshipFilter { AsOf = PartialDate.Parse("2015-03"), Certainty = TemporalCertainty.Possible }, 2);
        Assert.Equal(["org/old", "org/older"], possibleLineage.Nodes.Select(n => n.Id));

        async Task<string[]> Active(string asOf, TemporalCertainty certainty) =>
            (await store.ListEntitiesAsync(new EntityQuery { ActiveAt = PartialDate.Parse(asOf), Certainty = certainty })).Items.Select(e => e.Id).ToArray();
        Assert.Equal(["org/older"], await Active("2005", TemporalCertainty.Known));
        Assert.Equal(["org/old", "org/older"], await Active("2010", TemporalCertainty.Known));
        Assert.Equal(["org/old"], await Active("2013", TemporalCertainty.Possible));
        Assert.Empty(await Active("2013", TemporalCertainty.Known));

        var fact = (await store.GetRelationshipsByIdAsync(["rel/old-split"]))["rel/old-split"];
        Assert.Equal("2015/..", fact.Validity.ToString());
        Assert.Empty(fact.Attestations);
        Assert.Null(fact.EndedBy);
    }
}
