using System.Text.Json;
using System.Text.Json.Nodes;
using GraphIntel.GraphQL.Tests.Conformance.StarWars;
using GraphIntel.GraphQL.Tests.Http;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Tests.Conformance;

/// <summary>
/// The introspection oracle (tests/conformance/introspection-oracle.mjs): graphql-js rebuilds the schema from the
/// engine's introspection (buildClientSchema) and prints it; it must print exactly as the SDL the schema was built
/// from. Runs for the starwars schema, in-process and over HTTP, for the benchmark schema, for the API's schema
/// (api/GraphIntel.Api/Schema/schema.graphql), and for every SDL file listed in the environment variable
/// GRAPHINTEL_ORACLE_SDL (separated by the platform's path separator).
/// </summary>
public sealed class IntrospectionOracleTests
{
    /// <summary>graphql-js's getIntrospectionQuery with every option on (the corpus entry "introspection-full-query-all-options").</summary>
    private static readonly Lazy<string> FullIntrospectionQuery = new(() => StarWarsCorpus.Queries["introspection-full-query-all-options"].Query);

    public static TheoryData<string> SdlFiles()
    {
        var files = new TheoryData<string>
        {
            Path.Combine("tests", "conformance", "starwars", "schema.graphql"),
            Path.Combine("tests", "GraphIntel.Benchmarks", "Engine", "dashboard.graphql"),
            Path.Combine("api", "GraphIntel.Api", "Schema", "schema.graphql"),
        };
        var extra = Environment.GetEnvironmentVariable("GRAPHINTEL_ORACLE_SDL");
        foreach (var path in (extra ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            files.Add(path);
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(SdlFiles))]
    public async Task Introspection_of_a_schema_built_from_sdl_prints_as_that_sdl(string sdlFile)
    {
        var sdlPath = Path.IsPathRooted(sdlFile) ? sdlFile : Path.Combine(RepositoryPaths.Root, sdlFile);
        var schema = SchemaBuilder.FromSdl(File.ReadAllText(sdlPath), sdlFile).UseDefaultFieldResolver().Build();

        var introspection = await IntrospectAsync(new GraphQLService(schema));
        var run = await RunOracleAsync(introspection, sdlPath);

        Assert.True(run.ExitCode == 0 && run.StandardOutput.Trim() == "identical", $"{sdlFile}: {run}");
    }

    [Fact]
    public async Task Introspection_of_the_bound_starwars_schema_prints_as_its_sdl()
    {
        var introspection = await IntrospectAsync(new GraphQLService(StarWarsSchema.Build()));
        var run = await RunOracleAsync(introspection, StarWarsSchema.SdlPath);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Introspection_over_http_prints_as_the_sdl()
    {
        await using var server = await StarWarsHttpServer.StartAsync();

        var run = await NodeRunner.RunScriptAsync("introspection-oracle.mjs", server.Endpoint.ToString(), StarWarsSchema.SdlPath);

        Assert.True(run.ExitCode == 0 && run.StandardOutput.Trim() == "identical", run.ToString());
    }

    [Fact]
    public async Task Oracle_reports_a_missing_field()
    {
        var introspection = JsonNode.Parse(await IntrospectAsync(new GraphQLService(StarWarsSchema.Build())))!;
        var human = introspection["data"]!["__schema"]!["types"]!.AsArray().Single(t => (string?)t!["name"] == "Human")!;
        var fields = human["fields"]!.AsArray();
        fields.Remove(fields.Single(f => (string?)f!["name"] == "starships"));

        var run = await RunOracleAsync(introspection.ToJsonString(), StarWarsSchema.SdlPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("starships: [Starship!]!", run.StandardOutput, StringComparison.Ordinal);
    }

    private static async Task<string> IntrospectAsync(GraphQLService service)
    {
        var result = await service.ExecuteAsync(new GraphQLRequest { Query = FullIntrospectionQuery.Value }, CancellationToken.None);
        var json = result.ToJson();
        using var document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.TryGetProperty("errors", out _), $"introspection failed: {json}");
        return json;
    }

    private static async Task<NodeRunResult> RunOracleAsync(string introspectionJson, string sdlPath)
    {
        var file = Path.Combine(Path.GetTempPath(), $"graphintel-introspection-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, introspectionJson);
        try
        {
            return await NodeRunner.RunScriptAsync("introspection-oracle.mjs", file, sdlPath);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
