using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphIntel.Api.Tests.Support;
using GraphIntel.GraphQL.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphIntel.Api.Tests;

/// <summary>The operations a dashboard's build produced, as files: written to a temporary folder before the host starts.</summary>
internal static class DashboardOperations
{
    public const string Statistics = "query DashboardStatistics {\n  statistics { organizations sources }\n}\n";
    public const string Organization = "query DashboardOrganization($id: ID!) {\n  organization(id: $id) { id name }\n}\n";
    /// <summary>Two operations in one document, with a fragment (selected by operationName).</summary>
    public const string Pair = "fragment Named on Organization { id name }\nquery PairA { organization(id: \"org/kib\") { ...Named } }\nquery PairB { organization(id: \"org/isis-k\") { ...Named } }\n";

    /// <summary>Writes the documents as .graphql files (one in a subfolder) into a new temporary folder.</summary>
    public static string WriteFolder()
    {
        var folder = Directory.CreateTempSubdirectory("graphintel-trusted-").FullName;
        File.WriteAllText(Path.Combine(folder, "statistics.graphql"), Statistics, new UTF8Encoding(false));
        Directory.CreateDirectory(Path.Combine(folder, "entities"));
        File.WriteAllText(Path.Combine(folder, "entities", "organization.graphql"), Organization, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, "entities", "pair.graphql"), Pair, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, "README.txt"), "not a document", new UTF8Encoding(false));
        return folder;
    }
}

/// <summary>The API requiring trusted documents, loaded from a folder of .graphql files; editors may bypass the list.</summary>
public sealed class RequireTrustedDocumentsHost : ApiHost
{
    public string Folder { get; } = DashboardOperations.WriteFolder();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:TrustedDocuments:Mode"] = "Require",
        ["GraphIntel:TrustedDocuments:Path"] = Folder,
        ["GraphIntel:TrustedDocuments:BypassRole"] = "editor",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>Require mode on the real host: only the registered operations run, by hash or in full.</summary>
public sealed class RequireTrustedDocumentTests(RequireTrustedDocumentsHost api) : IClassFixture<RequireTrustedDocumentsHost>
{
    private const string Unregistered = "{ statistics { organizations } }";

    internal static async Task<GraphQLResponse> PostAsync(HttpClient http, object body, string? key = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        if (accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonDocument.Parse(raw).RootElement.Clone(), raw);
    }

    internal static async Task<GraphQLResponse> GetAsync(HttpClient http, string queryString)
    {
        using var response = await http.GetAsync("/graphql?" + queryString);
        var raw = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonDocument.Parse(raw).RootElement.Clone(), raw);
    }

