using System.Net;
using System.Text.Json;
using GraphIntel.GraphQL.AspNetCore;
using static GraphIntel.GraphQL.Tests.Http.GraphQLHttpExchange;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>
/// <see cref="GraphQLHttpOptions.MaxResponseBytes"/>: a body of exactly the limit is sent; one byte more and the
/// response is one RESPONSE_TOO_LARGE error instead. The size is measured on a server without a limit.
/// </summary>
public sealed class GraphQLHttpResponseLimitTests
{
    private const string Query = "{ hero { name friends { name appearsIn } } }";

    [Fact]
    public async Task A_body_at_the_limit_is_sent_and_one_byte_over_it_is_RESPONSE_TOO_LARGE()
    {
        string full;
        await using (var unlimited = await StarWarsHttpServer.StartAsync())
        {
            using var response = await unlimited.Client.SendAsync(PostQuery(Query));
            full = await response.Content.ReadAsStringAsync();
        }
        var size = System.Text.Encoding.UTF8.GetByteCount(full);

        await using (var atLimit = await StarWarsHttpServer.StartAsync(o => o.MaxResponseBytes = size))
        {
            using var response = await atLimit.Client.SendAsync(PostQuery(Query));
            Assert.Equal(full, await response.Content.ReadAsStringAsync());
        }

        await using var overLimit = await StarWarsHttpServer.StartAsync(o => o.MaxResponseBytes = size - 1);
        var exchange = await SendAsync(overLimit.Client, PostQuery(Query, accept: "application/graphql-response+json"));
        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal(JsonValueKind.Null, exchange.Body.GetProperty("data").ValueKind);
        var error = exchange.Body.GetProperty("errors")[0];
        Assert.Equal("RESPONSE_TOO_LARGE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(size - 1, error.GetProperty("extensions").GetProperty("limit").GetInt64());
        Assert.Equal($"The response is larger than the limit of {size - 1} bytes and was not sent; select fewer fields, or page through lists with smaller pages.",
            exchange.SingleErrorMessage());
    }
}
