using System.Net;
using System.Text;
using System.Text.Json;
using static GraphIntel.GraphQL.Tests.Http.GraphQLHttpExchange;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>The GraphQL-over-HTTP endpoint against a real Kestrel server serving the starwars schema.</summary>
public sealed class GraphQLHttpEndpointTests(StarWarsHttpServerFixture fixture) : IClassFixture<StarWarsHttpServerFixture>
{
    private const string GraphQLResponseJson = "application/graphql-response+json";
    private readonly HttpClient _client = fixture.Server.Client;

    private Task<GraphQLHttpExchange> Send(HttpRequestMessage request) => SendAsync(_client, request);

    [Fact]
    public async Task Post_json_without_accept_answers_application_json_utf8()
    {
        var exchange = await Send(PostQuery("{ hero { name } }"));

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("application/json", exchange.MediaType);
        Assert.Equal("utf-8", exchange.CharSet);
        Assert.Equal("""{"data":{"hero":{"name":"R2-D2"}}}""", exchange.Body.GetRawText());
    }

    [Theory]
    [InlineData(GraphQLResponseJson, GraphQLResponseJson)]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("application/json;q=0.5, application/graphql-response+json;q=0.9", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json;q=0.2, application/json", "application/json")]
    [InlineData("application/graphql-response+json, application/json", GraphQLResponseJson)]
    [InlineData("text/html, application/json;charset=utf-8", "application/json")]
    public async Task Accept_header_chooses_the_response_media_type(string accept, string expected)
    {
        var exchange = await Send(PostQuery("{ __typename }", accept: accept));

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal(expected, exchange.MediaType);
        Assert.Equal("utf-8", exchange.CharSet);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain")]
    [InlineData("application/json;charset=iso-8859-1")]
    [InlineData("application/graphql-response+json;q=0")]
    public async Task Unacceptable_accept_header_is_406(string accept)
    {
        var exchange = await Send(PostQuery("{ __typename }", accept: accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, exchange.Status);
        Assert.Contains("Accept", exchange.SingleErrorMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "Syntax Error")]
    [InlineData("{ hero { unknownField } }", "Cannot query field \"unknownField\"")]
    [InlineData("query ($id: ID!) { human(id: $id) { name } }", "Variable \"$id\" of required type \"ID!\" was not provided.")]
    [InlineData("query A { hero { name } } query B { hero { id } }", "Must provide operation name")]
    public async Task Request_errors_are_400_without_data_for_graphql_response_json(string query, string message)
    {
        var exchange = await Send(PostQuery(query, accept: GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.BadRequest, exchange.Status);
        Assert.Equal(GraphQLResponseJson, exchange.MediaType);
        Assert.False(exchange.HasData);
        Assert.Contains(message, exchange.SingleErrorMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{ hero { unknownField } }")]
    [InlineData("query ($id: ID!) { human(id: $id) { name } }")]
    public async Task Request_errors_are_200_for_application_json(string query)
    {
        var exchange = await Send(PostQuery(query, accept: "application/json"));

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("application/json", exchange.MediaType);
        Assert.False(exchange.HasData);
        Assert.NotEmpty(exchange.SingleErrorMessage());
    }

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData("application/json")]
    public async Task Field_errors_with_data_are_200(string accept)
    {
        var exchange = await Send(PostQuery("{ hero { name secretBackstory } }", accept: accept));

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("R2-D2", exchange.Body.GetProperty("data").GetProperty("hero").GetProperty("name").GetString());
        Assert.Equal("secretBackstory is secret.", exchange.SingleErrorMessage());
    }

    [Fact]
    public async Task Null_data_from_a_non_null_root_field_is_still_200_for_graphql_response_json()
    {
        var exchange = await Send(PostQuery("{ failingNonNull }", accept: GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal(JsonValueKind.Null, exchange.Body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Post_carries_variables_operation_name_and_extensions()
    {
        var exchange = await Send(Post("""
            {"query": "query A { hero { name } } query B($ep: Episode) { hero(episode: $ep) { name } }",
             "operationName": "B", "variables": {"ep": "EMPIRE"}, "extensions": {"persistedQuery": {"version": 1}}}
            """));

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("""{"data":{"hero":{"name":"Luke Skywalker"}}}""", exchange.Body.GetRawText());
    }

    [Fact]
    public async Task Post_accepts_null_variables_operation_name_and_extensions()
    {
        var exchange = await Send(Post("""{"query": "{ __typename }", "variables": null, "operationName": null, "extensions": null}"""));

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", exchange.Body.GetRawText());
    }

    [Fact]
    public async Task Get_runs_a_query_with_json_encoded_variables()
    {
        var query = Uri.EscapeDataString("query Human($id: ID!) { human(id: $id) { name } }");
        var variables = Uri.EscapeDataString("""{"id": "1003"}""");
        var exchange = await Send(Get($"?query={query}&variables={variables}&operationName=Human", GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal(GraphQLResponseJson, exchange.MediaType);
        Assert.Equal("""{"data":{"human":{"name":"Leia Organa"}}}""", exchange.Body.GetRawText());
    }

    [Theory]
    [InlineData("mutation { renameCharacter(id: \"1000\", name: \"X\") { name } }", null)]
    [InlineData("query Q { hero { name } } mutation M { failingMutation { stars } }", "M")]
    public async Task Get_refuses_mutations_with_405_and_allow_post(string query, string? operationName)
    {
        var uri = $"?query={Uri.EscapeDataString(query)}" + (operationName is null ? "" : $"&operationName={operationName}");
        var exchange = await Send(Get(uri, GraphQLResponseJson));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, exchange.Status);
        Assert.Contains("POST", exchange.Response.Content.Headers.Allow);
        Assert.Contains("Mutations cannot be executed with GET", exchange.SingleErrorMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_runs_the_query_of_a_document_that_also_has_a_mutation()
    {
        var query = Uri.EscapeDataString("query Q { hero { name } } mutation M { failingMutation { stars } }");
        var exchange = await Send(Get($"?query={query}&operationName=Q"));

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("""{"data":{"hero":{"name":"R2-D2"}}}""", exchange.Body.GetRawText());
    }

    [Theory]
    [InlineData("", "no \"query\" parameter")]
    [InlineData("?query=%7B__typename%7D&variables=%5B1%5D", "\"variables\" query parameter is an array")]
    [InlineData("?query=%7B__typename%7D&variables=%7Bnope", "\"variables\" query parameter is not valid JSON")]
    [InlineData("?query=%7B__typename%7D&extensions=%22text%22", "\"extensions\" query parameter is a string")]
    [InlineData("?query=%7B__typename%7D&query=%7B__typename%7D", "2 \"query\" parameters")]
    public async Task Get_with_bad_parameters_is_400(string queryString, string message)
    {
        var exchange = await Send(Get(queryString));

        Assert.Equal(HttpStatusCode.BadRequest, exchange.Status);
        Assert.Contains(message, exchange.SingleErrorMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "not a JSON""", "The request body is not valid JSON at line 1")]
    [InlineData("""[{"query": "{ __typename }"}]""", "The request body is an array")]
    [InlineData("\"{ __typename }\"", "The request body is a string")]
    [InlineData("""{"qeury": "{ __typename }"}""", "The request body has no \"query\"")]
    [InlineData("""{"query": {"obj": "ect"}}""", "The \"query\" in the request body is an object")]
    [InlineData("""{"query": "{ __typename }", "operationName": 0}""", "The \"operationName\" in the request body is a number")]
    [InlineData("""{"query": "{ __typename }", "variables": "string"}""", "The \"variables\" in the request body is a string")]
    [InlineData("""{"query": "{ __typename }", "extensions": ["array"]}""", "The \"extensions\" in the request body is an array")]
    [InlineData("", "The request body is empty")]
    public async Task Malformed_post_bodies_are_400_with_a_clear_error(string body, string message)
    {
        foreach (var accept in new[] { "application/json", GraphQLResponseJson })
        {
            var exchange = await Send(Post(body, accept: accept));

            Assert.Equal(HttpStatusCode.BadRequest, exchange.Status);
            Assert.Equal(accept, exchange.MediaType);
            Assert.False(exchange.HasData);
            Assert.Contains(message, exchange.SingleErrorMessage(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("text/plain", "The Content-Type \"text/plain\" is not supported")]
    [InlineData("application/graphql", "The Content-Type \"application/graphql\" is not supported")]
    [InlineData("application/x-www-form-urlencoded", "The Content-Type \"application/x-www-form-urlencoded\" is not supported")]
    [InlineData("application/json; charset=iso-8859-1", "The charset \"iso-8859-1\" is not supported")]
    [InlineData(null, "The request has no Content-Type")]
    public async Task Unsupported_request_media_types_are_415(string? contentType, string message)
    {
        var exchange = await Send(Post("""{"query": "{ __typename }"}""", contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, exchange.Status);
        Assert.Contains(message, exchange.SingleErrorMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8_text_round_trips_and_is_sent_as_utf8()
    {
        var exchange = await Send(PostQuery("""{ echo(text: "Run🏃Swim🏊 — ünïcødé") }"""));
        var raw = await exchange.Response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("""{"text":"Run🏃Swim🏊 — ünïcødé"}""", exchange.Body.GetProperty("data").GetProperty("echo").GetString());
        // Text of the Basic Multilingual Plane is written as UTF-8, not as \u escapes (emoji may be escaped as surrogate pairs).
        Assert.Contains("— ünïcødé", new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(raw), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_before_the_body_is_accepted()
    {
        var request = Post("");
        request.Content = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("""{"query": "{ __typename }"}""")]);
        request.Content.Headers.ContentType = new("application/json");

        var exchange = await Send(request);

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", exchange.Body.GetRawText());
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "") { Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json") };
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Each_request_gets_its_own_user_context()
    {
        var renamed = await Send(PostQuery("""mutation { renameCharacter(id: "2001", name: "Artoo") { name } }"""));
        var read = await Send(PostQuery("{ hero { name } }"));

        Assert.Equal("Artoo", renamed.Body.GetProperty("data").GetProperty("renameCharacter").GetProperty("name").GetString());
        Assert.Equal("R2-D2", read.Body.GetProperty("data").GetProperty("hero").GetProperty("name").GetString());
    }
}
