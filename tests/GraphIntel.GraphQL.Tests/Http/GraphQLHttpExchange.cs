using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>A response as the tests look at it: status, media type, charset, headers and the parsed JSON body.</summary>
internal sealed record GraphQLHttpExchange(HttpStatusCode Status, string? MediaType, string? CharSet, HttpResponseMessage Response, JsonElement Body)
{
    public static async Task<GraphQLHttpExchange> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new Xunit.Sdk.XunitException($"HTTP {(int)response.StatusCode}: the body is not JSON ({exception.Message}): {text}");
        }
        var contentType = response.Content.Headers.ContentType;
        return new GraphQLHttpExchange(response.StatusCode, contentType?.MediaType, contentType?.CharSet, response, body);
    }

    public static HttpRequestMessage Post(string json, string? contentType = "application/json", string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return request;
    }

    public static HttpRequestMessage PostQuery(string query, object? variables = null, string? operationName = null, string? accept = null) =>
        Post(JsonSerializer.Serialize(new { query, variables, operationName }), accept: accept);

    public static HttpRequestMessage Get(string queryString, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, queryString);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return request;
    }

    /// <summary>The message of the only error.</summary>
    public string SingleErrorMessage()
    {
        Assert.True(Body.TryGetProperty("errors", out var errors), $"no errors in {Body}");
        Assert.Equal(1, errors.GetArrayLength());
        return errors[0].GetProperty("message").GetString()!;
    }

    public bool HasData => Body.TryGetProperty("data", out _);
}
