using System.Text.Json;
using GraphIntel.GraphQL.AspNetCore;

namespace GraphIntel.Api.Errors;

/// <summary>
/// The body of a request the API refuses before GraphQL runs (an invalid API key: 401; too many requests: 429): one
/// GraphQL error with its code, in the shape of a GraphQL response, so clients read every refusal the same way.
/// </summary>
internal static class HttpRefusal
{
    /// <summary>Writes <c>{"errors":[{"message":…,"extensions":{"code":…}}]}</c> as the body of <paramref name="response"/> (its status already set).</summary>
    public static async Task WriteAsync(HttpResponse response, string message, string code, CancellationToken cancellationToken)
    {
        response.ContentType = GraphQLMediaTypes.Json + "; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        writer.WriteStartObject();
        writer.WriteString("message", message);
        writer.WriteStartObject("extensions");
        writer.WriteString("code", code);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
