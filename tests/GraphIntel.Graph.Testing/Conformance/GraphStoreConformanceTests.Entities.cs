using GraphIntel.Graph.Model;
using GraphIntel.Graph.Names;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

public abstract partial class GraphStoreConformanceTests
{
    [StoreFact]
    public async Task Health_reports_available()
    {
        var health = await Store.CheckHealthAsync();
        Assert.True(health.Available, health.Detail);
        Assert.False(string.IsNullOrEmpty(health.Backend));
    }

    [StoreFact]
    public async Task GetEntities_answers_every_known_id_in_one_call_and_omits_unknown_ones()
    {
        var entities = await Store.GetEntitiesAsync([Ja, Arsalan, Badakhshan, "org/nope"]);

        Assert.Equal(Sorted(Ja, Arsalan, Badakhshan), entities.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(EntityKind.Person, entities[Arsalan].Kind);
        Assert.Equal(EntityKind.Place, entities[Badakhshan].Kind);
    }

    [StoreFact]
    public async Task GetEntities_returns_every_field_as_written()
    {
        var expected = Entities.Single(e => e.Id == IsisK);
        var actual = (await Store.GetEntitiesAsync([IsisK]))[IsisK];

        Assert.Equal(RecordJson.Serialize(expected), RecordJson.Serialize(actual));
        Assert.Equal(["ISIS-K", "IS-K", "ISIS Khorasan", "ISIS-Khorasan"], actual.Aliases);
        Assert.Equal(OrganizationKind.ArmedGroup, actual.OrganizationKind);
        Assert.Equal(Date("2015-01"), actual.Founded);
        Assert.Equal("alias", Assert.Single(actual.Citations).Supports);
    }

    [StoreTheory]
    [InlineData("Islamic State Khorasan Province", IsisK)]
    [InlineData("islamic state khorasan province", IsisK)]
    [InlineData("ISIS–K", IsisK)] // en dash
    [InlineData("ISIS—K", IsisK)] // em dash
    [InlineData("IS-K", IsisK)]
    [InlineData("ISIS Khorasan", IsisK)]
    [InlineData("Khatiba Imam Al-Buhari", Kib)]
    [InlineData("Katibat Imam Bukhari", Kib)]
    [InlineData("Kâtibat Imam al‐Bukhârî", Kib)]
    [InlineData("Mehdi Arsalan", Arsalan)]
    [InlineData("Mohammad Sharipov", Sharifov)]
    [InlineData("Muhammad Sharipov", Sharifov)]
    [InlineData("Mohammad Sharifov", Sharifov)]
    [InlineData("Jamaat Ansarulah", Ja)]
    [InlineData("Tehrik-i Taliban Tajikistan", Ttt)]
    public async Task FindByName_resolves_spelling_variants(string text, string expectedId)
    {
        var matches = await Store.FindByNameAsync(text);

        Assert.NotEmpty(matches);
        Assert.Equal(expectedId, matches[0].Entity.Id);
    }

    [StoreFact]
    public async Task FindByName_ranks_exact_then_normalized_then_fuzzy()
    {
        var exact = (await Store.FindByNameAsync("is-k"))[0];
        Assert.True(exact.Exact);
        Assert.Equal("IS-K", exact.Matched);

        var normalized = (await Store.FindByNameAsync("Khatiba Imam Al‐Buhari"))[0];
        Assert.False(normalized.Exact);
        Assert.Equal("Khatiba Imam al-Buhari", normalized.Matched);

        var fuzzy = (await Store.FindByNameAsync("Mehdi Arsalan"))[0];
        Assert.False(fuzzy.Exact);
        Assert.Equal("Mahdi Arsalan", fuzzy.Matched);
        Assert.True(exact.Score > normalized.Score && normalized.Score > fuzzy.Score,
            $"scores exact {exact.Score}, normalized {normalized.Score}, fuzzy {fuzzy.Score}");
    }

    [StoreFact]
    public async Task FindByName_filters_by_kind_limits_and_finds_nothing_for_strangers()
    {
        Assert.Empty(await Store.FindByNameAsync("Badakhshan", [EntityKind.Organization]));
        Assert.Equal(Badakhshan, Assert.Single(await Store.FindByNameAsync("Badakhshan", [EntityKind.Place])).Entity.Id);
        Assert.Empty(await Store.FindByNameAsync("Hezbollah"));
        Assert.Empty(await Store.FindByNameAsync("   "));

        var two = await Store.FindByNameAsync("Taliban", limit: 1);
        Assert.Equal(Taliban, Assert.Single(two).Entity.Id);
    }

    [StoreFact]
    public async Task ListEntities_pages_through_everything_in_name_order_with_opaque_cursors()
    {
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = await Store.ListEntitiesAsync(new EntityQuery { First = 4, After = after });
            Assert.Equal(Entities.Count, page.TotalCount);
            Assert.Equal(page.Items.Count, page.Cursors.Count);
            Assert.Equal(page.Cursors.LastOrDefault(), page.EndCursor);
            seen.AddRange(page.Items.Select(e => e.Id));
            pages++;
            if (!page.HasNextPage) break;
            after = page.EndCursor;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Entities.Count, seen.Distinct().Count());
        var byName = Entities.OrderBy(e => NameNormalizer.Fold(e.Name), StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal);
        Assert.Equal(byName.Select(e => e.Id), seen);
    }

