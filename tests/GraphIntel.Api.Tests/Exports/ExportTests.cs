using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests.Exports;

/// <summary>
/// <c>/export/{format}</c> on the real host over the seeded curated data set, each format read back by an independent
/// reader from npm (tests/exchange/check.mjs: graphology-graphml, the FollowTheMoney model, csv-parse) and compared with
/// what the GraphQL API answers for the same graph and the same filter.
/// </summary>
public sealed class ExportTests(ApiHost api) : IClassFixture<ApiHost>
{
    private const string AllStatuses = "[ASSERTED, DISPUTED, DENIED, RETRACTED]";
    private static readonly string Readers = RepoPaths.In("tests/exchange");

    private sealed record ApiRelationship(string Id, string Type, string From, string To, string Status, IReadOnlyList<string> Quotes);
    private sealed record ApiEntity(string Id, string Kind, string Name, IReadOnlyList<string> Aliases);

    /// <summary>Every entity (every kind's connection, paged) and its outgoing relationships, as the GraphQL API answers.</summary>
    private async Task<(List<ApiEntity> Entities, List<ApiRelationship> Relationships)> FromGraphQL(string relationshipArguments)
    {
        var entities = new List<ApiEntity>();
        var relationships = new List<ApiRelationship>();
        foreach (var connection in new[] { "organizations", "people", "places", "events" })
        {
            string? after = null;
            do
            {
                var response = await api.QueryAsync(
                    $$"""
                    query($after: String) { {{connection}}(first: 25, after: $after) { pageInfo { hasNextPage endCursor } edges { node {
                      id __typename name aliases
                      relationships(direction: OUTGOING, {{relationshipArguments}}) { id type status from { id } to { id } citations { quote } }
                    } } } }
                    """, new { after });
                Assert.False(response.Body.TryGetProperty("errors", out var errors), errors.ToString());
                var page = response.Body.GetProperty("data").GetProperty(connection);
                foreach (var node in page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")))
                {
                    entities.Add(new ApiEntity(node.GetProperty("id").GetString()!, node.GetProperty("__typename").GetString()!.ToUpperInvariant(),
                        node.GetProperty("name").GetString()!, node.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).ToList()));
                    relationships.AddRange(node.GetProperty("relationships").EnumerateArray().Select(r => new ApiRelationship(
                        r.GetProperty("id").GetString()!, r.GetProperty("type").GetString()!, r.GetProperty("from").GetProperty("id").GetString()!,
                        r.GetProperty("to").GetProperty("id").GetString()!, r.GetProperty("status").GetString()!,
                        r.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("quote").GetString()!).ToList())));
                }
                var info = page.GetProperty("pageInfo");
                after = info.GetProperty("hasNextPage").GetBoolean() ? info.GetProperty("endCursor").GetString() : null;
            } while (after is not null);
        }
        return (entities, relationships);
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string path, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var response = await api.Http.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<JsonElement> Read(string mode, params string[] files)
    {
        if (!Directory.Exists(Path.Combine(Readers, "node_modules")))
        {
            var install = await ChildProcess.RunAsync(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]) { WorkingDirectory = Readers }, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci in tests/exchange failed: {install}");
        }
        var run = await ChildProcess.RunAsync(new ProcessStartInfo("node", ["check.mjs", mode, .. files]) { WorkingDirectory = Readers }, TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, $"the {mode} reader refused the export: {run.Stderr}");
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    private static async Task<string> Save(byte[] body, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), $"graphintel-export-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllBytesAsync(file, body);
        return file;
    }

    private static List<string> Strings(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static List<string> Quotes(string citationsJson) =>
        JsonDocument.Parse(citationsJson).RootElement.EnumerateArray().Select(c => c.GetProperty("quote").GetString()!).ToList();

    /// <summary>The CSV export unpacked: (nodes.csv, edges.csv) paths, read back by csv-parse.</summary>
    private async Task<JsonElement> CsvAsync(string query)
    {
        var (response, body) = await GetAsync("/export/csv" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var directory = Path.Combine(Path.GetTempPath(), $"graphintel-csv-{Guid.NewGuid():N}");
        using (var zip = new ZipArchive(new MemoryStream(body))) zip.ExtractToDirectory(directory);
        Assert.Equal(["edges.csv", "nodes.csv"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        return await Read("csv", Path.Combine(directory, "nodes.csv"), Path.Combine(directory, "edges.csv"));
    }

    private const string KibUnderIsisK = "rel/UNDER_UMBRELLA_OF/org/kib/org/isis-k/-";

    [Fact]
    public async Task GraphML_read_back_by_graphology_has_the_API_entities_relationships_and_citations()
    {
        var (response, body) = await GetAsync("/export/graphml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphml+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("graphintel.graphml", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var graph = await Read("graphml", await Save(body, "graphml"));
        var (entities, relationships) = await FromGraphQL($"status: {AllStatuses}");

        Assert.Equal("directed", graph.GetProperty("type").GetString());
        var nodes = graph.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        Assert.Equal(entities.Select(e => e.Id).Order(StringComparer.Ordinal), nodes.Keys.Order(StringComparer.Ordinal));
        foreach (var e in entities)
        {
            var a = nodes[e.Id].GetProperty("attributes");
            Assert.Equal(e.Name, a.GetProperty("name").GetString());
            Assert.Equal(e.Name, a.GetProperty("label").GetString());
            Assert.Equal(e.Kind, a.GetProperty("kind").GetString());
            Assert.Equal(e.Aliases, Strings(a.GetProperty("aliases").GetString()!));
        }
        var edges = graph.GetProperty("edges").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        Assert.Equal(relationships.Select(r => r.Id).Order(StringComparer.Ordinal), edges.Keys.Order(StringComparer.Ordinal));
        foreach (var r in relationships)
        {
            var edge = edges[r.Id];
            var a = edge.GetProperty("attributes");
            Assert.Equal((r.From, r.To, r.Type, r.Status), (edge.GetProperty("source").GetString(), edge.GetProperty("target").GetString(),
                a.GetProperty("type").GetString(), a.GetProperty("status").GetString()));
            Assert.Equal(r.Quotes, Quotes(a.GetProperty("citations").GetString()!));
            Assert.Equal(r.Quotes.Count, a.GetProperty("citationCount").GetInt32()); // typed int by the key's attr.type
        }

        // A known fact, its quote found in the source document's own text (seed/sources), not in anything the API wrote.
        var kib = edges[KibUnderIsisK].GetProperty("attributes");
        Assert.Equal("DISPUTED", kib.GetProperty("status").GetString());
        var texts = Directory.GetFiles(RepoPaths.In("seed/sources"), "*.txt").Select(f => Squash(File.ReadAllText(f))).ToList();
        var quotes = Quotes(kib.GetProperty("citations").GetString()!);
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Contains(texts, t => t.Contains(Squash(q), StringComparison.Ordinal)));
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ");

    [Fact]
    public async Task FollowTheMoney_lines_validate_against_the_model_and_carry_every_fact()
    {
        var (response, body) = await GetAsync("/export/ftm");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var result = await Read("ftm", await Save(body, "ftm.json"));
        Assert.Empty(result.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        var (entities, relationships) = await FromGraphQL($"status: {AllStatuses}");

        var ftm = result.GetProperty("entities").EnumerateArray().ToList();
        Assert.Equal(entities.Count + relationships.Count, ftm.Count);
        static IEnumerable<string> Values(JsonElement e, string property) =>
            e.GetProperty("properties").TryGetProperty(property, out var v) ? v.EnumerateArray().Select(x => x.GetString()!) : [];
        var byRecord = ftm.Where(e => Values(e, "recordId").Any()).ToDictionary(e => Values(e, "recordId").Single());
        Assert.Equal(relationships.Select(r => r.Id).Order(StringComparer.Ordinal), byRecord.Keys.Order(StringComparer.Ordinal));
        foreach (var r in relationships)
        {
            var summaries = Values(byRecord[r.Id], "summary").ToList();
            Assert.All(r.Quotes, q => Assert.Contains(summaries, s => s.Contains(q, StringComparison.Ordinal)));
        }
        var people = ftm.Where(e => e.GetProperty("schema").GetString() == "Person").Select(e => e.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(entities.Count(e => e.Kind == "PERSON"), people.Count);

        var kib = byRecord[KibUnderIsisK];
        Assert.Equal("Membership", kib.GetProperty("schema").GetString());
        Assert.Equal(["gi.org.kib"], Values(kib, "member"));
        Assert.Equal(["gi.org.isis-k"], Values(kib, "organization"));
        Assert.Equal(["DISPUTED"], Values(kib, "status"));
        var leads = relationships.First(r => r.Type == "LEADS");
        Assert.Equal("Directorship", byRecord[leads.Id].GetProperty("schema").GetString());
        var rebrand = relationships.First(r => r.Type == "REBRANDED_AS");
        Assert.Equal("Succession", byRecord[rebrand.Id].GetProperty("schema").GetString());
        Assert.Equal(["gi." + rebrand.From.Replace('/', '.')], Values(byRecord[rebrand.Id], "predecessor"));
    }

    [Fact]
    public async Task CSV_read_back_by_csv_parse_equals_the_API_nodes_and_edges()
    {
        var csv = await CsvAsync("");
        var (entities, relationships) = await FromGraphQL($"status: {AllStatuses}");
        var nodes = csv.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(
            entities.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => $"{e.Id}|{e.Kind}|{e.Name}|{string.Join("¦", e.Aliases)}"),
            nodes.Select(n => $"{n.GetProperty("id").GetString()}|{n.GetProperty("kind").GetString()}|{n.GetProperty("name").GetString()}|" +
                string.Join("¦", Strings(n.GetProperty("aliases").GetString()!))));
        var edges = csv.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(
            relationships.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => $"{r.Id}|{r.Type}|{r.From}|{r.To}|{r.Status}|{string.Join("¦", r.Quotes)}"),
            edges.Select(e => $"{e.GetProperty("id").GetString()}|{e.GetProperty("type").GetString()}|{e.GetProperty("from").GetString()}|" +
                $"{e.GetProperty("to").GetString()}|{e.GetProperty("status").GetString()}|{string.Join("¦", Quotes(e.GetProperty("citations").GetString()!))}"));
    }

    [Theory]
    [InlineData("asOf=2019", "asOf: \"2019\"")]
    [InlineData("asOf=2016&certainty=POSSIBLE", "asOf: \"2016\", certainty: POSSIBLE")]
    [InlineData("types=LEADS,UNDER_UMBRELLA_OF&status=DISPUTED,ASSERTED", "types: [LEADS, UNDER_UMBRELLA_OF], status: [DISPUTED, ASSERTED]")]
    public async Task Filters_keep_exactly_the_relationships_the_API_answers_with_the_same_arguments(string query, string arguments)
    {
        var csv = await CsvAsync("?" + query);
        var (_, expected) = await FromGraphQL(arguments);
        var (_, all) = await FromGraphQL($"status: {AllStatuses}");
        var ids = csv.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Equal(expected.Select(r => r.Id).Order(StringComparer.Ordinal), ids);
        Assert.InRange(ids.Count, 1, all.Count - 1); // the filter kept some and dropped some
    }

    [Theory]
    [InlineData("/export/graphml?asOf=20x9", 400, "asOf")]
    [InlineData("/export/graphml?asOf=2019-13", 400, "asOf")]
    [InlineData("/export/ftm?certainty=POSSIBLE", 400, "certainty")]
    [InlineData("/export/csv?types=LEADS,FOUNDER", 400, "types")]
    [InlineData("/export/csv?status=CONFIRMED", 400, "status")]
    [InlineData("/export/json?asof=2019", 400, "asof")]
    [InlineData("/export/json?asOf=2019&asOf=2020", 400, "asOf")]
    [InlineData("/export/gexf", 404, "format")]
    public async Task A_bad_parameter_is_a_problem_naming_it(string path, int status, string parameter)
    {
        var (response, body) = await GetAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Equal(status == 404 ? "NOT_FOUND" : "BAD_USER_INPUT", problem.GetProperty("code").GetString());
        Assert.Contains("'", problem.GetProperty("detail").GetString()); // quotes the value it refused
    }

    [Fact]
    public async Task JSON_and_Cypher_over_HTTP_are_what_the_CLI_writes()
    {
        foreach (var (format, start) in new[] { ("json", "{"), ("cypher", "//") })
        {
            var (response, body) = await GetAsync("/export/" + format);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith(start, System.Text.Encoding.UTF8.GetString(body));
            var expected = new MemoryStream();
            await Graph.Exchange.ExportFormatters.Find(format)!.WriteAsync(await api.Store.ExportAsync(), expected);
            Assert.Equal(expected.ToArray(), body);
        }
    }
}

/// <summary>The host with reads behind a key, and room for one export at a time.</summary>
public sealed class KeyedExportHost : ApiHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Auth:RequireKeyForReads"] = "true",
    };
}

/// <summary>Exports are reads: when reads need a key, so does <c>/export</c>; an unknown key is refused.</summary>
public sealed class ExportAuthorizationTests(KeyedExportHost api) : IClassFixture<KeyedExportHost>
{
    [Theory]
    [InlineData(null, 401)]
    [InlineData("not-a-key", 401)]
    [InlineData(ApiHost.ReaderKey, 200)]
    public async Task Export_needs_a_key_when_reads_do(string? key, int status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/export/graphml");
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await api.Http.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
    }
}

/// <summary>The host with exports capped at 10 KB.</summary>
public sealed class CappedExportHost : ApiHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Limits:MaxExportBytes"] = "10000",
    };
}

/// <summary>An export past <c>MaxExportBytes</c> ends with the connection aborted: the client never gets a cut file as a whole one.</summary>
public sealed class ExportCapTests(CappedExportHost api) : IClassFixture<CappedExportHost>
{
    [Theory]
    [InlineData("graphml")]
    [InlineData("csv")]
    public async Task An_export_past_the_byte_cap_fails_the_transfer(string format)
    {
        await Assert.ThrowsAnyAsync<HttpRequestException>(async () =>
        {
            using var response = await api.Http.GetAsync("/export/" + format);
            await response.Content.ReadAsByteArrayAsync();
        });
        // The API is still there, and a small answer still comes whole.
        using var refused = await api.Http.GetAsync("/export/graphml?asOf=nope");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
