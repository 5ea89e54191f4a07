using System.Text.Encodings.Web;
using System.Text.Json;
using GraphIntel.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// Writes GraphQL responses: status code, <c>Content-Type</c> with <c>charset=utf-8</c>, <c>Content-Length</c>, then the
/// JSON. The JSON is written with a <see cref="Utf8JsonWriter"/> into a pooled buffer and sent in one write with its
/// length: cheaper for the server than a chunked stream (no chunk framing, the body handed to Kestrel in one piece
/// with the headers), and the client learns the size up front.
/// <para>
/// Since nothing is sent before the whole body is serialized, a body that would exceed
/// <see cref="GraphQLHttpOptions.MaxResponseBytes"/> is cut off where it crosses the limit (the buffer never holds
/// more) and the response is instead one <c>RESPONSE_TOO_LARGE</c> error; a result still being serialized when the
/// request's time is up becomes the <c>EXECUTION_TIMEOUT</c> error the same way.
/// </para>
/// </summary>
internal static class GraphQLHttpResponseWriter
{
    // Responses are JSON documents served as JSON, never embedded in HTML, so characters need no HTML escaping;
    // non-ASCII text is written as UTF-8 rather than \u escapes. The writers here are driven by ExecutionResult.WriteTo
    // and GraphQLError.WriteTo alone, whose output is well-formed by construction (and tested as such), so the writer
    // does not re-check every token's position.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly JsonWriterOptions Indented = Compact with { Indented = true };

    /// <summary>The buffer a response starts in; larger responses grow it (from the pool).</summary>
    private const int InitialBufferBytes = 16 * 1024;

    /// <summary>
    /// The status code of a result (GraphQL over HTTP, "Status Codes"): with <c>application/json</c> always 200;
    /// with <c>application/graphql-response+json</c> 200 when execution started (a <c>data</c> entry, even null),
    /// otherwise 400 (the document did not parse or validate, the variables did not coerce, no such operation).
    /// </summary>
    public static int StatusCodeOf(ExecutionResult result, string mediaType) =>
        mediaType == GraphQLMediaTypes.GraphQLResponseJson && !result.HasData
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;

    /// <summary>
    /// An execution result as JSON within <see cref="GraphQLHttpOptions.MaxResponseBytes"/> and the request's
    /// <paramref name="time"/>, with the status code to send it with; past either, the error that says so instead
    /// (whether the result itself is kept says <paramref name="complete"/>; what was written, <paramref name="written"/>).
    /// Dispose the buffer to return its memory.
    /// </summary>
    public static PooledBufferWriter SerializeResult(
        ExecutionResult result, string mediaType, GraphQLHttpOptions options, ResponseTime time, out int statusCode, out bool complete, out ExecutionResult written)
    {
        ExecutionResult replacement;
        try
        {
            var buffer = SerializeToBuffer(options, result.WriteTo, options.MaxResponseBytes ?? long.MaxValue, time.Deadline);
            statusCode = StatusCodeOf(result, mediaType);
            complete = true;
            written = result;
            return buffer;
        }
        catch (ResponseTooLargeException tooLarge)
        {
            replacement = ExecutionErrors.Result(ExecutionErrors.ResultTooLarge(tooLarge.LimitBytes));
        }
        catch (OperationCanceledException) when (time.Deadline.IsCancellationRequested && time.Limit is not null)
        {
            replacement = ExecutionErrors.Result(ExecutionErrors.Timeout(time.Limit.Value));
        }
        statusCode = StatusCodeOf(replacement, mediaType);
        complete = false;
        written = replacement;
        return SerializeToBuffer(options, replacement.WriteTo);
    }

    /// <summary>Writes a request that could not be handled as a GraphQL response with one error and no data.</summary>
    public static Task WriteProblemAsync(HttpResponse response, GraphQLHttpRequestProblem problem, string mediaType, GraphQLHttpOptions options, CancellationToken cancellationToken) =>
        WriteAsync(response, problem.StatusCode, mediaType, options, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("errors");
            writer.WriteStartArray();
            var extensions = problem.Code is null ? null : new Dictionary<string, object?> { ["code"] = problem.Code };
            new GraphQLError(problem.Message, extensions: extensions).WriteTo(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }, cancellationToken);

    /// <summary>
    /// JSON written by <paramref name="write"/> into a pooled buffer (dispose it to return the memory), never more than
    /// <paramref name="maxBytes"/> (<see cref="ResponseTooLargeException"/>) nor past <paramref name="deadline"/>.
    /// </summary>
    private static PooledBufferWriter SerializeToBuffer(
        GraphQLHttpOptions options, Action<Utf8JsonWriter> write, long maxBytes = long.MaxValue, CancellationToken deadline = default)
    {
        var buffer = new PooledBufferWriter(InitialBufferBytes, maxBytes, deadline);
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, options.IndentResponses ? Indented : Compact))
            {
                write(writer);
            }
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>Writes a response body already serialized, with its length.</summary>
    public static async Task WriteBytesAsync(HttpResponse response, int statusCode, string mediaType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = ContentTypeOf(mediaType);
        if (response.Headers.Vary.Count == 0) response.Headers.Vary = "Accept"; // a tagged answer has set its own
        response.ContentLength = body.Length;
        await response.BodyWriter.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private static string ContentTypeOf(string mediaType) => mediaType switch
    {
        GraphQLMediaTypes.GraphQLResponseJson => GraphQLResponseJsonUtf8,
        GraphQLMediaTypes.Json => JsonUtf8,
        _ => mediaType + "; charset=utf-8",
    };

    private const string GraphQLResponseJsonUtf8 = GraphQLMediaTypes.GraphQLResponseJson + "; charset=utf-8";
    private const string JsonUtf8 = GraphQLMediaTypes.Json + "; charset=utf-8";

    private static async Task WriteAsync(HttpResponse response, int statusCode, string mediaType, GraphQLHttpOptions options, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        using var body = SerializeToBuffer(options, write);
        await WriteBytesAsync(response, statusCode, mediaType, body.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }
}
