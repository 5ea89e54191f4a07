using GraphIntel.Api.Auth;
using GraphIntel.Api.Exports;
using GraphIntel.Api.Limits;
using GraphIntel.Api.Resolvers;
using GraphIntel.Api.Telemetry;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL;
using GraphIntel.GraphQL.AspNetCore;
using GraphIntel.GraphQL.Validation.Limits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace GraphIntel.Api.Hosting;

/// <summary>The API's registration and endpoints, so Program.cs reads as a screen of composition calls.</summary>
public static class ApiComposition
{
    /// <summary>Binds to 127.0.0.1:5000 unless ASPNETCORE_URLS (or --urls) says otherwise.</summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://127.0.0.1:5000");
        return builder;
    }

    public static WebApplicationBuilder AddGraphIntelApi(this WebApplicationBuilder builder)
    {
        var limits = new ApiLimits();
        builder.Configuration.GetSection(ApiLimits.SectionName).Bind(limits);
        limits.Validate();
        var keys = new ApiKeyOptions();
        builder.Configuration.GetSection(ApiKeyOptions.SectionName).Bind(keys);
        keys.ApplyEnvironment(Environment.GetEnvironmentVariable);
        var trustedDocuments = TrustedDocumentOptions.Bind(builder.Configuration);
        var contentRoot = builder.Environment.ContentRootPath;

        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton(new ApiKeyRegistry(keys));
        builder.Services.AddSingleton<CostStatistics>();
        builder.Services.AddSingleton<ExportGate>();
        builder.Services.AddHostedService<CostStatisticsRefresher>();
        builder.Services.AddSingleton<Subscriptions.ChangeFeed>();
        builder.Services.AddHostedService<Subscriptions.ChangeFeedPump>();
        builder.Services.AddSingleton(sp =>
        {
            var estimator = new StatisticsCostEstimator(sp.GetRequiredService<CostStatistics>(), limits);
            return new GraphQLService(
                GraphIntelSchema.Build(sp.GetRequiredService<IGraphStore>(), sp.GetRequiredService<TimeProvider>(), limits, sp.GetRequiredService<Subscriptions.ChangeFeed>()),
                new GraphQLServiceOptions
                {
                    ExtraValidationRules =
                    [
                        new MaxDepthRule(limits.MaxQueryDepth),
                        new MaxCostRule(new CostOptions { MaxCost = limits.MaxQueryCost, DefaultListSize = limits.DefaultListSize, Estimator = estimator }),
                    ],
                    ValidationVersion = () => estimator.Version,
                    ExecutionTimeout = limits.ExecutionTimeout,
                    MaxResultBytes = limits.MaxResponseBytes,
                    TimeProvider = sp.GetRequiredService<TimeProvider>(),
                    Telemetry = sp.GetRequiredService<TelemetryOptions>().ForEngine(),
                });
        });
        builder.Services.AddOptions<GraphQLHttpOptions>().Configure<IGraphStore, StoreCacheOptions, GraphQLService>((options, store, cache, service) =>
        {
            options.ResponseCache = cache.ResponseCacheFor(store);
            // ETags from the store's identity and write generation (GraphIntel:Cache:GenerationCheckInterval keeps it
            // current with other writers): the same on every replica for the same data, new after any write, and never
            // repeated by a store made anew. No store cache (GraphIntel:Cache:Enabled false): no ETags.
            options.DataVersion = store is ICachedGraphLookups versioned ? () => versioned.DataVersion : null;
            options.RefreshDataVersion = store is ICachedGraphLookups refreshed ? refreshed.RefreshAsync : null;
            options.CallerHeaders = ["Authorization", "X-Api-Key"]; // where ApiKeyMiddleware reads the key
            trustedDocuments.Apply(options, service, contentRoot);
            options.MaxRequestBytes = limits.MaxRequestBytes;
            options.MaxResponseBytes = limits.MaxResponseBytes;
            options.PersistedQueries = limits.MaxPersistedQueries == 0 ? null : new PersistedQueryStore(limits.MaxPersistedQueries, limits.MaxPersistedQueryBytes);
            options.AllowIntrospection = keys.AnonymousIntrospection ? null : http => ApiKeyMiddleware.PrincipalOf(http) is not null;
            options.UserContextFactory = http => new Dictionary<string, object?>
            {
                [GraphIntelSchema.PrincipalKey] = ApiKeyMiddleware.PrincipalOf(http),
            };
        });
        builder.Services.AddOptions<GraphQLStreamOptions>().Configure<IHostApplicationLifetime, ApiKeyRegistry>((options, lifetime, registry) =>
        {
            options.MaxSubscriptions = limits.MaxSubscriptions;
            options.MaxWebSocketConnections = limits.MaxWebSocketConnections;
            options.ConnectionInitTimeout = limits.ConnectionInitTimeout;
            options.KeepAliveInterval = limits.KeepAliveInterval;
            options.Stopping = lifetime.ApplicationStopping;
            options.AuthorizeConnection = (http, payload) => Subscriptions.StreamAuthorization.Authorize(http, payload, registry);
        });
        builder.AddHttpSecurity();
        builder.AddTelemetry();
        return builder;
    }

    public static WebApplication MapGraphIntel(this WebApplication app)
    {
        app.UseHttpSecurity();
        app.UseExplorer();
        app.UseGraphiQL("/graphql");
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/graphql"), branch => branch.UseMiddleware<ApiKeyMiddleware>());
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero }); // graphql-ws pings at the protocol level
        app.MapGraphQL("/graphql");
        app.MapGraphQLStreams("/graphql/stream", "/graphql/ws");
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ExportEndpoints.Path), branch => branch.UseMiddleware<ApiKeyMiddleware>());
        app.MapExports();
        app.MapTelemetry();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Live) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready) });
        // A browser lands on the explorer; any other client (curl, a health probe) on the GraphQL endpoint, as before it.
        app.MapGet("/", (HttpRequest request) => Results.Redirect(Explorer.AcceptsHtml(request) ? Explorer.PathBase : "/graphql"));
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                app.Logger.LogInformation("GraphIntel API: GraphQL (and GraphiQL in a browser) at {GraphQL}, the explorer at {Explorer}",
                    url.TrimEnd('/') + "/graphql", url.TrimEnd('/') + Explorer.PathBase);
            }
        });
        return app;
    }
}
