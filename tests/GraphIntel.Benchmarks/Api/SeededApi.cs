using GraphIntel.Api.Hosting;
using GraphIntel.Api.Resolvers;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphIntel.Benchmarks.Api;

/// <summary>
/// The API's GraphQL service composed exactly as the API composes it (<see cref="StoreHosting.AddGraphStore"/>,
/// <see cref="ApiComposition.AddGraphIntelApi"/>: the embedded store behind its read-through cache, the schema, the
/// limits and validation rules), over a temporary data directory seeded from the repository's curated data set by
/// the API's own start-up (<see cref="StoreInitializer"/>). No HTTP server: the benchmark calls the service in process.
/// </summary>
internal sealed class SeededApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private SeededApi(WebApplication app, string dataDirectory)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        Service = app.Services.GetRequiredService<GraphQLService>();
        Store = app.Services.GetRequiredService<IGraphStore>();
    }

    public GraphQLService Service { get; }

    public IGraphStore Store { get; }

    /// <summary>What the HTTP layer puts in every request's user context (no API key: an anonymous reader).</summary>
    public static IDictionary<string, object?> AnonymousUserContext() =>
        new Dictionary<string, object?> { [GraphIntelSchema.PrincipalKey] = null };

    public static async Task<SeededApi> StartAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "graphintel-api-bench-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["GraphStore:Embedded:DataDirectory"] = dataDirectory;
        builder.Configuration["GraphIntel:Startup:SeedDirectory"] = RepoPaths.Root;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddGraphStore();
        builder.AddGraphIntelApi();
        var app = builder.Build();
        try
        {
            // Only the store's start-up (migrate, seed when empty): the benchmark needs no listening server.
            foreach (var hosted in app.Services.GetServices<IHostedService>())
            {
                if (hosted is StoreInitializer initializer) await initializer.StartAsync(CancellationToken.None);
            }
            var state = app.Services.GetRequiredService<StoreState>();
            if (!state.IsInitialized)
                throw new InvalidOperationException($"the embedded store in {dataDirectory} did not initialize: {state.Problem}");
            return new SeededApi(app, dataDirectory);
        }
        catch
        {
            await app.DisposeAsync();
            TryDelete(dataDirectory);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        TryDelete(_dataDirectory);
    }

    private static void TryDelete(string directory)
    {
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
