using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Stores;

/// <summary>
/// A process's hold on the store it writes: for the embedded store its one-writer lock (<see cref="EmbeddedStoreLock"/>),
/// taken before anything opens the file and held until disposed; nothing for Neo4j, which serves many clients itself.
/// </summary>
public sealed class StoreWriterLock : IDisposable
{
    private readonly EmbeddedStoreLock? _held;

    private StoreWriterLock(EmbeddedStoreLock? held) => _held = held;

    /// <summary>Who holds the lock (this process, as <c>holder (pid …)</c>), or null for Neo4j.</summary>
    public string? Holder => _held?.Holder;

    /// <summary>Takes the chosen store's writer lock as <paramref name="holder"/>, creating the embedded store's data directory when missing.</summary>
    /// <exception cref="GraphStoreException">Another process holds the store, or its directory cannot be created; the message says which and where.</exception>
    public static StoreWriterLock Acquire(GraphStoreOptions options, string holder)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEmbedded) return new StoreWriterLock(null);
        var database = Path.GetFullPath(options.Embedded.DatabasePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
            return new StoreWriterLock(EmbeddedStoreLock.Acquire(database, holder));
        }
        catch (EmbeddedStoreLockedException e)
        {
            throw new GraphStoreException(e.Message, isTransient: false, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GraphStoreException(
                $"cannot open the embedded store's data directory {Path.GetDirectoryName(database)} ({EmbeddedStoreOptions.DataDirVariable}): {e.Message}",
                isTransient: false, e);
        }
    }

    public void Dispose() => _held?.Dispose();
}
