using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using GraphIntel.GraphQL.AspNetCore;
using GraphIntel.GraphQL.Tests.Conformance.StarWars;
using static GraphIntel.GraphQL.Tests.Http.GraphQLHttpExchange;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>
/// Trusted documents on a real server (starwars schema): loading from a folder and from manifests (hashes checked
/// against node's crypto), the Allow and Require modes, the bypass, and the refusals with their codes.
/// </summary>
public sealed class TrustedDocumentTests : IDisposable
{
    private const string Hero = "query Hero {\n  hero { name }\n}\n";
    private const string Human = "query Human($id: ID!) {\n  human(id: $id) { name }\n}\n";
    private const string Rename = "mutation Rename {\n  renameCharacter(id: \"1000\", name: \"Luke\") { name }\n}\n";
    private const string Other = "{ hero { id } }";

    private static readonly GraphQLService Service = new(StarWarsSchema.Build());

    private readonly string _folder = Directory.CreateTempSubdirectory("graphintel-trusted-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }


    private static async Task<StarWarsHttpServer> StartAsync(TrustedDocumentStore store, TrustedDocumentMode mode,
        Func<Microsoft.AspNetCore.Http.HttpContext, bool>? bypass = null, PersistedQueryStore? apq = null) =>
        await StarWarsHttpServer.StartAsync(options =>
        {
            options.TrustedDocuments = store;
            options.TrustedDocumentMode = mode;
            options.TrustedDocumentBypass = bypass;
            options.PersistedQueries = apq ?? new PersistedQueryStore();
        });

    private static string? Code(GraphQLHttpExchange exchange) =>
        exchange.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    private static HttpRequestMessage PostJson(object body, string? accept = null) => Post(JsonSerializer.Serialize(body), accept: accept);

    private static object Persisted(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    private static void AssertData(GraphQLHttpExchange exchange)
    {
        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.False(exchange.Body.TryGetProperty("errors", out _), exchange.Body.ToString());
    }

    [Fact]
    public async Task A_folder_of_graphql_files_is_registered_by_the_hashes_node_computes()
    {
        var files = new[] { Write("hero.graphql", Hero), Write("nested/deeper/human.graphql", Human), Write("rename.graphql", Rename) };
        Write("notes.md", "# not a document");

        var store = TrustedDocumentStore.Load(_folder, Service);

        Assert.Equal((await NodeSha256.OfFilesAsync(files)).Order(StringComparer.Ordinal), store.Hashes.Order(StringComparer.Ordinal));
        Assert.True(store.TryGet((await NodeSha256.OfFilesAsync(files[1]))[0], out var human) && human == Human);
    }

    [Fact]
    public async Task Apollo_manifests_and_flat_maps_are_read_and_their_ids_checked()
    {
        var hashes = await NodeSha256.OfFilesAsync(Write("a.graphql", Hero), Write("b.graphql", Human));
        var apollo = Write("apollo.json", JsonSerializer.Serialize(new
        {
            format = "apollo-persisted-query-manifest",
            version = 1,
            operations = new[] { new { id = hashes[0], name = "Hero", type = "query", body = Hero }, new { id = hashes[1], name = "Human", type = "query", body = Human } },
        }));
        var flat = Write("flat.json", JsonSerializer.Serialize(new Dictionary<string, string> { [hashes[0]] = Hero, ["sha256:" + hashes[1]] = Human }));
        var wrongId = Write("wrong.json", JsonSerializer.Serialize(new Dictionary<string, string> { [hashes[1]] = Hero }));

        Assert.Equal(hashes.Order(StringComparer.Ordinal), TrustedDocumentStore.Load(apollo, Service).Hashes.Order(StringComparer.Ordinal));
        Assert.Equal(hashes.Order(StringComparer.Ordinal), TrustedDocumentStore.Load(flat, Service).Hashes.Order(StringComparer.Ordinal));
        var problem = Assert.Throws<TrustedDocumentException>(() => TrustedDocumentStore.Load(wrongId, Service));
        Assert.Contains(hashes[0], problem.Message, StringComparison.Ordinal);
        Assert.StartsWith(wrongId, problem.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BrokenDocuments => new()
    {
        // Where the problem is, counted by hand in the text.
        { "query A {\n  hero {\n    nope\n  }\n}\n", ":3:5: Cannot query field \"nope\" on type \"Character\". Did you mean \"name\"?" },
        { "query A {\n  hero { name\n", ":3:1: Syntax Error: Expected Name, found <EOF>." },
        { "query A($id: ID!) { human(id: $id) { name } }\nquery A { hero { name } }", ":1:7: There can be only one operation named \"A\"." },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void A_broken_file_is_named_with_line_and_column(string document, string where)
    {
        Write("good.graphql", Hero);
        var broken = Write("sub/broken.graphql", document);

        var problem = Assert.Throws<TrustedDocumentException>(() => TrustedDocumentStore.Load(_folder, Service));

        Assert.Equal(broken + where, problem.Message);
    }

    [Fact]
    public void A_missing_path_an_empty_folder_and_a_broken_manifest_are_named()
    {
        Assert.Contains("does not exist", Assert.Throws<TrustedDocumentException>(() => TrustedDocumentStore.Load(Path.Combine(_folder, "none"), Service)).Message);
        Assert.Contains("holds no documents", Assert.Throws<TrustedDocumentException>(() => TrustedDocumentStore.Load(_folder, Service)).Message);
        var manifest = Write("m.json", "{\n  \"format\": \"apollo-persisted-query-manifest\",\n  \"version\": 1,\n  \"operations\": [{ \"id\": \"x\", \"name\": \"X\", \"body\": \"{ hero { nope } }\" }]\n}");
        Assert.Contains("operation 1 (X)", Assert.Throws<TrustedDocumentException>(() => TrustedDocumentStore.Load(manifest, Service)).Message);
        var notJson = Write("n.json", "{\n  \"a\": ");
        Assert.StartsWith(notJson + ":2:", Assert.Throws<TrustedDocumentException>(() => TrustedDocumentStore.Load(notJson, Service)).Message);
    }

    [Fact]
    public async Task Require_runs_trusted_documents_by_hash_and_in_full_and_refuses_everything_else()
    {
        var hashes = await NodeSha256.OfFilesAsync(Write("hero.graphql", Hero), Write("human.graphql", Human), Write("rename.graphql", Rename));
        var other = await NodeSha256.OfTextAsync(Other);
        var apq = new PersistedQueryStore();
        await using var server = await StartAsync(TrustedDocumentStore.Load(_folder, Service), TrustedDocumentMode.Require, apq: apq);

        AssertData(await SendAsync(server.Client, PostJson(new { documentId = "sha256:" + hashes[0] })));
        AssertData(await SendAsync(server.Client, Get("?documentId=sha256:" + hashes[1] + "&variables=" + Uri.EscapeDataString("{\"id\":\"1000\"}"))));
        AssertData(await SendAsync(server.Client, PostJson(new { extensions = Persisted(hashes[0]) })));
        AssertData(await SendAsync(server.Client, PostJson(new { query = Hero })));
        AssertData(await SendAsync(server.Client, PostJson(new { query = Hero, extensions = Persisted(hashes[0]) })));
        AssertData(await SendAsync(server.Client, PostJson(new { documentId = "sha256:" + hashes[2] })));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await SendAsync(server.Client, Get("?documentId=sha256:" + hashes[2]))).Status);

        var text = await SendAsync(server.Client, PostJson(new { query = Other }));
        var textGraphQL = await SendAsync(server.Client, PostJson(new { query = Other }, accept: "application/graphql-response+json"));
        var register = await SendAsync(server.Client, PostJson(new { query = Other, extensions = Persisted(other) }));
        var unknown = await SendAsync(server.Client, PostJson(new { documentId = "sha256:" + other }));
        var unknownApq = await SendAsync(server.Client, Get("?extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(Persisted(other)))));

        Assert.Equal((HttpStatusCode.OK, "TRUSTED_DOCUMENT_REQUIRED"), (text.Status, Code(text)));
        Assert.Contains(other, text.SingleErrorMessage(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "TRUSTED_DOCUMENT_REQUIRED"), (textGraphQL.Status, Code(textGraphQL)));
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", Code(register));
        Assert.Equal("TRUSTED_DOCUMENT_NOT_FOUND", Code(unknown));
        Assert.Equal("TRUSTED_DOCUMENT_NOT_FOUND", Code(unknownApq));
        Assert.False(text.HasData);
        Assert.Equal(0, apq.Count);
    }

    [Fact]
    public async Task Require_with_a_bypass_runs_the_caller_s_own_documents_and_registers_none()
    {
        Write("hero.graphql", Hero);
        var other = await NodeSha256.OfTextAsync(Other);
        var apq = new PersistedQueryStore();
        await using var server = await StartAsync(TrustedDocumentStore.Load(_folder, Service), TrustedDocumentMode.Require,
            bypass: context => context.Request.Headers.ContainsKey("X-Operator"), apq: apq);

        var operatorRequest = PostJson(new { query = Other, extensions = Persisted(other) });
        operatorRequest.Headers.Add("X-Operator", "yes");
        AssertData(await SendAsync(server.Client, operatorRequest));

        Assert.Equal(0, apq.Count);
        Assert.Equal("TRUSTED_DOCUMENT_NOT_FOUND", Code(await SendAsync(server.Client, PostJson(new { extensions = Persisted(other) }))));
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", Code(await SendAsync(server.Client, PostJson(new { query = Other }))));
    }

    [Fact]
    public async Task Allow_runs_trusted_documents_by_hash_and_everything_else_as_before()
    {
        var hashes = await NodeSha256.OfFilesAsync(Write("hero.graphql", Hero));
        var other = await NodeSha256.OfTextAsync(Other);
        var apq = new PersistedQueryStore();
        await using var server = await StartAsync(TrustedDocumentStore.Load(_folder, Service), TrustedDocumentMode.Allow, apq: apq);

        AssertData(await SendAsync(server.Client, Get("?documentId=" + hashes[0])));
        AssertData(await SendAsync(server.Client, PostJson(new { query = Other })));
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(await SendAsync(server.Client, PostJson(new { extensions = Persisted(other) }))));
        AssertData(await SendAsync(server.Client, PostJson(new { query = Other, extensions = Persisted(other) })));
        Assert.Equal(1, apq.Count);
        AssertData(await SendAsync(server.Client, PostJson(new { documentId = "sha256:" + other }))); // the APQ store, after the trusted ones
    }

    [Fact]
    public async Task Without_any_persisted_documents_a_document_id_is_not_supported()
    {
        await using var server = await StarWarsHttpServer.StartAsync();
        var exchange = await SendAsync(server.Client, PostJson(new { documentId = "sha256:" + new string('a', 64) }));
        Assert.Equal((HttpStatusCode.BadRequest, "PERSISTED_QUERY_NOT_SUPPORTED"), (exchange.Status, Code(exchange)));
    }
}
