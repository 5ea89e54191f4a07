using System.Net;
using System.Text;
using System.Text.Json;
using static GraphIntel.GraphQL.Tests.Http.GraphQLHttpExchange;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>
/// Responses are serialized whole and sent with their <c>Content-Length</c> (not chunked): results, request errors,
/// and responses larger than the writer's first buffer.
/// </summary>
public sealed class GraphQLHttpResponseLengthTests(StarWarsHttpServerFixture fixture) : IClassFixture<StarWarsHttpServerFixture>
{
    private readonly HttpClient _client = fixture.Server.Client;

    [Theory]
    [InlineData("{ hero { name friends { name } } }", HttpStatusCode.OK)]
    [InlineData("{ hero { unknownField } }", HttpStatusCode.BadRequest)]
    public async Task A_response_has_its_content_length_and_is_not_chunked(string query, HttpStatusCode status)
    {
        var (response, body) = await SendAsync(PostQuery(query, accept: "application/graphql-response+json"));

        Assert.Equal(status, response.StatusCode);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    [Fact]
    public async Task A_response_larger_than_the_first_buffer_is_complete_and_well_formed()
    {
        // 600 aliased copies of the hero with friends: about 63 KB of JSON, several times the 16 KB first buffer.
        var query = new StringBuilder("{");
        for (var i = 0; i < 600; i++)
        {
            query.Append(" h").Append(i).Append(": hero { name friends { name } }");
        }
        query.Append(" }");

        var (response, body) = await SendAsync(PostQuery(query.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.Length > 3 * 16 * 1024, $"the response is only {body.Length} bytes");
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        using var json = JsonDocument.Parse(body);
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(600, data.EnumerateObject().Count());
        Assert.Equal("h599", data.EnumerateObject().Last().Name);
        Assert.All(data.EnumerateObject(), hero => Assert.Equal("R2-D2", hero.Value.GetProperty("name").GetString()));
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            var response = await _client.SendAsync(request);
            return (response, await response.Content.ReadAsByteArrayAsync());
        }
    }
}
