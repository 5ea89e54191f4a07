using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphIntel.Api.Hosting;

/// <summary>Registers the graph store the configuration selects, its start-up (migrate, seed when empty) and its health checks.</summary>
public static class StoreHosting
{
    public static WebApplicationBuilder AddGraphStore(this WebApplicationBuilder builder)
    {
        var options = new GraphStoreOptions();
        builder.Configuration.GetSection(GraphStoreOptions.SectionName).Bind(options);
        options.ApplyEnvironment(Environment.GetEnvironmentVariable);
        var startup = new StoreStartupOptions();
        builder.Configuration.GetSection(StoreStartupOptions.SectionName).Bind(startup);
        startup.ApplyEnvironment(Environment.GetEnvironmentVariable);
        var cache = new StoreCacheOptions();
        builder.Configuration.GetSection(StoreCacheOptions.SectionName).Bind(cache);
        cache.ApplyEnvironment(Environment.GetEnvironmentVariable);

        var writerLock = StoreWriterLock.Acquire(options);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => writerLock);
        builder.Services.AddSingleton(startup);
        builder.Services.AddSingleton<StoreState>();
        builder.Services.AddSingleton(cache);
        builder.Services.AddSingleton<IGraphStore>(sp => cache.Wrap(GraphStoreFactory.Create(options, sp.GetRequiredService<TimeProvider>()), options));
        builder.Services.AddHostedService<StoreInitializer>();
        builder.Services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("running"), tags: [HealthTags.Live])
            .AddCheck<StoreHealthCheck>("store", tags: [HealthTags.Ready]);
        return builder;
    }
}

/// <summary>
/// The API's hold on its embedded store (<see cref="EmbeddedStoreLock"/>), taken before anything opens the store and
/// released when the host is disposed; nothing for Neo4j, which serves many clients itself.
/// </summary>
public sealed class StoreWriterLock : IDisposable
{
    private readonly EmbeddedStoreLock? _held;

    private StoreWriterLock(EmbeddedStoreLock? held) => _held = held;

    /// <summary>Who holds the lock (this process), or null for Neo4j.</summary>
    public string? Holder => _held?.Holder;

    /// <summary>Takes the embedded store's lock, creating its data directory when missing.</summary>
    /// <exception cref="StartupConfigurationException">Another process holds the store.</exception>
    public static StoreWriterLock Acquire(GraphStoreOptions options)
    {
        if (!string.Equals(options.Backend, GraphStoreOptions.EmbeddedBackend, StringComparison.OrdinalIgnoreCase)) return new StoreWriterLock(null);
        try
        {
            Directory.CreateDirectory(options.DataDirectory);
            return new StoreWriterLock(EmbeddedStoreLock.Acquire(options.EmbeddedDatabasePath, "GraphIntel API"));
        }
        catch (EmbeddedStoreLockedException e)
        {
            throw new StartupConfigurationException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupConfigurationException(
                $"cannot open the embedded store's data directory {Path.GetFullPath(options.DataDirectory)} ({GraphStoreOptions.DataDirVariable}): {e.Message}", e);
        }
    }

    public void Dispose() => _held?.Dispose();
}

/// <summary>Health check tags: live (the process runs) and ready (it can answer queries).</summary>
public static class HealthTags
{
    public const string Live = "live";
    public const string Ready = "ready";
}

/// <summary>Whether the store has been migrated (and seeded) since start, and if not, why.</summary>
public sealed class StoreState
{
    private volatile string? _problem = "starting";
    public bool IsInitialized => _problem is null;
    public string? Problem => _problem;
    public void Initialized() => _problem = null;
    public void Failed(string problem) => _problem = problem;
}

/// <summary>Ready when the store is initialized and answers a round trip.</summary>
public sealed class StoreHealthCheck(IGraphStore store, StoreState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Problem is { } problem) return HealthCheckResult.Unhealthy($"store not initialized: {problem}");
        var health = await store.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        return health.Available
            ? HealthCheckResult.Healthy($"{health.Backend}: {health.Detail}")
            : HealthCheckResult.Unhealthy($"{health.Backend} unavailable: {health.Detail}");
    }
}
