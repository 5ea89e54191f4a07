using GraphIntel.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// Starting one operation on a streaming transport, with the same pipeline and limits as GraphQL over HTTP: persisted
/// queries and trusted documents, parse, validation (depth, cost), introspection policy; then <see cref="GraphQLService.SubscribeAsync"/>.
/// </summary>
internal static class GraphQLStreamOperation
{
    /// <summary>What starting an operation gave: errors that refuse it (nothing ran), or its results.</summary>
    internal sealed record Started(IReadOnlyList<GraphQLError>? Refusal, SubscriptionResult? Results, bool Unauthorized = false);

    public static async Task<Started> StartAsync(
        GraphQLService service, GraphQLHttpOptions options, HttpContext context, GraphQLHttpRequestParameters parameters, CancellationToken cancellationToken)
    {
        // Trusted documents apply as over HTTP (in Require mode only they run, unless this caller may bypass them); the
        // media type only picks an HTTP status, which a stream's error message does not carry.
        var mayBypass = options.TrustedDocumentMode == TrustedDocumentMode.Require && options.TrustedDocumentBypass?.Invoke(context) == true;
        var (query, hashToStore, _, problem) = PersistedQueries.Resolve(parameters, options, mayBypass, "application/json");
        if (problem is not null)
        {
            return new Started([Problem(problem)], null);
        }
        var request = new GraphQLRequest
        {
            Query = query!,
            OperationName = parameters.OperationName,
            Variables = parameters.Variables,
            Extensions = parameters.Extensions,
            RequestServices = context.RequestServices,
            UserContext = options.UserContextFactory?.Invoke(context),
        };
        var prepared = service.Prepare(request);
        if (prepared.Errors is { } errors)
        {
            return new Started(errors, null);
        }
        if (hashToStore is not null)
        {
            options.PersistedQueries!.Add(hashToStore, query!);
        }
        if (options.AllowIntrospection is not null && IntrospectionFields.AreSelectedIn(prepared.Document!) && !options.AllowIntrospection(context))
        {
            return new Started([new GraphQLError(
                "Introspection (__schema, __type) is not open to anonymous callers here: send an API key as `Authorization: Bearer <key>`.")], null, Unauthorized: true);
        }
        return new Started(null, await service.SubscribeAsync(prepared, request, cancellationToken).ConfigureAwait(false));
    }

    private static GraphQLError Problem(GraphQLHttpRequestProblem problem) =>
        problem.Code is null
            ? new GraphQLError(problem.Message)
            : new GraphQLError(problem.Message, (IReadOnlyList<SourceLocation>?)null, null, new Dictionary<string, object?> { ["code"] = problem.Code });

    /// <summary>The error that refuses an operation beyond <see cref="GraphQLStreamOptions.MaxSubscriptions"/>.</summary>
    public static GraphQLError TooManySubscriptions(int max) =>
        new($"Too many subscriptions are open on this server (at most {max}); try again later.", (IReadOnlyList<SourceLocation>?)null, null,
            new Dictionary<string, object?> { ["code"] = "TOO_MANY_SUBSCRIPTIONS" });

    /// <summary>
    /// Enumerates <paramref name="stream"/>, calling <paramref name="onResult"/> per result and <paramref name="onIdle"/>
    /// every <paramref name="keepAlive"/> without one. Returns when the stream ends (true) or <paramref name="stop"/>
    /// fires (false); the source is unsubscribed (enumerator cancelled and disposed) either way.
    /// </summary>
    public static async Task<bool> PumpAsync(
        IAsyncEnumerable<ExecutionResult> stream, Func<ExecutionResult, Task> onResult, Func<Task> onIdle, TimeSpan keepAlive,
        TimeProvider time, CancellationToken stop)
    {
        using var unsubscribe = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var events = stream.GetAsyncEnumerator(unsubscribe.Token);
        Task<bool>? next = null;
        try
        {
            var stopped = Task.Delay(Timeout.Infinite, stop);
            while (true)
            {
                next ??= events.MoveNextAsync().AsTask();
                using var idle = new CancellationTokenSource();
                var tick = Task.Delay(keepAlive, time, idle.Token);
                var first = await Task.WhenAny(next, tick, stopped).ConfigureAwait(false);
                await idle.CancelAsync().ConfigureAwait(false);
                if (first == stopped)
                {
                    return false;
                }
                if (first == tick)
                {
                    await onIdle().ConfigureAwait(false);
                    continue;
                }
                var more = await next.ConfigureAwait(false);
                next = null;
                if (!more)
                {
                    return true;
                }
                await onResult(events.Current).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            await unsubscribe.CancelAsync().ConfigureAwait(false);
            if (next is not null)
            {
                try { await next.ConfigureAwait(false); } catch (Exception) { /* cancelled on the way out */ }
            }
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }
}
