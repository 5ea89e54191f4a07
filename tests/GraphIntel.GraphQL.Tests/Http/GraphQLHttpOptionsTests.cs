using System.Net;
using System.Text;
using static GraphIntel.GraphQL.Tests.Http.GraphQLHttpExchange;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>The endpoint's options, each against its own real server.</summary>
public sealed class GraphQLHttpOptionsTests
{
    [Fact]
    public async Task Bodies_over_MaxRequestBytes_are_413_with_the_limit_in_the_error()
    {
        await using var server = await StarWarsHttpServer.StartAsync(options => options.MaxRequestBytes = 200);
        var padding = new string(' ', 300);

        var tooLarge = await SendAsync(server.Client, Post($$"""{"query": "{ __typename }{{padding}}"}"""));
        var chunked = new HttpRequestMessage(HttpMethod.Post, "")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"query": "{ __typename }{{padding}}"}"""))),
        };
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        var tooLargeChunked = await SendAsync(server.Client, chunked);
        var small = await SendAsync(server.Client, PostQuery("{ __typename }"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
        Assert.Contains("at most 200 bytes", tooLarge.SingleErrorMessage(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLargeChunked.Status);
        Assert.Contains("at most 200 bytes", tooLargeChunked.SingleErrorMessage(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, small.Status);
    }

    [Fact]
    public async Task Query_strings_over_MaxRequestBytes_are_413()
    {
        await using var server = await StarWarsHttpServer.StartAsync(options => options.MaxRequestBytes = 100);

        var exchange = await SendAsync(server.Client, Get("?query=" + Uri.EscapeDataString("{ " + new string(' ', 120) + "__typename }")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, exchange.Status);
        Assert.Contains("at most 100 bytes", exchange.SingleErrorMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_can_be_turned_off()
    {
        await using var server = await StarWarsHttpServer.StartAsync(options => options.AllowGet = false);

        var get = await SendAsync(server.Client, Get("?query=%7B__typename%7D"));
        var post = await SendAsync(server.Client, PostQuery("{ __typename }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.Status);
        Assert.Contains("POST", get.Response.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.OK, post.Status);
    }

    [Fact]
    public async Task IndentResponses_indents()
    {
        await using var server = await StarWarsHttpServer.StartAsync(options => options.IndentResponses = true);

        var exchange = await SendAsync(server.Client, PostQuery("{ __typename }"));
        var text = await exchange.Response.Content.ReadAsStringAsync();

        Assert.Contains("\n", text, StringComparison.Ordinal);
        Assert.Equal("Query", exchange.Body.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task A_failing_server_answers_500_with_a_graphql_error_and_no_details()
    {
        await using var server = await StarWarsHttpServer.StartAsync(options =>
            options.UserContextFactory = _ => throw new InvalidOperationException("secret connection string"));

        var exchange = await SendAsync(server.Client, PostQuery("{ __typename }", accept: "application/graphql-response+json"));

        Assert.Equal(HttpStatusCode.InternalServerError, exchange.Status);
        Assert.Equal("application/graphql-response+json", exchange.MediaType);
        var message = exchange.SingleErrorMessage();
        Assert.StartsWith("Internal server error", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
    }
}
