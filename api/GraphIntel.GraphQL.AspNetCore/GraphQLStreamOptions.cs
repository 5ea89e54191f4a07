using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>The limits and hooks of the streaming transports (GraphQL over SSE and over WebSocket).</summary>
public sealed class GraphQLStreamOptions
{
    /// <summary>Most operations streaming at once, both transports together; more are refused.</summary>
    public int MaxSubscriptions { get; set; } = 1000;

    /// <summary>Most WebSocket connections open at once; more upgrades are refused with 503.</summary>
    public int MaxWebSocketConnections { get; set; } = 200;

    /// <summary>How long a WebSocket client has to send <c>connection_init</c> (then: close 4408).</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a stream is kept alive: an SSE comment line, a WebSocket <c>ping</c> message.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Decides a WebSocket's <c>connection_init</c> with its payload (null when it has none): true acknowledges it, false
    /// closes the socket with 4403 Forbidden. It may set what <see cref="GraphQLHttpOptions.UserContextFactory"/> reads.
    /// Null accepts every connection.
    /// </summary>
    public Func<HttpContext, JsonElement?, bool>? AuthorizeConnection { get; set; }

    /// <summary>Ends every stream when it fires (the host is stopping): SSE sends <c>complete</c>, WebSockets close with 1001.</summary>
    public CancellationToken Stopping { get; set; }

    internal int ActiveSubscriptions;
    internal int ActiveConnections;

    internal bool TryTakeSubscription()
    {
        if (Interlocked.Increment(ref ActiveSubscriptions) <= MaxSubscriptions) return true;
        Interlocked.Decrement(ref ActiveSubscriptions);
        return false;
    }

    internal void ReleaseSubscription() => Interlocked.Decrement(ref ActiveSubscriptions);
}