    private static object Persisted(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    private async Task<string[]> NodeHashesAsync() => await NodeSha256.OfFilesAsync(
        Path.Combine(api.Folder, "statistics.graphql"),
        Path.Combine(api.Folder, "entities", "organization.graphql"),
        Path.Combine(api.Folder, "entities", "pair.graphql"));

    [Fact]
    public async Task The_registered_hashes_are_the_ones_node_computes_from_the_files()
    {
        var trusted = api.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.TrustedDocuments;

        Assert.NotNull(trusted);
        Assert.Equal((await NodeHashesAsync()).Order(StringComparer.Ordinal), trusted.Hashes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_registered_operation_runs_by_hash_over_POST_and_GET_and_in_full()
    {
        var hashes = await NodeHashesAsync();
        var variables = new { id = "org/kib" };
        var inFull = (await PostAsync(api.Http, new { query = DashboardOperations.Organization, variables })).Ok();
        Assert.Equal("org/kib", inFull.GetProperty("organization").GetProperty("id").GetString());

        var byDocumentId = (await PostAsync(api.Http, new { documentId = "sha256:" + hashes[1], variables })).Ok();
        var byBareHex = (await PostAsync(api.Http, new { documentId = hashes[1], variables })).Ok();
        var byExtension = (await PostAsync(api.Http, new { extensions = Persisted(hashes[1]), variables })).Ok();
        var encodedVariables = Uri.EscapeDataString(JsonSerializer.Serialize(variables));
        var byGet = (await GetAsync(api.Http, $"documentId=sha256:{hashes[1]}&variables={encodedVariables}")).Ok();
        var byGetExtension = (await GetAsync(api.Http,
            $"extensions={Uri.EscapeDataString(JsonSerializer.Serialize(Persisted(hashes[1])))}&variables={encodedVariables}")).Ok();

        foreach (var answer in new[] { byDocumentId, byBareHex, byExtension, byGet, byGetExtension })
        {
            Assert.Equal(inFull.ToString(), answer.ToString());
        }
    }

    [Fact]
    public async Task A_document_of_two_operations_runs_the_one_named()
    {
        var hash = (await NodeHashesAsync())[2];
        var b = (await PostAsync(api.Http, new { documentId = "sha256:" + hash, operationName = "PairB" })).Ok();
        Assert.Equal("org/isis-k", b.GetProperty("organization").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_unregistered_document_is_refused_with_the_code_and_what_to_do()
    {
        var json = await PostAsync(api.Http, new { query = Unregistered });
        var graphQLResponse = await PostAsync(api.Http, new { query = Unregistered }, accept: "application/graphql-response+json");
        var get = await GetAsync(api.Http, "query=" + Uri.EscapeDataString(Unregistered));

        Assert.Equal((200, "TRUSTED_DOCUMENT_REQUIRED"), (json.Status, json.ErrorCode()));
        Assert.Equal((400, "TRUSTED_DOCUMENT_REQUIRED"), (graphQLResponse.Status, graphQLResponse.ErrorCode()));
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", get.ErrorCode());
        Assert.Contains("documentId", json.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(await NodeSha256.OfTextAsync(Unregistered), json.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(json.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task An_unknown_hash_is_refused_as_not_found()
    {
        var unknown = await NodeSha256.OfTextAsync(Unregistered);

        var byDocumentId = await PostAsync(api.Http, new { documentId = "sha256:" + unknown });
        var byExtension = await PostAsync(api.Http, new { extensions = Persisted(unknown) });
        var byGet = await GetAsync(api.Http, "documentId=sha256:" + unknown);

        Assert.Equal("TRUSTED_DOCUMENT_NOT_FOUND", byDocumentId.ErrorCode());
        Assert.Equal("TRUSTED_DOCUMENT_NOT_FOUND", byExtension.ErrorCode());
        Assert.Equal("TRUSTED_DOCUMENT_NOT_FOUND", byGet.ErrorCode());
        Assert.Contains(unknown, byDocumentId.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_with_an_automatic_persisted_query_is_refused_and_nothing_is_kept()
    {
        const string query = "{ statistics { sources } } # apq in require mode";
        var hash = await NodeSha256.OfTextAsync(query);

        var register = await PostAsync(api.Http, new { query, extensions = Persisted(hash) });
        var again = await PostAsync(api.Http, new { extensions = Persisted(hash) });

        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", register.ErrorCode());
        Assert.Contains("register", register.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("TRUSTED_DOCUMENT_NOT_FOUND", again.ErrorCode());
    }

    [Fact]
    public async Task An_editor_may_bypass_the_list_a_reader_may_not_and_the_bypass_answer_is_not_served_to_others()
    {
        const string query = "{ statistics { organizations } } # operator in GraphiQL";

        var editor = await PostAsync(api.Http, new { query }, ApiHost.EditorKey);
        var reader = await PostAsync(api.Http, new { query }, ApiHost.ReaderKey);
        var anonymous = await PostAsync(api.Http, new { query });
        var anonymousAgain = await PostAsync(api.Http, new { query });

        Assert.True(editor.Ok().GetProperty("statistics").GetProperty("organizations").GetInt32() > 0);
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", reader.ErrorCode());
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", anonymous.ErrorCode());
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", anonymousAgain.ErrorCode());
    }

    [Fact]
    public async Task A_malformed_document_id_or_one_sent_with_a_query_is_a_clear_error()
    {
        var hash = (await NodeHashesAsync())[0];
        var malformed = await PostAsync(api.Http, new { documentId = "md5:0123" });
        var both = await PostAsync(api.Http, new { documentId = "sha256:" + hash, query = DashboardOperations.Statistics });

        Assert.Equal((400, "PERSISTED_QUERY_INVALID"), (malformed.Status, malformed.ErrorCode()));
        Assert.Contains("sha256:", malformed.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((400, "PERSISTED_QUERY_INVALID"), (both.Status, both.ErrorCode()));
    }
}

/// <summary>
/// The API allowing trusted documents from the manifest Apollo's own generator (npm
/// <c>@apollo/generate-persisted-query-manifest</c>, tests/apollo-manifest) writes for the dashboard's .graphql files:
/// one entry per operation, with the fragments it uses and <c>__typename</c> added, its id the SHA-256 of that body.
/// </summary>
public sealed class AllowTrustedDocumentsHost : ApiHost
{
    private static readonly string Generator = RepoPaths.In("tests/apollo-manifest");

    public string Folder { get; } = Directory.CreateTempSubdirectory("graphintel-manifest-").FullName;

    public string Manifest => Path.Combine(Folder, "persisted-query-manifest.json");

    /// <summary>The manifest's operations by name: (id, body), as the generator wrote them.</summary>
    public IReadOnlyDictionary<string, (string Id, string Body)> Operations { get; }

    public AllowTrustedDocumentsHost()
    {
        var source = Directory.CreateDirectory(Path.Combine(Folder, "src")).FullName;
        File.WriteAllText(Path.Combine(source, "statistics.graphql"), DashboardOperations.Statistics);
        File.WriteAllText(Path.Combine(source, "organization.graphql"), DashboardOperations.Organization);
        // One operation per file, as the generator wants; the fragment in a file of its own is found by name.
        File.WriteAllText(Path.Combine(source, "named.graphql"), "fragment Named on Organization { id name }\n");
        File.WriteAllText(Path.Combine(source, "pair-a.graphql"), "query PairA { organization(id: \"org/kib\") { ...Named } }\n");
        File.WriteAllText(Path.Combine(source, "pair-b.graphql"), "query PairB { organization(id: \"org/isis-k\") { ...Named } }\n");
        if (!Directory.Exists(Path.Combine(Generator, "node_modules")))
        {
            var install = ChildProcess.RunAsync(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]) { WorkingDirectory = Generator },
                TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
            Assert.True(install.ExitCode == 0, install.ToString());
        }
        var cli = Path.Combine(Generator, "node_modules", "@apollo", "generate-persisted-query-manifest", "cli.js");
        var run = ChildProcess.RunAsync(new ProcessStartInfo("node", [cli]) { WorkingDirectory = Folder }, TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        Assert.True(run.ExitCode == 0, run.ToString());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Manifest));
        Operations = manifest.RootElement.GetProperty("operations").EnumerateArray().ToDictionary(
            o => o.GetProperty("name").GetString()!, o => (o.GetProperty("id").GetString()!, o.GetProperty("body").GetString()!));
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:TrustedDocuments:Mode"] = "Allow",
        ["GraphIntel:TrustedDocuments:Path"] = Manifest,
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

public sealed class AllowTrustedDocumentTests(AllowTrustedDocumentsHost api) : IClassFixture<AllowTrustedDocumentsHost>
{
    [Fact]
    public async Task The_generator_s_ids_are_the_hashes_node_computes_and_the_ones_registered()
    {
        var trusted = api.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.TrustedDocuments!;
        var fromNode = new List<string>();
        foreach (var (_, body) in api.Operations.Values) fromNode.Add(await NodeSha256.OfTextAsync(body));

        Assert.Equal(["DashboardOrganization", "DashboardStatistics", "PairA", "PairB"], api.Operations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(api.Operations.Values.Select(o => o.Id), fromNode);
        Assert.Equal(fromNode.Order(StringComparer.Ordinal), trusted.Hashes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Manifest_operations_run_by_hash_and_other_documents_still_run()
    {
        var (id, body) = api.Operations["PairB"];
        var byHash = (await RequireTrustedDocumentTests.PostAsync(api.Http, new { documentId = "sha256:" + id })).Ok();
        var inFull = (await RequireTrustedDocumentTests.PostAsync(api.Http, new { query = body })).Ok();
        var other = (await RequireTrustedDocumentTests.PostAsync(api.Http, new { query = "{ statistics { sources } } # not in the manifest" })).Ok();

        Assert.Equal("org/isis-k", byHash.GetProperty("organization").GetProperty("id").GetString());
        Assert.Equal(inFull.ToString(), byHash.ToString());
        Assert.True(other.GetProperty("statistics").GetProperty("sources").GetInt32() > 0);
    }

    [Fact]
    public async Task Automatic_persisted_queries_still_work_beside_them_and_trusted_hashes_come_first()
    {
        const string query = "{ statistics { organizations } } # apq beside trusted documents";
        var hash = await NodeSha256.OfTextAsync(query);
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };

        var miss = await RequireTrustedDocumentTests.PostAsync(api.Http, new { extensions });
        var register = await RequireTrustedDocumentTests.PostAsync(api.Http, new { query, extensions });
        var hit = await RequireTrustedDocumentTests.PostAsync(api.Http, new { extensions });
        var trusted = await RequireTrustedDocumentTests.PostAsync(api.Http,
            new { extensions = new { persistedQuery = new { version = 1, sha256Hash = api.Operations["DashboardStatistics"].Id } } });

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", miss.ErrorCode());
        Assert.Equal(register.Ok().ToString(), hit.Ok().ToString());
        Assert.True(trusted.Ok().GetProperty("statistics").GetProperty("sources").GetInt32() > 0);
    }
}

/// <summary>A trusted document that cannot be used stops the API at start, naming its file, line and column.</summary>
public sealed class TrustedDocumentStartupTests
{
    public static TheoryData<string, string, string> Broken => new()
    {
        // The document, and where its problem is (line:column, counted in the text above) with the message's start.
        { "query Broken {\n  statistics {\n    nope\n  }\n}\n", "3:5", "Cannot query field \"nope\"" },
        { "query Broken {\n  statistics {\n    organizations\n  \n", "5:1", "Syntax Error" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_document_stops_the_api_naming_the_file_and_where(string document, string where, string message)
    {
        var folder = DashboardOperations.WriteFolder();
        var dataDirectory = Directory.CreateTempSubdirectory("graphintel-trusted-data-").FullName;
        var broken = Path.Combine(folder, "entities", "broken.graphql");
        File.WriteAllText(broken, document, new UTF8Encoding(false));
        try
        {
            var run = await ApiProcess.RunToExitAsync(new Dictionary<string, string>
            {
                ["GraphIntel__TrustedDocuments__Mode"] = "Require",
                ["GraphIntel__TrustedDocuments__Path"] = folder,
                ["GRAPHINTEL_DATA_DIR"] = dataDirectory,
            });

            Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}; stderr:\n{run.Error}\nstdout:\n{run.Output}");
            var line = Assert.Single(run.ErrorLines);
            Assert.StartsWith($"GraphIntel API cannot start: GraphIntel:TrustedDocuments:Path: {broken}:{where}: {message}", line);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Require_without_a_path_stops_the_api_saying_so()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("graphintel-trusted-data-").FullName;
        try
        {
            var run = await ApiProcess.RunToExitAsync(new Dictionary<string, string>
            {
                ["GraphIntel__TrustedDocuments__Mode"] = "Require",
                ["GRAPHINTEL_DATA_DIR"] = dataDirectory,
            });

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(["GraphIntel API cannot start: GraphIntel:TrustedDocuments:Mode is Require, so GraphIntel:TrustedDocuments:Path must name a folder of .graphql files or a .json manifest."],
                run.ErrorLines);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
