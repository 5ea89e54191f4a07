using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphIntel.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// GraphQL over Server-Sent Events, the graphql-sse protocol's "distinct connections mode": one operation per request
/// (POST with a JSON body, or GET with the query string), <c>Accept: text/event-stream</c>; every result is an
/// <c>event: next</c> with the result as its data, the end an <c>event: complete</c>, idle streams a <c>:</c> comment
/// line every keep-alive interval. Requests that cannot run (unreadable, invalid, refused) get a plain JSON answer with
/// a 4xx status, as the protocol's handler does. Disconnecting unsubscribes.
/// </summary>
internal sealed class GraphQLSseHandler(GraphQLService service, GraphQLHttpOptions options, GraphQLStreamOptions streams, ILogger logger)
{
    private static readonly byte[] KeepAlive = ":\n\n"u8.ToArray();
    private static readonly byte[] Complete = "event: complete\ndata:\n\n"u8.ToArray();

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var aborted = context.RequestAborted;
        if (!request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(response, StatusCodes.Status406NotAcceptable,
                [new GraphQLError("This endpoint streams GraphQL over SSE: send `Accept: text/event-stream` (queries and mutations without streaming: POST /graphql).")], aborted).ConfigureAwait(false);
            return;
        }
        GraphQLHttpRequestParameters? parameters;
        GraphQLHttpRequestProblem? problem;
        if (HttpMethods.IsGet(request.Method))
        {
            (parameters, problem) = GraphQLHttpRequestReader.ReadQueryString(request, options);
        }
        else
        {
            var (body, bodyProblem) = await GraphQLHttpRequestReader.ReadRawBodyAsync(request, options, aborted).ConfigureAwait(false);
            (parameters, problem) = bodyProblem is null ? GraphQLHttpRequestReader.ParseBody(body) : (null, bodyProblem);
        }
        if (problem is not null)
        {
            await RefuseAsync(response, problem.StatusCode, [new GraphQLError(problem.Message)], aborted).ConfigureAwait(false);
            return;
        }
        if (!streams.TryTakeSubscription())
        {
            response.Headers.RetryAfter = "5";
            await RefuseAsync(response, StatusCodes.Status503ServiceUnavailable, [GraphQLStreamOperation.TooManySubscriptions(streams.MaxSubscriptions)], aborted).ConfigureAwait(false);
            return;
        }
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, streams.Stopping);
            var started = await GraphQLStreamOperation.StartAsync(service, options, context, parameters!, stop.Token).ConfigureAwait(false);
            if (started.Refusal is { } refusal)
            {
                if (started.Unauthorized) response.Headers.WWWAuthenticate = "Bearer";
                await RefuseAsync(response, started.Unauthorized ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest, refusal, aborted).ConfigureAwait(false);
                return;
            }
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            var results = started.Results!;
            if (results.Result is { } single)
            {
                await WriteNextAsync(response, single, aborted).ConfigureAwait(false);
            }
            else
            {
                await GraphQLStreamOperation.PumpAsync(results.Stream!,
                    result => WriteNextAsync(response, result, aborted),
                    () => WriteAsync(response, KeepAlive, aborted),
                    streams.KeepAliveInterval, service.Options.TimeProvider, stop.Token).ConfigureAwait(false);
            }
            if (!aborted.IsCancellationRequested)
            {
                await WriteAsync(response, Complete, aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: the stream is already unsubscribed.
        }
        catch (Exception e) when (!aborted.IsCancellationRequested && response.HasStarted)
        {
            logger.LogError(e, "GraphQL SSE stream at {Path} failed", context.Request.Path);
            await WriteNextAsync(response, ExecutionResult.FromErrors([new GraphQLError("The stream failed on the server and was ended.")]), aborted).ConfigureAwait(false);
            await WriteAsync(response, Complete, aborted).ConfigureAwait(false);
        }
        finally
        {
            streams.ReleaseSubscription();
        }
    }

    private static async Task WriteNextAsync(HttpResponse response, ExecutionResult result, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("event: next\ndata: "u8);
        using (var writer = new Utf8JsonWriter(buffer, ExecutionResult.JsonWriterOptions))
        {
            result.WriteTo(writer);
        }
        buffer.Write("\n\n"u8);
        await WriteAsync(response, buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpResponse response, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task RefuseAsync(HttpResponse response, int statusCode, IReadOnlyList<GraphQLError> errors, CancellationToken cancellationToken)
    {
        var json = Encoding.UTF8.GetBytes(ExecutionResult.FromErrors(errors).ToJson());
        return GraphQLHttpResponseWriter.WriteBytesAsync(response, statusCode, "application/json; charset=utf-8", json, cancellationToken);
    }
}
