using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>Maps the GraphQL-over-HTTP endpoint.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the <see cref="GraphQLService"/> registered in the container at <paramref name="pattern"/> following the
    /// GraphQL-over-HTTP specification: GET (queries only) and POST with <c>application/json</c>, answering
    /// <c>application/graphql-response+json</c> or <c>application/json</c> as the <c>Accept</c> header asks.
    /// Options come from <c>IOptions&lt;GraphQLHttpOptions&gt;</c> (configure them with
    /// <c>services.Configure&lt;GraphQLHttpOptions&gt;(…)</c>).
    /// </summary>
    /// <returns>The endpoint's convention builder, for authorization, CORS, rate limiting and the like.</returns>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);

        var service = endpoints.ServiceProvider.GetService<GraphQLService>()
            ?? throw new InvalidOperationException(
                $"MapGraphQL(\"{pattern}\") needs a {nameof(GraphQLService)} in the service container: register one (services.AddSingleton(new GraphQLService(schema))) before mapping the endpoint.");
        var options = endpoints.ServiceProvider.GetService<IOptions<GraphQLHttpOptions>>()?.Value ?? new GraphQLHttpOptions();
        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger("GraphIntel.GraphQL.AspNetCore")
            ?? NullLogger.Instance;
        var handler = new GraphQLHttpHandler(service, options, logger);

        return endpoints
            .MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], handler.HandleAsync)
            .WithDisplayName("GraphQL " + pattern);
    }

    /// <summary>
    /// Serves subscriptions (and queries and mutations) on two streaming transports: GraphQL over SSE (the graphql-sse
    /// protocol's distinct connections mode, GET and POST) at <paramref name="ssePattern"/> and GraphQL over WebSocket
    /// (the graphql-ws protocol, subprotocol <c>graphql-transport-ws</c>) at <paramref name="webSocketPattern"/>, with the
    /// same pipeline, limits and options as <see cref="MapGraphQL"/> plus <see cref="GraphQLStreamOptions"/>. Needs
    /// <c>app.UseWebSockets()</c> before it.
    /// </summary>
    public static IEndpointConventionBuilder[] MapGraphQLStreams(
        this IEndpointRouteBuilder endpoints, string ssePattern = "/graphql/stream", string webSocketPattern = "/graphql/ws")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var service = endpoints.ServiceProvider.GetService<GraphQLService>()
            ?? throw new InvalidOperationException($"MapGraphQLStreams needs a {nameof(GraphQLService)} in the service container.");
        var options = endpoints.ServiceProvider.GetService<IOptions<GraphQLHttpOptions>>()?.Value ?? new GraphQLHttpOptions();
        var streams = endpoints.ServiceProvider.GetService<IOptions<GraphQLStreamOptions>>()?.Value ?? new GraphQLStreamOptions();
        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger("GraphIntel.GraphQL.AspNetCore")
            ?? NullLogger.Instance;
        var sse = new GraphQLSseHandler(service, options, streams, logger);
        var webSocket = new GraphQLWebSocketHandler(service, options, streams, logger);
        return
        [
            endpoints.MapMethods(ssePattern, [HttpMethods.Get, HttpMethods.Post], sse.HandleAsync).WithDisplayName("GraphQL over SSE " + ssePattern),
            endpoints.Map(webSocketPattern, webSocket.HandleAsync).WithDisplayName("GraphQL over WebSocket " + webSocketPattern),
        ];
    }
}
