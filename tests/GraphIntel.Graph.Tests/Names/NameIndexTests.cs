using GraphIntel.Graph.Names;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Tests.Names;

public sealed class NameIndexTests
{
    private static NameIndex Sample()
    {
        var index = new NameIndex();
        index.Set("org/isis-k", EntityKind.Organization, "Islamic State Khorasan Province", ["ISIS-K", "IS-K", "ISIS Khorasan", "ISKP"]);
        index.Set("org/kib", EntityKind.Organization, "Katibat Imam al-Bukhari", ["Khatiba Imam al-Buhari", "KIB"]);
        index.Set("person/mahdi-arsalan", EntityKind.Person, "Mahdi Arsalan", []);
        index.Set("person/sharifov", EntityKind.Person, "Muhammad Sharifov", ["Mohammad Sharipov"]);
        index.Set("place/badakhshan", EntityKind.Place, "Badakhshan", []);
        index.Set("org/badakhshan-front", EntityKind.Organization, "Badakhshan Front", []);
        return index;
    }

    [Theory]
    [InlineData("ISIS–K", "org/isis-k", "ISIS-K")]
    [InlineData("IS-K", "org/isis-k", "IS-K")]
    [InlineData("ISIS Khorasan", "org/isis-k", "ISIS Khorasan")]
    [InlineData("Khatiba Imam Al-Buhari", "org/kib", "Khatiba Imam al-Buhari")]
    [InlineData("Katibat Imam Bukhari", "org/kib", "Katibat Imam al-Bukhari")]
    [InlineData("Mehdi Arsalan", "person/mahdi-arsalan", "Mahdi Arsalan")]
    [InlineData("Mohammad Sharifov", "person/sharifov", "Muhammad Sharifov")]
    public void Finds_the_entity_behind_a_spelling(string text, string id, string matched)
    {
        var hit = Sample().Search(text, null, 5)[0];
        Assert.Equal(id, hit.EntityId);
        Assert.Equal(matched, hit.Matched);
    }

    [Fact]
    public void Exact_beats_key_beats_fuzzy_and_ties_go_by_name()
    {
        var index = new NameIndex();
        index.Set("org/b", EntityKind.Organization, "Jamaat B", ["Al-Ansar"]);
        index.Set("org/a", EntityKind.Organization, "Jamaat A", ["Ansar"]);
        index.Set("org/c", EntityKind.Organization, "Jamaat C", ["Ansat"]);
        index.Set("org/d", EntityKind.Organization, "Jamaat D", ["Ansar"]);

        var hits = index.Search("ansar", null, 10);

        Assert.Equal(["org/a", "org/d", "org/b", "org/c"], hits.Select(h => h.EntityId));
        Assert.True(hits[0].Exact && hits[1].Exact && !hits[2].Exact && !hits[3].Exact);
        Assert.Equal(NameSimilarity.KeyScore, hits[2].Score);
        Assert.True(hits[3].Score < NameSimilarity.KeyScore);
    }

    [Fact]
    public void Kinds_and_limit_filter_hits()
    {
        var index = Sample();
        Assert.Equal("org/badakhshan-front", index.Search("Badakhshan Front", null, 5)[0].EntityId);
        Assert.Equal("place/badakhshan", Assert.Single(index.Search("Badakhshan", [EntityKind.Place], 5)).EntityId);
        Assert.Single(index.Search("Badakhshan", null, 1));
    }

    [Fact]
    public void Replacing_and_removing_names_takes_effect()
    {
        var index = Sample();
        index.Set("org/kib", EntityKind.Organization, "Katibat Imam al-Bukhari", ["Imam Bukhari Jamaat"]);
        Assert.Empty(index.Search("KIB", null, 5));
        Assert.Equal("org/kib", index.Search("Imam Bukhari Jamaat", null, 5)[0].EntityId);

        index.Remove("org/kib");
        Assert.Empty(index.Search("Katibat Imam al-Bukhari", null, 5));

        for (var i = 0; i < 3000; i++) index.Set($"org/tmp-{i}", EntityKind.Organization, $"Temporary {i}", []);
        for (var i = 0; i < 3000; i++) index.Remove($"org/tmp-{i}");
        Assert.Equal("org/isis-k", index.Search("ISKP", null, 5)[0].EntityId); // survives compaction
        Assert.Equal(5, index.EntityCount);
    }

    [Fact]
    public void Blank_text_and_zero_limit_find_nothing()
    {
        Assert.Empty(Sample().Search(" ", null, 5));
        Assert.Empty(Sample().Search("ISIS-K", null, 0));
        Assert.Empty(Sample().Search("Hezbollah", null, 5));
    }
}

public sealed class NameIndexMisspellingTests
{
    [Theory]
    [InlineData("Katibat Imam al-Bukhari", "Katibat Imam al-Bukhrai")] // transposition: four trigram windows change
    [InlineData("Katibat Imam al-Bukhari", "Katibta Imma al-Bukhari")] // two transpositions
    [InlineData("Jamaat Ansarullah", "Jamaat Ansarulah")]
    [InlineData("Islamic Jihad Union", "Islamik Jihat Union")]
    public void Misspellings_within_the_edit_budget_are_found(string name, string misspelled)
    {
        var index = new NameIndex();
        index.Set("org/x", GraphIntel.Graph.Ontology.EntityKind.Organization, name, []);
        Assert.Equal("org/x", Assert.Single(index.Search(misspelled, null, 5)).EntityId);
    }
}
