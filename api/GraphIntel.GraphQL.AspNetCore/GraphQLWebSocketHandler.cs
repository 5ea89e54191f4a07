using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// GraphQL over WebSocket, the graphql-ws protocol (subprotocol <c>graphql-transport-ws</c>): <c>connection_init</c>
/// within the init timeout (else close 4408), answered by <c>connection_ack</c> or close 4403; <c>ping</c>/<c>pong</c>
/// both ways (the server pings every keep-alive interval); <c>subscribe</c> runs any operation (before the ack: close
/// 4401; an id in use: close 4409), whose results are <c>next</c> messages and whose end is <c>complete</c>; a request
/// that does not validate is one <c>error</c> message; the client's <c>complete</c> unsubscribes. A message that is not
/// JSON or not of the protocol closes with 4400; one larger than the request size limit with 1009; a second
/// <c>connection_init</c> with 4429. The host stopping closes with 1001.
/// </summary>
internal sealed class GraphQLWebSocketHandler(GraphQLService service, GraphQLHttpOptions options, GraphQLStreamOptions streams, ILogger logger)
{
    private GraphQLService Service => service;
    private GraphQLHttpOptions Options => options;
    private ILogger Logger => logger;
    private GraphQLStreamOptions StreamOptions => streams;

    public const string SubProtocol = "graphql-transport-ws";

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            context.Response.Headers.Upgrade = "websocket";
            await context.Response.WriteAsync($"GraphQL over WebSocket: open a WebSocket with the subprotocol {SubProtocol}.", context.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (Interlocked.Increment(ref streams.ActiveConnections) > streams.MaxWebSocketConnections)
        {
            Interlocked.Decrement(ref streams.ActiveConnections);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            await context.Response.WriteAsync($"Too many WebSocket connections are open on this server (at most {streams.MaxWebSocketConnections}).", context.RequestAborted).ConfigureAwait(false);
            return;
        }
        try
        {
            var offersProtocol = context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol);
            using var socket = await context.WebSockets.AcceptWebSocketAsync(offersProtocol ? SubProtocol : null).ConfigureAwait(false);
            var connection = new Connection(this, context, socket);
            if (!offersProtocol)
            {
                await connection.CloseAsync((WebSocketCloseStatus)4406, "Subprotocol not acceptable").ConfigureAwait(false);
                return;
            }
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref streams.ActiveConnections);
        }
    }

    private sealed class Connection(GraphQLWebSocketHandler handler, HttpContext context, WebSocket socket)
    {
        private readonly SemaphoreSlim _sending = new(1, 1);
        private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        private bool _initReceived;
        private volatile bool _acknowledged;
        private int _closed;

        private GraphQLStreamOptions Streams => handler.StreamOptions;

        public async Task RunAsync()
        {
            var token = _closing.Token;
            using var stopping = Streams.Stopping.Register(() => _ = CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "Server shutting down"));
            var initTimeout = Task.Delay(Streams.ConnectionInitTimeout, handler.Service.Options.TimeProvider, token).ContinueWith(
                t => { if (!t.IsCanceled && !_initReceived) _ = CloseAsync((WebSocketCloseStatus)4408, "Connection initialisation timeout"); },
                TaskScheduler.Default);
            var keepAlive = KeepAliveAsync(token);
            try
            {
                // After the server's close frame (CloseSent) the loop reads on until the client's answers it: cancelling a
                // pending receive would abort the socket and lose the close code on the way.
                while (socket.State is WebSocketState.Open or WebSocketState.CloseSent && !token.IsCancellationRequested)
                {
                    var (message, tooBig) = await ReceiveAsync(token).ConfigureAwait(false);
                    if (tooBig)
                    {
                        await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Message larger than {handler.Options.MaxRequestBytes} bytes").ConfigureAwait(false);
                        break;
                    }
                    if (message is null)
                    {
                        if (socket.State == WebSocketState.CloseSent) continue; // we closed (not JSON): await the client's answer
                        break; // closed by the client
                    }
                    if (Volatile.Read(ref _closed) == 1)
                    {
                        message.Dispose();
                        continue; // closing: what the client still sends is ignored
                    }
                    await HandleMessageAsync(message).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // Closed or gone.
            }
            finally
            {
                await _closing.CancelAsync().ConfigureAwait(false);
                foreach (var operation in _operations.Values) await operation.CancelAsync().ConfigureAwait(false);
                try { await keepAlive.ConfigureAwait(false); } catch (OperationCanceledException) { }
                if (socket.State == WebSocketState.CloseReceived)
                {
                    try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false); }
                    catch (WebSocketException) { }
                }
                _ = initTimeout;
            }
        }

        private async Task KeepAliveAsync(CancellationToken token)
        {
            using var timer = new PeriodicTimer(Streams.KeepAliveInterval, handler.Service.Options.TimeProvider);
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                if (_acknowledged) await SendAsync(w => w.WriteString("type", "ping")).ConfigureAwait(false);
            }
        }

        private async Task<(JsonDocument? Message, bool TooBig)> ReceiveAsync(CancellationToken token)
        {
            var buffer = new ArrayBufferWriter<byte>(1024);
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var received = await socket.ReceiveAsync(memory, token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return (null, false);
                }
                buffer.Advance(received.Count);
                if (buffer.WrittenCount > handler.Options.MaxRequestBytes)
                {
                    return (null, true);
                }
                if (received.EndOfMessage)
                {
                    try
                    {
                        return (JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 64 }), false);
                    }
                    catch (JsonException)
                    {
                        await CloseAsync((WebSocketCloseStatus)4400, "Invalid message: not JSON").ConfigureAwait(false);
                        return (null, false);
                    }
                }
            }
        }

        private async Task HandleMessageAsync(JsonDocument document)
        {
            using (document)
            {
                var message = document.RootElement;
                var type = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString()
                    : null;
                switch (type)
                {
                    case "connection_init":
                        if (_initReceived)
                        {
                            await CloseAsync((WebSocketCloseStatus)4429, "Too many initialisation requests").ConfigureAwait(false);
                            return;
                        }
                        _initReceived = true;
                        JsonElement? payload = message.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p.Clone() : null;
                        if (Streams.AuthorizeConnection is { } authorize && !authorize(context, payload))
                        {
                            await CloseAsync((WebSocketCloseStatus)4403, "Forbidden").ConfigureAwait(false);
                            return;
                        }
                        _acknowledged = true;
                        await SendAsync(w => w.WriteString("type", "connection_ack")).ConfigureAwait(false);
                        return;
                    case "ping":
                        await SendAsync(w => w.WriteString("type", "pong")).ConfigureAwait(false);
                        return;
                    case "pong":
                        return;
                    case "subscribe":
                        await SubscribeAsync(message).ConfigureAwait(false);
                        return;
                    case "complete":
                        if (Id(message) is { } id && _operations.TryRemove(id, out var operation))
                        {
                            await operation.CancelAsync().ConfigureAwait(false);
                        }
                        return;
                    default:
                        await CloseAsync((WebSocketCloseStatus)4400, type is null ? "Invalid message: missing the type" : $"Invalid message: unexpected type \"{type}\"").ConfigureAwait(false);
                        return;
                }
            }
        }

        private static string? Id(JsonElement message) =>
            message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text ? text : null;

        private async Task SubscribeAsync(JsonElement message)
        {
            if (!_acknowledged)
            {
                await CloseAsync((WebSocketCloseStatus)4401, "Unauthorized").ConfigureAwait(false);
                return;
            }
            var id = Id(message);
            if (id is null || !message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
                || !payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            {
                await CloseAsync((WebSocketCloseStatus)4400, "Invalid message: subscribe needs an id and a payload with a query").ConfigureAwait(false);
                return;
            }
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
            if (!_operations.TryAdd(id, cancel))
            {
                cancel.Dispose();
                await CloseAsync((WebSocketCloseStatus)4409, $"Subscriber for {id} already exists").ConfigureAwait(false);
                return;
            }
            var parameters = new GraphQLHttpRequestParameters(
                query.GetString(),
                payload.TryGetProperty("operationName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
                payload.TryGetProperty("variables", out var variables) && variables.ValueKind == JsonValueKind.Object ? (IReadOnlyDictionary<string, object?>?)JsonValues.ToClr(variables) : null,
                payload.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object ? (IReadOnlyDictionary<string, object?>?)JsonValues.ToClr(extensions) : null);
            _ = Task.Run(() => RunOperationAsync(id, parameters, cancel));
        }

        private async Task RunOperationAsync(string id, GraphQLHttpRequestParameters parameters, CancellationTokenSource cancel)
        {
            var slot = Streams.TryTakeSubscription();
            try
            {
                if (!slot)
                {
                    await SendErrorsAsync(id, [GraphQLStreamOperation.TooManySubscriptions(Streams.MaxSubscriptions)]).ConfigureAwait(false);
                    return;
                }
                var started = await GraphQLStreamOperation.StartAsync(handler.Service, handler.Options, context, parameters, cancel.Token).ConfigureAwait(false);
                if (started.Refusal is { } refusal)
                {
                    await SendErrorsAsync(id, refusal).ConfigureAwait(false);
                    return;
                }
                var results = started.Results!;
                if (results.Result is { } single)
                {
                    await SendNextAsync(id, single).ConfigureAwait(false);
                }
                else
                {
                    var ended = await GraphQLStreamOperation.PumpAsync(results.Stream!, r => SendNextAsync(id, r), () => Task.CompletedTask,
                        TimeSpan.FromDays(1), // the connection pings; operations need no keep-alive of their own
                        handler.Service.Options.TimeProvider, cancel.Token).ConfigureAwait(false);
                    if (!ended) return; // unsubscribed by the client, or the connection is closing: no complete
                }
                if (_operations.TryRemove(id, out _))
                {
                    await SendAsync(w => { w.WriteString("id", id); w.WriteString("type", "complete"); }).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException && cancel.IsCancellationRequested)
            {
                // Unsubscribed or closed.
            }
            catch (Exception e)
            {
                handler.Logger.LogError(e, "GraphQL WebSocket operation {Id} failed", id);
                if (_operations.TryRemove(id, out _))
                {
                    await SendNextAsync(id, ExecutionResult.FromErrors([new GraphQLError("The stream failed on the server and was ended.")])).ConfigureAwait(false);
                    await SendAsync(w => { w.WriteString("id", id); w.WriteString("type", "complete"); }).ConfigureAwait(false);
                }
            }
            finally
            {
                if (slot) Streams.ReleaseSubscription();
                _operations.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, cancel));
                cancel.Dispose();
            }
        }

        private Task SendNextAsync(string id, ExecutionResult result) => SendAsync(w =>
        {
            w.WriteString("id", id);
            w.WriteString("type", "next");
            w.WritePropertyName("payload");
            result.WriteTo(w);
        });

        private Task SendErrorsAsync(string id, IReadOnlyList<GraphQLError> errors)
        {
            _operations.TryRemove(id, out _);
            return SendAsync(w =>
            {
                w.WriteString("id", id);
                w.WriteString("type", "error");
                w.WritePropertyName("payload");
                w.WriteStartArray();
                foreach (var error in errors) error.WriteTo(w);
                w.WriteEndArray();
            });
        }

        private async Task SendAsync(Action<Utf8JsonWriter> write)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, ExecutionResult.JsonWriterOptions))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }
            await _sending.WaitAsync(_closing.Token).ConfigureAwait(false);
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, _closing.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sending.Release();
            }
        }

        public async Task CloseAsync(WebSocketCloseStatus status, string reason)
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1) return;
            try
            {
                await _sending.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                try
                {
                    if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                        await socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
                    }
                }
                finally
                {
                    _sending.Release();
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Gone already.
            }
            finally
            {
                // Operations stop now; the connection waits a little for the client's close frame, then gives up.
                foreach (var operation in _operations.Values)
                {
                    try { await operation.CancelAsync().ConfigureAwait(false); } catch (ObjectDisposedException) { }
                }
                try { _closing.CancelAfter(TimeSpan.FromSeconds(5)); } catch (ObjectDisposedException) { }
            }
        }
    }
}
