namespace GraphIntel.GraphQL.Execution;

/// <summary>
/// A request-scoped batch loader: <see cref="LoadAsync"/> queues a key and returns a task; the executor sends all keys
/// queued while resolvers could still make progress to the batch function in one call (see <see cref="DataLoaderScheduler"/>).
/// Results are cached per key for the request.
/// </summary>
public sealed class DataLoader<TKey, TValue> : IBatchLoader
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _batchFunction;
    private readonly DataLoaderScheduler _scheduler;
    private readonly Dictionary<TKey, TaskCompletionSource<TValue?>> _cache = new();
    private Batch? _open;

    internal DataLoader(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batchFunction,
        DataLoaderScheduler scheduler)
    {
        Name = name;
        _batchFunction = batchFunction;
        _scheduler = scheduler;
    }

    /// <summary>The loader's name within the request.</summary>
    public string Name { get; }

    /// <summary>The value for <paramref name="key"/>, or default when the batch function returned none for it.</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_scheduler.Gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached.Task;
            }
            // Continuations run on the dispatching thread, so the resolvers they resume queue their next keys
            // before the scheduler looks for the next batch.
            var completion = new TaskCompletionSource<TValue?>();
            _cache[key] = completion;
            if (_open is null)
            {
                _open = new Batch(this);
                _scheduler.Schedule(_open);
            }
            _open.Keys.Add(key);
            _open.Completions.Add(completion);
            return completion.Task;
        }
    }

    /// <summary>The values for several keys, in order.</summary>
    public async Task<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var tasks = new List<Task<TValue?>>();
        foreach (var key in keys)
        {
            tasks.Add(LoadAsync(key));
        }
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private void Close(Batch batch)
    {
        if (ReferenceEquals(_open, batch))
        {
            _open = null;
        }
    }

    private sealed class Batch(DataLoader<TKey, TValue> loader) : IBatch
    {
        private IReadOnlyDictionary<TKey, TValue>? _results;
        private Exception? _failure;

        public List<TKey> Keys { get; } = [];

        public List<TaskCompletionSource<TValue?>> Completions { get; } = [];

        public void Close() => loader.Close(this);

        public async Task FetchAsync(CancellationToken cancellationToken)
        {
            try
            {
                _results = await loader._batchFunction(Keys, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The batch function of data loader \"{loader.Name}\" returned null.");
            }
            catch (Exception e)
            {
                _failure = e;
            }
        }

        public void Complete()
        {
            for (var i = 0; i < Keys.Count; i++)
            {
                if (_failure is not null)
                {
                    Completions[i].TrySetException(_failure);
                }
                else
                {
                    Completions[i].TrySetResult(_results!.TryGetValue(Keys[i], out var value) ? value : default);
                }
            }
        }
    }
}

/// <summary>Marker for the loaders a <see cref="DataLoaderScheduler"/> holds.</summary>
public interface IBatchLoader
{
    /// <summary>The loader's name within the request.</summary>
    string Name { get; }
}

/// <summary>One batch of keys of one loader, waiting to be fetched.</summary>
internal interface IBatch
{
    /// <summary>Stops the loader from adding keys to this batch (called under the gate).</summary>
    void Close();

    /// <summary>Calls the batch function and keeps its result or failure (never throws).</summary>
    Task FetchAsync(CancellationToken cancellationToken);

    /// <summary>Completes the key tasks with the fetched values; their continuations run on the calling thread.</summary>
    void Complete();
}
