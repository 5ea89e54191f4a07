using System.Text;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Language;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// One GraphQL-over-HTTP exchange: negotiate the response media type, read the request parameters, prepare
/// (parse, validate, select the operation), refuse mutations over GET, execute, and write the result with the
/// status code the media type calls for. A failure of the server itself is a 500 with a GraphQL error that
/// says so, the exception going to the log, not to the client.
/// <para>
/// The execution timeout covers the exchange from the moment the request has been read to its serialized response:
/// execution and serialization (past it the response is the timeout error). Sending the bounded body then gets as long
/// again; a client too slow to take it has its connection closed, so it can't hold the server's memory.
/// </para>
/// </summary>
internal sealed class GraphQLHttpHandler(GraphQLService service, GraphQLHttpOptions options, ILogger logger)
{
    private const string CacheHeader = GraphQLResponseCache.Header;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var cancellationToken = context.RequestAborted;

        var mediaType = ResponseMediaTypeNegotiation.Select(request.Headers.Accept);
        if (mediaType is null)
        {
            await GraphQLHttpResponseWriter.WriteProblemAsync(response, new GraphQLHttpRequestProblem(
                StatusCodes.Status406NotAcceptable,
                $"The Accept header \"{request.Headers.Accept}\" accepts neither {GraphQLMediaTypes.GraphQLResponseJson} nor {GraphQLMediaTypes.Json} (in utf-8)."),
                GraphQLMediaTypes.Json, options, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await HandleAsync(context, mediaType, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "GraphQL request {Method} {Path} failed.", request.Method, request.Path);
            if (response.HasStarted)
            {
                throw;
            }
            response.Clear();
            await GraphQLHttpResponseWriter.WriteProblemAsync(response, new GraphQLHttpRequestProblem(
                StatusCodes.Status500InternalServerError,
                $"Internal server error while handling the GraphQL request (trace id {context.TraceIdentifier})."),
                mediaType, options, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context, string mediaType, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var response = context.Response;
        var isGet = HttpMethods.IsGet(request.Method);
        if (isGet && !options.AllowGet)
        {
            await RefuseGetAsync(response, "This endpoint does not accept GET requests: send the request with POST.", mediaType, cancellationToken).ConfigureAwait(false);
            return;
        }

        ReadOnlyMemory<byte> body = default;
        if (!isGet)
        {
            (body, var bodyProblem) = await GraphQLHttpRequestReader.ReadRawBodyAsync(request, options, cancellationToken).ConfigureAwait(false);
            if (bodyProblem is not null)
            {
                await GraphQLHttpResponseWriter.WriteProblemAsync(response, bodyProblem, mediaType, options, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        // A GET answer's tag, from the data's version read before anything is computed (so a racing write can only
        // make the tag older than the answer, never newer): the same request in the same version has the same answer.
        if (isGet && options.DataVersion is not null && options.RefreshDataVersion is { } refresh)
        {
            await refresh(cancellationToken).ConfigureAwait(false);
        }
        var etag = isGet && options.DataVersion?.Invoke() is { } version && (request.QueryString.Value?.Length ?? 0) <= options.MaxRequestBytes
            ? ConditionalGet.ETagOf(request, mediaType, version, options)
            : null;

        // The same request bytes in the same data generation: the stored response, without parsing or executing.
        var cache = options.ResponseCache;
        var cacheKey = cache is null ? null : CacheKeyOf(request, isGet, mediaType, body);
        if (cacheKey is not null) await cache!.RefreshGenerationAsync(cancellationToken).ConfigureAwait(false);
        if (cacheKey is { } key && cache!.TryGet(key, out var hit))
        {
            HttpTelemetry.ResponseCacheLookup(hit: true);
            response.Headers[CacheHeader] = "hit";
            // Stored answers are successful ones, admitted for any caller (no introspection refused, no trusted-document bypass).
            if (etag is not null && hit.StatusCode == StatusCodes.Status200OK)
            {
                if (ConditionalGet.Evaluate(request, etag) is IfNoneMatch.Matches or IfNoneMatch.Any)
                {
                    ConditionalGet.NotModified(request, response, etag, options);
                    return;
                }
                ConditionalGet.SetHeaders(request, response, etag, options);
            }
            await GraphQLHttpResponseWriter.WriteBytesAsync(response, hit.StatusCode, mediaType, hit.Body, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (cacheKey is not null)
        {
            HttpTelemetry.ResponseCacheLookup(hit: false);
            response.Headers[CacheHeader] = "miss";
        }
        // Read before executing: a write racing the execution makes the stored response stale, never current.
        var generation = cache?.CurrentGeneration ?? 0;

        // The operation's span and measurements run from here; each way out ends them before the response is sent.
        using var telemetry = service.StartOperation();
        Task ProblemAsync(GraphQLHttpRequestProblem problem)
        {
            telemetry.Failed(problem.Code);
            telemetry.Dispose();
            return GraphQLHttpResponseWriter.WriteProblemAsync(response, problem, mediaType, options, cancellationToken);
        }

        var (parameters, problem) = isGet
            ? GraphQLHttpRequestReader.ReadQueryString(request, options)
            : GraphQLHttpRequestReader.ParseBody(body);
        if (problem is not null)
        {
            await ProblemAsync(problem).ConfigureAwait(false);
            return;
        }

        // Trusted documents and automatic persisted queries: the document by its hash, or the sent one (its hash verified
        // when sent with one); in Require mode only trusted ones, unless this caller may bypass the list.
        var mayBypass = options.TrustedDocumentMode == TrustedDocumentMode.Require && options.TrustedDocumentBypass?.Invoke(context) == true;
        var (query, hashToStore, trusted, persistedProblem) = PersistedQueries.Resolve(parameters!, options, mayBypass, mediaType);
        if (persistedProblem is not null)
        {
            await ProblemAsync(persistedProblem).ConfigureAwait(false);
            return;
        }
        // Run only because this caller may bypass the trusted documents: its answer is not for anyone else.
        var bypassed = mayBypass && !trusted && options.TrustedDocuments is not null;

        // The request's time runs from here to the last byte sent.
        var limit = service.Options.ExecutionTimeout;
        using var deadline = limit is { } timeout ? new CancellationTokenSource(timeout, service.Options.TimeProvider) : null;
        var time = new ResponseTime(limit, deadline?.Token ?? CancellationToken.None);

        var graphQLRequest = new GraphQLRequest
        {
            Query = query!,
            OperationName = parameters!.OperationName,
            Variables = parameters.Variables,
            Extensions = parameters.Extensions,
            RequestServices = context.RequestServices,
            UserContext = options.UserContextFactory?.Invoke(context),
        };

        var prepared = service.Prepare(graphQLRequest);
        telemetry.Prepared(prepared, graphQLRequest);
        if (isGet && prepared.IsMutation)
        {
            telemetry.Failed(null);
            telemetry.Dispose();
            await RefuseGetAsync(response, "Mutations cannot be executed with GET: send the request with POST.", mediaType, cancellationToken).ConfigureAwait(false);
            return;
        }
        // Stored only once it parsed and validated (depth and cost included): junk can't fill the store, and a hit runs
        // the same limits as any document.
        if (hashToStore is not null && prepared.IsValid)
        {
            options.PersistedQueries!.Add(hashToStore, query!);
        }
        var introspects = options.AllowIntrospection is not null && prepared.Document is { } document && IntrospectionFields.AreSelectedIn(document);
        if (introspects && !options.AllowIntrospection!(context))
        {
            response.Headers.WWWAuthenticate = "Bearer";
            await ProblemAsync(new GraphQLHttpRequestProblem(StatusCodes.Status401Unauthorized,
                "Introspection (__schema, __type) is not open to anonymous callers here: send an API key as `Authorization: Bearer <key>`.")).ConfigureAwait(false);
            return;
        }

        // The client holds the answer to this request, caller and version: it is still current, nothing need run.
        var condition = etag is null || !prepared.IsValid ? IfNoneMatch.Absent : ConditionalGet.Evaluate(request, etag);
        if (condition == IfNoneMatch.Matches)
        {
            ConditionalGet.NotModified(request, response, etag!, options);
            return;
        }

        var result = await service.ExecuteAsync(prepared, graphQLRequest, cancellationToken).ConfigureAwait(false);
        using var json = GraphQLHttpResponseWriter.SerializeResult(result, mediaType, options, time, out var statusCode, out var complete, out var written);
        telemetry.Completed(written);
        telemetry.Dispose();
        var successful = complete && statusCode == StatusCodes.Status200OK && IsCacheable(prepared, result);
        if (cacheKey is { } storeKey && successful && !introspects && !bypassed)
        {
            cache!.Add(storeKey, generation, new CachedResponse(statusCode, json.WrittenMemory.ToArray()));
        }
        if (etag is not null && successful)
        {
            if (condition == IfNoneMatch.Any)
            {
                ConditionalGet.NotModified(request, response, etag, options);
                return;
            }
            ConditionalGet.SetHeaders(request, response, etag, options);
        }
        await SendAsync(context, statusCode, mediaType, json.WrittenMemory, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a serialized body (bounded by <see cref="GraphQLHttpOptions.MaxResponseBytes"/>) within one more time limit;
    /// a client too slow to take it by then has its connection closed, so it can't hold the body in memory.
    /// </summary>
    private async Task SendAsync(HttpContext context, int statusCode, string mediaType, ReadOnlyMemory<byte> body, ResponseTime time, CancellationToken cancellationToken)
    {
        if (time.Limit is not { } limit)
        {
            await GraphQLHttpResponseWriter.WriteBytesAsync(context.Response, statusCode, mediaType, body, cancellationToken).ConfigureAwait(false);
            return;
        }
        using var sendLimit = new CancellationTokenSource(limit, service.Options.TimeProvider);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, sendLimit.Token);
        try
        {
            await GraphQLHttpResponseWriter.WriteBytesAsync(context.Response, statusCode, mediaType, body, sending.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (sendLimit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GraphQL response of {Bytes} bytes to {Path} not taken by the client within {Limit}; connection closed.",
                body.Length, context.Request.Path, limit);
            context.Abort();
        }
    }

    /// <summary>Responses worth keeping: a query that ran to the end without an error (errors may be transient).</summary>
    private static bool IsCacheable(PreparedRequest prepared, ExecutionResult result) =>
        prepared.Operation?.Operation == OperationType.Query && result.HasData && result.Errors is not { Count: > 0 };

    /// <summary>The request's cache key: its method, the response media type and its bytes (body, or query string within the size limit).</summary>
    private RequestKey? CacheKeyOf(HttpRequest request, bool isGet, string mediaType, ReadOnlyMemory<byte> body)
    {
        if (!isGet) return new RequestKey(HttpMethods.Post, mediaType, body);
        var queryString = request.QueryString.Value ?? "";
        return queryString.Length > options.MaxRequestBytes ? null : new RequestKey(HttpMethods.Get, mediaType, Encoding.UTF8.GetBytes(queryString));
    }

    private Task RefuseGetAsync(HttpResponse response, string message, string mediaType, CancellationToken cancellationToken)
    {
        response.Headers.Allow = HttpMethods.Post;
        return GraphQLHttpResponseWriter.WriteProblemAsync(response,
            new GraphQLHttpRequestProblem(StatusCodes.Status405MethodNotAllowed, message), mediaType, options, cancellationToken);
    }
}
