namespace GraphIntel.GraphQL.Execution;

/// <summary>
/// The request-scoped scheduler of batched loads. The executor runs resolvers until none can make progress, then calls
/// <see cref="DispatchAsync"/>: every batch queued so far is fetched (in parallel across loaders), then their key tasks
/// are completed one batch after another on the dispatching thread, so the resolvers they resume queue the next level's
/// keys before the next dispatch. Thus a level of N objects costs one batch call per loader, whatever N.
/// </summary>
public sealed class DataLoaderScheduler
{
    private readonly Dictionary<string, IBatchLoader> _loaders = new(StringComparer.Ordinal);
    private List<IBatch> _ready = [];
    private TaskCompletionSource? _workArrived;

    internal object Gate { get; } = new();

    /// <summary>Whether batches are waiting to be dispatched.</summary>
    public bool HasPendingBatches
    {
        get
        {
            lock (Gate)
            {
                return _ready.Count > 0;
            }
        }
    }

    /// <summary>The number of batch calls made so far in this request.</summary>
    public int DispatchedBatchCount { get; private set; }

    /// <summary>The loader named <paramref name="name"/>, created on first use.</summary>
    public DataLoader<TKey, TValue> GetOrCreate<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batchFunction)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(batchFunction);
        lock (Gate)
        {
            if (_loaders.TryGetValue(name, out var existing))
            {
                return existing as DataLoader<TKey, TValue> ?? throw new InvalidOperationException(
                    $"Data loader \"{name}\" already exists in this request with other key/value types than <{typeof(TKey).Name}, {typeof(TValue).Name}>.");
            }
            var loader = new DataLoader<TKey, TValue>(name, batchFunction, this);
            _loaders[name] = loader;
            return loader;
        }
    }

    internal void Schedule(IBatch batch)
    {
        // Called under Gate.
        _ready.Add(batch);
        var waiter = _workArrived;
        _workArrived = null;
        waiter?.TrySetResult();
    }

    /// <summary>A task that completes when a batch is queued (at once if one is).</summary>
    internal Task WhenWorkArrives()
    {
        lock (Gate)
        {
            if (_ready.Count > 0)
            {
                return Task.CompletedTask;
            }
            _workArrived ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _workArrived.Task;
        }
    }

    /// <summary>Fetches every queued batch, then completes their keys on this thread.</summary>
    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        List<IBatch> batches;
        lock (Gate)
        {
            batches = _ready;
            _ready = [];
            foreach (var batch in batches)
            {
                batch.Close();
            }
        }
        if (batches.Count == 0)
        {
            return;
        }
        DispatchedBatchCount += batches.Count;
        if (batches.Count == 1)
        {
            await batches[0].FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var fetches = new Task[batches.Count];
            for (var i = 0; i < fetches.Length; i++)
            {
                fetches[i] = batches[i].FetchAsync(cancellationToken);
            }
            await Task.WhenAll(fetches).ConfigureAwait(false);
        }
        foreach (var batch in batches)
        {
            batch.Complete();
        }
    }
}