    [StoreFact]
    public async Task ListEntities_filters_by_kind_organization_kind_name_and_existence()
    {
        var people = await Store.ListEntitiesAsync(new EntityQuery { Kinds = [EntityKind.Person] });
        Assert.Equal(Sorted(Arsalan, Tabarov, Sharifov), Ids(people.Items));
        Assert.Equal(3, people.TotalCount);

        var movements = await Store.ListEntitiesAsync(new EntityQuery { OrganizationKinds = [OrganizationKind.PoliticalMovement] });
        Assert.Equal(Sorted(Uto, Taliban), Ids(movements.Items));

        var bukhari = await Store.ListEntitiesAsync(new EntityQuery { NameContains = "BUKHÂRI" });
        Assert.Equal([Kib], Ids(bukhari.Items));
        var byAlias = await Store.ListEntitiesAsync(new EntityQuery { NameContains = "sharip" });
        Assert.Equal([Sharifov], Ids(byAlias.Items));

        // Existence is decided like any fact's interval (#12): an end not given is unknown, not "still exists".
        var in2010 = await Store.ListEntitiesAsync(new EntityQuery { Kinds = [EntityKind.Organization], ActiveAt = Date("2010"), Certainty = TemporalCertainty.Possible });
        Assert.DoesNotContain(Uto, Ids(in2010.Items)); // dissolved 2000
        Assert.DoesNotContain(Ttt, Ids(in2010.Items)); // founded 2021
        Assert.Contains(Ja, Ids(in2010.Items)); // founded 2006, dissolution unknown: POSSIBLE
        Assert.Contains(Kib, Ids(in2010.Items)); // no dates: POSSIBLE
        var known2010 = await Store.ListEntitiesAsync(new EntityQuery { Kinds = [EntityKind.Organization], ActiveAt = Date("2010") });
        Assert.DoesNotContain(Ja, Ids(known2010.Items));
        Assert.DoesNotContain(Kib, Ids(known2010.Items));
        var in2000 = await Store.ListEntitiesAsync(new EntityQuery { Kinds = [EntityKind.Organization], ActiveAt = Date("2000") });
        Assert.Contains(Uto, Ids(in2000.Items)); // dissolved some day of 2000: it existed on that day
        var lastDay2000 = await Store.ListEntitiesAsync(new EntityQuery { Kinds = [EntityKind.Organization], ActiveAt = Date("2000-12-31") });
        Assert.DoesNotContain(Uto, Ids(lastDay2000.Items)); // perhaps dissolved before: only POSSIBLE
    }

    [StoreFact]
    public async Task An_empty_kind_list_is_the_same_as_none()
    {
        // The expected answers are those of the same query with the list left out.
        var all = Ids((await Store.ListEntitiesAsync(new EntityQuery { First = 100 })).Items);
        Assert.Equal(Entities.Count, all.Length);
        Assert.Equal(all, Ids((await Store.ListEntitiesAsync(new EntityQuery { First = 100, Kinds = [] })).Items));
        Assert.Equal(all, Ids((await Store.ListEntitiesAsync(new EntityQuery { First = 100, OrganizationKinds = [] })).Items));
        var organizations = new EntityQuery { First = 100, Kinds = [EntityKind.Organization] };
        Assert.Equal(Ids((await Store.ListEntitiesAsync(organizations)).Items),
            Ids((await Store.ListEntitiesAsync(organizations with { OrganizationKinds = [] })).Items));
        Assert.Equal((await Store.ListEntitiesAsync(organizations)).TotalCount,
            (await Store.ListEntitiesAsync(organizations with { OrganizationKinds = [] })).TotalCount);

        var taliban = (await Store.FindByNameAsync("Taliban")).Select(m => m.Entity.Id).ToArray();
        Assert.NotEmpty(taliban);
        Assert.Equal(taliban, (await Store.FindByNameAsync("Taliban", [])).Select(m => m.Entity.Id));
    }

    [StoreFact]
    public async Task ListEntities_refuses_an_empty_or_garbled_cursor()
    {
        string[] refused = ["", "zzz", "%%%"];
        foreach (var cursor in refused)
        {
            var e = await Assert.ThrowsAsync<InvalidCursorException>(() => Store.ListEntitiesAsync(new EntityQuery { First = 2, After = cursor }));
            Assert.Equal(cursor, e.Cursor);
        }
    }

    [StoreFact]
    public async Task ListEntities_with_first_zero_counts_without_items()
    {
        var page = await Store.ListEntitiesAsync(new EntityQuery { First = 0 });
        Assert.Empty(page.Items);
        Assert.True(page.HasNextPage);
        Assert.Equal(Entities.Count, page.TotalCount);
    }
}
