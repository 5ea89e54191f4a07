using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphIntel.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// Writes GraphQL responses straight to the response body with a <see cref="Utf8JsonWriter"/> over
/// <see cref="HttpResponse.BodyWriter"/>: status code, <c>Content-Type</c> with <c>charset=utf-8</c>, then the JSON.
/// </summary>
internal static class GraphQLHttpResponseWriter
{
    // Responses are JSON documents served as JSON, never embedded in HTML, so characters need no HTML escaping;
    // non-ASCII text is written as UTF-8 rather than \u escapes.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = Compact with { Indented = true };

    /// <summary>
    /// The status code of a result (GraphQL over HTTP, "Status Codes"): with <c>application/json</c> always 200;
    /// with <c>application/graphql-response+json</c> 200 when execution started (a <c>data</c> entry, even null),
    /// otherwise 400 (the document did not parse or validate, the variables did not coerce, no such operation).
    /// </summary>
    public static int StatusCodeOf(ExecutionResult result, string mediaType) =>
        mediaType == GraphQLMediaTypes.GraphQLResponseJson && !result.HasData
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;

    /// <summary>Writes an execution result.</summary>
    public static Task WriteResultAsync(HttpResponse response, ExecutionResult result, string mediaType, GraphQLHttpOptions options, CancellationToken cancellationToken) =>
        WriteAsync(response, StatusCodeOf(result, mediaType), mediaType, options, result.WriteTo, cancellationToken);

    /// <summary>Writes a request that could not be handled as a GraphQL response with one error and no data.</summary>
    public static Task WriteProblemAsync(HttpResponse response, GraphQLHttpRequestProblem problem, string mediaType, GraphQLHttpOptions options, CancellationToken cancellationToken) =>
        WriteAsync(response, problem.StatusCode, mediaType, options, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("errors");
            writer.WriteStartArray();
            new GraphQLError(problem.Message).WriteTo(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }, cancellationToken);

    /// <summary>An execution result as UTF-8 JSON bytes (for the response cache).</summary>
    public static byte[] Serialize(ExecutionResult result, GraphQLHttpOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, options.IndentResponses ? Indented : Compact))
        {
            result.WriteTo(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a response body already serialized, with its length.</summary>
    public static async Task WriteBytesAsync(HttpResponse response, int statusCode, string mediaType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = mediaType + "; charset=utf-8";
        response.Headers.Vary = "Accept";
        response.ContentLength = body.Length;
        await response.BodyWriter.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpResponse response, int statusCode, string mediaType, GraphQLHttpOptions options, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = mediaType + "; charset=utf-8";
        response.Headers.Vary = "Accept";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, options.IndentResponses ? Indented : Compact))
        {
            write(writer);
        }
        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
