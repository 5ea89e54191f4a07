using System.Text.Json;
using GraphIntel.GraphQL.Tests.Conformance.StarWars;

namespace GraphIntel.GraphQL.Tests.Conformance;

/// <summary>
/// The engine against graphql-js: every query of tests/conformance/starwars/queries.json, run on the C# twin of
/// the starwars schema, must produce the response graphql-js produced (expected.json) — same data, same errors
/// with the same messages, locations and paths, same key order.
/// </summary>
public sealed class StarWarsConformanceTests
{
    private static readonly Lazy<GraphQLService> Service = new(() => new GraphQLService(StarWarsSchema.Build()));

    [Theory]
    [MemberData(nameof(QueryNames))]
    public async Task Engine_answers_like_graphql_js(string name)
    {
        var query = StarWarsCorpus.Queries[name];
        var expected = StarWarsCorpus.Expected(name);

        var result = await Service.Value.ExecuteAsync(new GraphQLRequest
        {
            Query = query.Query,
            OperationName = query.OperationName,
            Variables = query.Variables,
            UserContext = StarWarsSchema.NewUserContext(),
        }, CancellationToken.None);
        var actualJson = result.ToJson();
        using var actual = JsonDocument.Parse(actualJson);

        var differences = JsonComparison.ResponseDifferences(expected, actual.RootElement);
        Assert.True(differences.Count == 0, $"""
            "{name}" differs from graphql-js:
              {string.Join("\n  ", differences)}
            query: {query.Query}
            graphql-js: {expected.GetRawText()}
            engine:     {actualJson}
            """);
    }

    [Fact]
    public void Corpus_covers_every_area_with_at_least_110_queries()
    {
        var names = StarWarsCorpus.Queries.Keys.ToList();
        string[] areas = ["basic", "alias", "fragment", "variables", "arguments", "validation", "operation", "parse", "errors", "abstract", "directives", "introspection", "mutation", "async"];

        Assert.True(names.Count >= 110, $"the corpus has {names.Count} queries; at least 110 wanted");
        foreach (var area in areas)
        {
            Assert.True(names.Count(n => n.StartsWith(area + "-", StringComparison.Ordinal)) >= 3, $"fewer than 3 \"{area}-\" queries in the corpus");
        }
        Assert.Contains("introspection-full-query", names);
    }

    [Fact]
    public async Task Expected_json_is_what_graphql_js_answers_today()
    {
        var run = await NodeRunner.RunScriptAsync(Path.Combine("starwars", "expected.mjs"), "--check");

        Assert.True(run.ExitCode == 0, $"expected.json is stale or graphql-js failed: {run}");
    }

    public static TheoryData<string> QueryNames() => StarWarsCorpus.Names();
}
