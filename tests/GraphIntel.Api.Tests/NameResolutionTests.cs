using System.Text;
using GraphIntel.Api.Tests.Support;
using GraphIntel.Graph.Dataset;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Api.Tests;

/// <summary>Every name and alias of the curated data set resolves to its entity, and so do the spelling variants analysts type.</summary>
public sealed class NameResolutionTests(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Every_name_and_alias_in_the_data_set_resolves_to_its_entity()
    {
        var read = DatasetReader.Read(RepoPaths.Root);
        Assert.True(read.IsValid, "the data set must validate: " + string.Join("; ", read.Problems.Take(5)));
        var names = read.ChangeSet.Entities.SelectMany(e => e.Names.Distinct().Select(n => (Entity: e, Name: n))).ToList();
        Assert.True(names.Count > 150, $"expected the whole data set, got {names.Count} names");

        var query = new StringBuilder("query(");
        query.Append(string.Join(", ", names.Select((_, i) => $"$n{i}: String!")));
        query.Append(") {\n");
        for (var i = 0; i < names.Count; i++)
        {
            // Events have no by-name field of their own: entity(name:) finds them (names are unique within a kind, not across).
            var field = names[i].Entity.Kind switch
            {
                EntityKind.Organization => "organization", EntityKind.Person => "person", EntityKind.Place => "place", _ => "entity",
            };
            query.Append($"  r{i}: {field}(name: $n{i}) {{ id }}\n");
        }
        query.Append('}');
        var variables = names.Select((n, i) => (n, i)).ToDictionary(x => $"n{x.i}", x => (object)x.n.Name);
        var data = (await api.QueryAsync(query.ToString(), variables)).Ok();
        var wrong = names.Select((n, i) => (n, Got: data.GetProperty($"r{i}").ValueKind == System.Text.Json.JsonValueKind.Null ? null : data.GetProperty($"r{i}").GetProperty("id").GetString()))
            .Where(x => x.Got != x.n.Entity.Id)
            .Select(x => $"'{x.n.Name}' -> {x.Got ?? "nothing"} (expected {x.n.Entity.Id})")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("ISIS–K", "org/isis-k")]
    [InlineData("IS-K", "org/isis-k")]
    [InlineData("isis khorasan", "org/isis-k")]
    [InlineData("Khatiba Imam Al-Buhari", "org/kib")]
    [InlineData("Katibat Imam Bukhari", "org/kib")]
    [InlineData("Mehdi Arsalan", "person/mahdi-arsalan")]
    [InlineData("Mahdi Arslan", "person/mahdi-arsalan")]
    [InlineData("Jamaat Ansarulah", "org/jamaat-ansarullah")]
    public async Task Spelling_variants_resolve_to_the_same_entity(string name, string expected)
    {
        var data = (await api.QueryAsync("query($name: String!) { entity(name: $name) { id } search(text: $name, first: 3) { entity { id } score matched } }", new { name })).Ok();
        Assert.Equal(expected, data.GetProperty("entity").GetProperty("id").GetString());
        Assert.Equal(expected, data.GetProperty("search")[0].GetProperty("entity").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Exact_matches_rank_first()
    {
        var hits = (await api.QueryAsync("""{ search(text: "IS-K", first: 5) { entity { id } score matched } }""")).Ok().GetProperty("search");
        Assert.Equal(1.0, hits[0].GetProperty("score").GetDouble());
        Assert.Equal("IS-K", hits[0].GetProperty("matched").GetString());
    }
}
