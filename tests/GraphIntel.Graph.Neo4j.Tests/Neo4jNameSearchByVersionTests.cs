using System.Text.Json;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Neo4j.Cypher;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// What name lookup and name writes send, by the server version found at discovery (a stand-in server answering
/// empty results, since no Neo4j 4.4/5 runs here): 3.x–4.3 search misspellings through (:Gram) links and link names
/// to them; 4.4+ search the full-text index and write no (:Gram)s. Either way the key lookup and the misspelling
/// search go in one request.
/// </summary>
public sealed class Neo4jNameSearchByVersionTests
{
    [Theory]
    [InlineData("3.1.1", false)]
    [InlineData("4.3.2", false)]
    [InlineData("4.4.0", true)]
    [InlineData("5.20.0", true)]
    public async Task Name_lookup_sends_the_key_lookup_and_the_servers_misspelling_search_in_one_request(string version, bool fulltext)
    {
        var server = new FakeNeo4jHandler(version).OtherwiseEmptyResults();
        await using var store = new Neo4jGraphStore(new Neo4jOptions { Url = FakeNeo4jHandler.Url }, http: new HttpClient(server));

        Assert.Empty(await store.FindByNameAsync("Mehdi Arsalan", limit: 7));

        using var body = JsonDocument.Parse(Assert.Single(server.Bodies));
        var statements = body.RootElement.GetProperty("statements");
        Assert.Equal(2, statements.GetArrayLength());
        Assert.Equal(Statements.NameKeyCandidates, statements[0].GetProperty("statement").GetString());
        var fuzzy = statements[1];
        Assert.Equal(fulltext ? Statements.NameFuzzyCandidates : Statements.NameFuzzyCandidatesByGrams, fuzzy.GetProperty("statement").GetString());
        var parameters = fuzzy.GetProperty("parameters");
        Assert.Equal("mehdi arsalan", parameters.GetProperty("key").GetString());
        Assert.Equal(7, parameters.GetProperty("limit").GetInt32());
        Assert.Equal(fulltext, parameters.TryGetProperty("queries", out var queries));
        if (fulltext) Assert.Contains("13_meh", queries[0].GetString()!.Split(" OR "));
    }

    [Theory]
    [InlineData("3.1.1", false)]
    [InlineData("5.20.0", true)]
    public async Task Names_are_linked_to_grams_only_on_servers_that_search_through_them(string version, bool fulltext)
    {
        var server = new FakeNeo4jHandler(version).OtherwiseEmptyResults();
        // One request per transaction: the stand-in answers no open transactions.
        await using var store = new Neo4jGraphStore(new Neo4jOptions { Url = FakeNeo4jHandler.Url, StatementsPerRequest = 10_000 }, http: new HttpClient(server));

        await store.ApplyAsync(WholeGraph, Context);

        var sent = server.Bodies.SelectMany(b => JsonDocument.Parse(b).RootElement.GetProperty("statements").EnumerateArray()
            .Select(s => s.GetProperty("statement").GetString()!)).ToList();
        Assert.Equal(fulltext, sent.Contains(Statements.CreateNames));
        Assert.Equal(!fulltext, sent.Contains(Statements.CreateNamesLinkingGrams));
        Assert.Equal(!fulltext, sent.Contains(Statements.UpsertGrams));
        Assert.Equal(!fulltext, sent.Any(s => s.Contains("[:HAS]", StringComparison.Ordinal)));
    }
}
