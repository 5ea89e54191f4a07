using GraphIntel.Api.Telemetry;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphIntel.Api.Hosting;

/// <summary>Registers the graph store the configuration selects, its start-up (migrate, seed when empty) and its health checks.</summary>
internal static class StoreHosting
{
    /// <summary>The holder name the API's writer lock carries (<see cref="StoreWriterLock"/>).</summary>
    public const string LockHolder = "GraphIntel API";

    /// <exception cref="StartupConfigurationException">The store settings cannot be used, or another process holds the embedded store.</exception>
    public static WebApplicationBuilder AddGraphStore(this WebApplicationBuilder builder)
    {
        GraphStoreOptions options;
        StoreWriterLock writerLock;
        try
        {
            // The chooser reads GraphStore:Backend; the chosen backend binds its own section and variables.
            options = GraphStoreOptions.Bind(builder.Configuration, Environment.GetEnvironmentVariable);
            writerLock = StoreWriterLock.Acquire(options, LockHolder);
        }
        catch (GraphStoreException e)
        {
            throw new StartupConfigurationException(e.Message, e);
        }
        var startup = new StoreStartupOptions();
        builder.Configuration.GetSection(StoreStartupOptions.SectionName).Bind(startup);
        startup.ApplyEnvironment(Environment.GetEnvironmentVariable);
        var cache = new StoreCacheOptions();
        builder.Configuration.GetSection(StoreCacheOptions.SectionName).Bind(cache);
        cache.ApplyEnvironment(Environment.GetEnvironmentVariable);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => writerLock);
        builder.Services.AddSingleton(startup);
        builder.Services.AddSingleton<StoreState>();
        builder.Services.AddSingleton(cache);
        builder.Services.AddSingleton<IGraphStore>(sp =>
        {
            // From the outside in: the cache; the change feed's publisher (subscriptions), told of every write; the store
            // telemetry, beneath both so it counts the calls that reach the backend; the backend.
            var time = sp.GetRequiredService<TimeProvider>();
            var store = new InstrumentedGraphStore(
                GraphStoreFactory.Create(options, time), sp.GetRequiredService<StoreTelemetry>(), options.IsEmbedded ? "embedded" : "neo4j");
            var feed = sp.GetRequiredService<Subscriptions.ChangeFeed>();
            feed.Attach(store);
            return cache.Wrap(new Subscriptions.PublishingGraphStore(store, feed), options, time);
        });
        builder.Services.AddHostedService<StoreInitializer>();
        builder.Services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("running"), tags: [HealthTags.Live])
            .AddCheck<StoreHealthCheck>("store", tags: [HealthTags.Ready]);
        return builder;
    }
}
