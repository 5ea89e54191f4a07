using GraphIntel.Graph.Dataset;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Stores;

namespace GraphIntel.Api.Hosting;

/// <summary>
/// Migrates the store before the server starts listening and, when it is empty, loads the curated data set. When
/// the store cannot be reached yet (Neo4j still starting), the API starts anyway — not ready, answering queries
/// with a "store unavailable" error — and keeps trying in the background until it succeeds.
/// </summary>
internal sealed class StoreInitializer(
    IGraphStore store, StoreState state, GraphStoreOptions storeOptions, StoreStartupOptions options,
    StoreWriterLock writerLock, TimeProvider time, ILogger<StoreInitializer> log) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retrying;
    private volatile bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        log.LogInformation("Graph store: {Store}", GraphStoreFactory.Describe(storeOptions));
        if (writerLock.Holder is { } holder) log.LogInformation("Holding the embedded store's writer lock as {Holder}", holder);
        if (await TryInitializeAsync(cancellationToken).ConfigureAwait(false)) return;
        _retrying = RetryAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_retrying is not null) await Task.WhenAny(_retrying, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }

    private async Task RetryAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.RetryDelay, time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (await TryInitializeAsync(ct).ConfigureAwait(false)) return;
        }
    }

    private async Task<bool> TryInitializeAsync(CancellationToken ct)
    {
        try
        {
            await store.InitializeAsync(ct).ConfigureAwait(false);
            if (options.SeedWhenEmpty) await SeedIfEmptyAsync(ct).ConfigureAwait(false);
            state.Initialized();
            return true;
        }
        catch (GraphStoreException e) when (e.IsTransient)
        {
            state.Failed(e.Message);
            log.LogWarning("Graph store not reachable yet ({Problem}); retrying in {Delay}", e.Message, options.RetryDelay);
            return false;
        }
    }

    private async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        var statistics = await store.GetStatisticsAsync(ct).ConfigureAwait(false);
        if (statistics.Sources > 0 || statistics.EntitiesByKind.Values.Sum() > 0) return;
        var root = DatasetLocator.Locate(options.SeedDirectory);
        var read = DatasetReader.Read(root);
        if (!read.IsValid)
        {
            foreach (var problem in read.Problems) log.LogError("Seed data: {Problem}", problem.ToString());
            throw new InvalidOperationException(
                $"the curated data set at {root} has {read.Problems.Count} problem(s); run `dotnet run --project seed/GraphIntel.Seed -- validate`");
        }
        var summary = await store.ApplyAsync(read.ChangeSet,
            new WriteContext("seed", "initial load of the curated data set", time.GetUtcNow()), ct).ConfigureAwait(false);
        log.LogInformation("Seeded the empty store from {Root}: {Summary}", root,
            string.Join(", ", summary.ByKind.Select(kv => $"{kv.Value.Created} {kv.Key}")));
    }
}
