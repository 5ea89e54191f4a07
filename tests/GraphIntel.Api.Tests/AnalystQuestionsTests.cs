using System.Text.Json;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>The analysts' questions of DEVELOPERS.md, answered over HTTP from the seeded data set, with evidence.</summary>
public sealed class AnalystQuestionsTests(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task TTTs_ancestors_are_JA_which_it_rebranded_from_and_the_UTO_which_JA_split_from()
    {
        var lineage = (await api.QueryAsync("""
            { lineage(id: "org/ttt", direction: ANCESTORS) {
                nodes { id name }
                relationships { type from { id } to { id } citations { source { id } quote } } } }
            """)).Ok().GetProperty("lineage");
        var nodes = lineage.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Equal("org/ttt", nodes[0]);
        Assert.Contains("org/jamaat-ansarullah", nodes);
        Assert.Contains("org/uto", nodes);
        var edges = lineage.GetProperty("relationships").EnumerateArray()
            .Select(r => $"{r.GetProperty("from").GetProperty("id").GetString()} {r.GetProperty("type").GetString()} {r.GetProperty("to").GetProperty("id").GetString()}")
            .ToList();
        Assert.Contains("org/jamaat-ansarullah REBRANDED_AS org/ttt", edges);
        Assert.Contains("org/jamaat-ansarullah SPLIT_FROM org/uto", edges);
        Assert.All(lineage.GetProperty("relationships").EnumerateArray(), r => Assert.NotEmpty(r.GetProperty("citations").EnumerateArray()));

        // And the other way: the UTO's descendants reach TTT through JA.
        var descendants = (await api.QueryAsync("""{ lineage(id: "org/uto", direction: DESCENDANTS) { nodes { id } } }"""))
            .Ok().GetProperty("lineage").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Contains("org/jamaat-ansarullah", descendants);
        Assert.Contains("org/ttt", descendants);

        // A depth of 1 stops at JA.
        var shallow = (await api.QueryAsync("""{ lineage(id: "org/ttt", direction: ANCESTORS, maxDepth: 1) { nodes { id } } }"""))
            .Ok().GetProperty("lineage").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Contains("org/jamaat-ansarullah", shallow);
        Assert.DoesNotContain("org/uto", shallow);
    }

    [Fact]
    public async Task How_is_TTT_connected_to_the_UTO_shortest_path_first_with_evidence()
    {
        var paths = (await api.QueryAsync("""
            { paths(from: "org/ttt", to: "org/uto", maxHops: 4, first: 3) {
                length nodes { id } relationships { type from { id } to { id } citations { source { title } quote } } } }
            """)).Ok().GetProperty("paths").EnumerateArray().ToList();
        Assert.NotEmpty(paths);
        var shortest = paths[0];
        Assert.Equal(2, shortest.GetProperty("length").GetInt32());
        Assert.Equal(["org/ttt", "org/jamaat-ansarullah", "org/uto"], shortest.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(["REBRANDED_AS", "SPLIT_FROM"], shortest.GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("type").GetString()!).ToArray());
        Assert.All(shortest.GetProperty("relationships").EnumerateArray(), r => Assert.NotEmpty(r.GetProperty("citations").EnumerateArray()));
        var lengths = paths.Select(p => p.GetProperty("length").GetInt32()).ToList();
        Assert.Equal(lengths.Order(), lengths);
    }

    [Fact]
    public async Task The_ISIS_K_succession_is_in_order_with_predecessors_and_successors()
    {
        var terms = (await api.QueryAsync("""
            { organization(id: "org/isis-k") { leadershipHistory {
                id person { name } from to endReason status
                predecessor { id } successor { id } citations { quote } } } }
            """)).Ok().GetProperty("organization").GetProperty("leadershipHistory").EnumerateArray().ToList();
        Assert.True(terms.Count >= 4, $"expected the ISIS-K succession, got {terms.Count} terms");
        var starts = terms.Select(t => t.GetProperty("from").GetString()).Where(s => s is not null).ToList();
        Assert.Equal(starts.OrderBy(s => s, StringComparer.Ordinal), starts);
        // Hafiz Saeed Khan, the first emir, starts the succession (his deputy's term starts with his and ends first).
        var firstStart = terms[0].GetProperty("from").GetString();
        Assert.Contains(terms.Where(t => t.GetProperty("from").GetString() == firstStart), t => t.GetProperty("person").GetProperty("name").GetString() == "Hafiz Saeed Khan");
        Assert.Equal(JsonValueKind.Null, terms[0].GetProperty("predecessor").ValueKind);
        for (var i = 1; i < terms.Count; i++)
        {
            Assert.Equal(terms[i - 1].GetProperty("id").GetString(), terms[i].GetProperty("predecessor").GetProperty("id").GetString());
            Assert.Equal(terms[i].GetProperty("id").GetString(), terms[i - 1].GetProperty("successor").GetProperty("id").GetString());
        }
        Assert.All(terms, t => Assert.NotEmpty(t.GetProperty("citations").EnumerateArray()));
    }

    [Fact]
    public async Task Who_led_ISIS_K_in_2017()
    {
        var leaders = (await api.QueryAsync("""{ organization(name: "ISIS-K") { leaders(asOf: "2017") { person { name } from to } } }"""))
            .Ok().GetProperty("organization").GetProperty("leaders").EnumerateArray().ToList();
        Assert.NotEmpty(leaders);
        Assert.All(leaders, l =>
        {
            var from = l.GetProperty("from").GetString();
            var to = l.GetProperty("to").GetString();
            Assert.True(from is null || string.CompareOrdinal(from[..4], "2017") <= 0, $"term from {from} starts after 2017");
            Assert.True(to is null || string.CompareOrdinal(to[..4], "2017") >= 0, $"term to {to} ends before 2017");
        });
    }

    [Fact]
    public async Task KIBs_conflicting_umbrella_claims_come_back_side_by_side_with_their_sources()
    {
        var umbrella = (await api.QueryAsync("""
            { organization(name: "Khatiba Imam Al-Buhari") { id umbrella { type to { id } status note citations { source { id title } quote } } } }
            """)).Ok().GetProperty("organization");
        Assert.Equal("org/kib", umbrella.GetProperty("id").GetString());
        var claims = umbrella.GetProperty("umbrella").EnumerateArray().ToList();
        var parents = claims.Select(c => c.GetProperty("to").GetProperty("id").GetString()).ToHashSet();
        Assert.Contains("org/isis-k", parents);
        Assert.Contains("org/al-qaeda", parents);
        Assert.Contains(claims, c => c.GetProperty("status").GetString() == "DISPUTED");
        var sources = claims.SelectMany(c => c.GetProperty("citations").EnumerateArray().Select(x => x.GetProperty("source").GetProperty("id").GetString())).ToHashSet();
        Assert.True(sources.Count >= 2, "the two claims come from different sources");
    }

    [Fact]
    public async Task What_sat_under_which_umbrella_in_2022_and_who_says_so()
    {
        var orgs = (await api.QueryAsync("""
            { organizations(first: 200) { totalCount edges { node { id umbrella(asOf: "2022") { to { id } citations { source { title } quote } } } } } }
            """)).Ok().GetProperty("organizations");
        var ties = orgs.GetProperty("edges").EnumerateArray().SelectMany(e => e.GetProperty("node").GetProperty("umbrella").EnumerateArray()).ToList();
        Assert.NotEmpty(ties);
        Assert.All(ties, t => Assert.All(t.GetProperty("citations").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("quote").GetString()))));
    }

    [Fact]
    public async Task A_source_locates_each_of_its_citations_in_its_text()
    {
        var source = (await api.QueryAsync("""
            { source(id: "source/shay-2024-afghanistan-terror-threat") { title author text citations { quote subjectId location { start end line } } } }
            """)).Ok().GetProperty("source");
        var citations = source.GetProperty("citations").EnumerateArray().ToList();
        Assert.True(citations.Count > 50);
        var collapsed = string.Join(' ', source.GetProperty("text").GetString()!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.All(citations, c =>
        {
            var location = c.GetProperty("location");
            Assert.Equal(JsonValueKind.Object, location.ValueKind);
            var quote = string.Join(' ', c.GetProperty("quote").GetString()!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(quote, collapsed[location.GetProperty("start").GetInt32()..location.GetProperty("end").GetInt32()]);
            Assert.True(location.GetProperty("line").GetInt32() >= 1);
        });
    }
}
