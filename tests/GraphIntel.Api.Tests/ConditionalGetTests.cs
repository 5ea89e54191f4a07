using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>
/// ETag and 304 on GET answers on the real host (embedded store, store cache on): a tag per request, caller and data
/// version; If-None-Match per RFC 9110 §13.1.2; a write through the API makes every tag stale.
/// </summary>
public sealed class ConditionalGetTests(ApiHost api) : IClassFixture<ApiHost>
{
    private const string Query = """{ organization(id: "org/kib") { id name } }""";

    private sealed record Answer(HttpStatusCode Status, string? ETag, string? CacheControl, string Vary, string Body);

    private async Task<Answer> GetAsync(string query, string? ifNoneMatch = null, string? key = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await SendAsync(request);
    }

    private async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using var response = await api.Http.SendAsync(request);
        // Cache-Control as sent (HttpClient's parsed value reorders the directives).
        var cacheControl = response.Headers.NonValidated.TryGetValues("Cache-Control", out var values) ? string.Join(", ", values) : null;
        return new Answer(response.StatusCode, response.Headers.ETag?.ToString(), cacheControl,
            string.Join(", ", response.Headers.Vary), await response.Content.ReadAsStringAsync());
    }

    private static void AssertNotModified(Answer answer, string etag)
    {
        Assert.Equal(HttpStatusCode.NotModified, answer.Status);
        Assert.Equal("", answer.Body);
        Assert.Equal(etag, answer.ETag);
        Assert.Equal("no-cache", answer.CacheControl);
    }

    [Fact]
    public async Task A_GET_answer_carries_a_weak_tag_and_its_revalidation_is_a_304_without_a_body()
    {
        var first = await GetAsync(Query);
        var again = await GetAsync(Query);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.StartsWith("W/\"", first.ETag, StringComparison.Ordinal);
        Assert.Equal(first.ETag, again.ETag);
        Assert.Equal("no-cache", first.CacheControl);
        Assert.Equal("Accept, Authorization, X-Api-Key", first.Vary);
        AssertNotModified(await GetAsync(Query, first.ETag), first.ETag!);
    }

    [Fact]
    public async Task If_None_Match_lists_and_star_follow_RFC_9110()
    {
        var etag = (await GetAsync(Query)).ETag!;
        var strongForm = etag[2..]; // weak comparison: "x" matches W/"x"

        AssertNotModified(await GetAsync(Query, $"\"other\", {etag}"), etag);
        AssertNotModified(await GetAsync(Query, $"W/\"a\",W/\"b\" ,  {strongForm}"), etag);
        AssertNotModified(await GetAsync(Query, "*"), etag);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Query, "\"other\", W/\"another\"")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Query, "not-a-tag")).Status);
    }

    [Fact]
    public async Task The_tag_differs_by_document_by_media_type_and_by_caller_whose_answer_is_private()
    {
        var anonymous = await GetAsync(Query);
        var other = await GetAsync("""{ organization(id: "org/isis-k") { id name } }""");
        var asGraphQLResponse = await GetAsync(Query, accept: "application/graphql-response+json");
        var reader = await GetAsync(Query, key: ApiHost.ReaderKey);
        var editor = await GetAsync(Query, key: ApiHost.EditorKey);

        Assert.Equal(5, new[] { anonymous.ETag, other.ETag, asGraphQLResponse.ETag, reader.ETag, editor.ETag }.Distinct().Count());
        Assert.Equal("private, no-cache", reader.CacheControl);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Query, anonymous.ETag, key: ApiHost.ReaderKey)).Status);
        AssertRevalidatedPrivately(await GetAsync(Query, reader.ETag, key: ApiHost.ReaderKey), reader.ETag!);

        static void AssertRevalidatedPrivately(Answer answer, string etag)
        {
            Assert.Equal(HttpStatusCode.NotModified, answer.Status);
            Assert.Equal(etag, answer.ETag);
            Assert.Equal("private, no-cache", answer.CacheControl);
        }
    }

    [Fact]
    public async Task After_a_write_the_old_tag_gets_the_new_answer_and_a_new_tag()
    {
        const string query = """query { node(id: "person/test-etag-newcomer") { id } }""";
        var before = await GetAsync(query);
        var write = await RequireTrustedDocumentTests.PostAsync(api.Http, new
        {
            query = """mutation($input: EntityInput!) { upsertPerson(input: $input, reason: "test: etag") { id } }""",
            variables = new
            {
                input = new
                {
                    id = "person/test-etag-newcomer",
                    name = "E. Tagger",
                    citations = new[] { new { sourceId = "source/shay-2024-afghanistan-terror-threat", quote = "The KIB group is led by Dilshod Dekhanov" } },
                },
            },
        }, ApiHost.EditorKey);
        var after = await GetAsync(query, before.ETag);

        Assert.Contains("\"node\":null", before.Body, StringComparison.Ordinal);
        write.Ok();
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Contains("person/test-etag-newcomer", after.Body, StringComparison.Ordinal);
        Assert.NotNull(after.ETag);
        Assert.NotEqual(before.ETag, after.ETag);
        AssertNotModified(await GetAsync(query, after.ETag), after.ETag!);
    }

    [Fact]
    public async Task POST_is_never_answered_304_nor_tagged()
    {
        var etag = (await GetAsync(Query)).ETag!;
        foreach (var condition in new[] { etag, "*" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { query = Query }), Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("If-None-Match", condition);
            var answer = await SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Null(answer.ETag);
            Assert.Contains("org/kib", answer.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_answer_with_errors_carries_no_tag_and_is_never_304()
    {
        const string invalid = "{ organization(id: \"org/kib\") { nope } }";
        const string fieldError = "{ organizations(first: 100000) { totalCount } }";
        foreach (var query in new[] { invalid, fieldError })
        {
            var answer = await GetAsync(query);
            var starred = await GetAsync(query, "*");

            Assert.Contains("\"errors\"", answer.Body, StringComparison.Ordinal);
            Assert.Null(answer.ETag);
            Assert.Null(answer.CacheControl);
            Assert.NotEqual(HttpStatusCode.NotModified, starred.Status);
            Assert.Null(starred.ETag);
        }
    }
}
