using System.Diagnostics;
using System.Globalization;
using System.Text;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Embedded;

/// <summary>
/// The one-writer lock of an embedded store: an exclusive operating-system lock on a byte range of the lock file
/// beside the database (<c>graphintel.db.lock</c>), which also holds one line saying who holds it (name, pid,
/// process, start time). The operating system drops the lock when the holder's process ends, however it ends, so
/// a crashed holder never leaves the store stuck; the stale line is overwritten by the next holder. The API holds
/// it for its lifetime and <c>seed load</c> while it writes, so neither writes under the other's in-memory indexes.
/// On Linux the lock is a POSIX record lock, which belongs to the whole process: a second <see cref="Acquire"/> in the
/// same process is refused from a table of this process's holders before the file is opened again (closing any
/// handle of the file would drop the lock), so nothing else in the process should open the lock file.
/// </summary>
public sealed class EmbeddedStoreLock : IDisposable
{
    /// <summary>Appended to the database file's name to name the lock file.</summary>
    public const string FileSuffix = ".lock";

    // Far beyond the holder line: the lock never covers bytes anyone reads (Windows locks are mandatory).
    private const long LockedOffset = 1L << 40;

    // POSIX record locks belong to the process: a second lock from this process would succeed, and closing any other
    // handle of the file would drop the lock. So this process's holders are kept here and checked before the file is
    // opened again.
    private static readonly Dictionary<string, string> HeldInThisProcess = new(StringComparer.Ordinal);

    private readonly FileStream _file;
    private bool _disposed;

    private EmbeddedStoreLock(FileStream file, string path, string holder)
    {
        _file = file;
        FilePath = path;
        Holder = holder;
    }

    /// <summary>The lock file.</summary>
    public string FilePath { get; }

    /// <summary>Who holds the lock: this process, as written in the lock file.</summary>
    public string Holder { get; }

    /// <summary>The lock file of the database at <paramref name="databasePath"/>.</summary>
    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + FileSuffix;

    /// <summary>Takes the lock of the database at <paramref name="databasePath"/> (whose directory must exist), without waiting.</summary>
    /// <param name="databasePath">The store's database file.</param>
    /// <param name="owner">What this process is, for the message another process gets ("GraphIntel API", "seed load").</param>
    /// <exception cref="EmbeddedStoreLockedException">Another process (or another open of this store) holds the lock.</exception>
    public static EmbeddedStoreLock Acquire(string databasePath, string owner)
    {
        var path = PathFor(databasePath);
        lock (HeldInThisProcess)
        {
            if (HeldInThisProcess.TryGetValue(path, out var holder))
                throw new EmbeddedStoreLockedException(Path.GetFullPath(databasePath), path, holder);
            var taken = Take(databasePath, path, owner);
            HeldInThisProcess[path] = taken.Holder;
            return taken;
        }
    }

    private static EmbeddedStoreLock Take(string databasePath, string path, string owner)
    {
        FileStream file;
        if (OperatingSystem.IsMacOS())
        {
            // No byte-range locks in .NET on macOS: the whole file is locked (flock), so the holder line cannot be read.
            try
            {
                file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                throw new EmbeddedStoreLockedException(Path.GetFullPath(databasePath), path, null);
            }
        }
        else
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            try
            {
                file.Lock(LockedOffset, 1);
            }
            catch (IOException)
            {
                var holder = ReadHolder(file);
                file.Dispose();
                throw new EmbeddedStoreLockedException(Path.GetFullPath(databasePath), path, holder);
            }
        }

        var line = Describe(owner);
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        file.SetLength(0);
        file.Write(bytes);
        file.Flush(flushToDisk: true);
        return new EmbeddedStoreLock(file, path, line);
    }

    /// <summary>Releases the lock (the file stays, with its last holder's line).</summary>
    public void Dispose()
    {
        lock (HeldInThisProcess)
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                if (!OperatingSystem.IsMacOS()) _file.Unlock(LockedOffset, 1);
            }
            catch (IOException)
            {
                // Closing the file releases the lock anyway.
            }
            _file.Dispose();
            // Only now, with this process's handle closed, may another open of the file in this process take it.
            HeldInThisProcess.Remove(FilePath);
        }
    }

    private static string Describe(string owner)
    {
        using var process = Process.GetCurrentProcess();
        var started = process.StartTime.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{owner} (pid {Environment.ProcessId}, process {process.ProcessName}, started {started}, host {Environment.MachineName})");
    }

    private static string? ReadHolder(FileStream file)
    {
        try
        {
            file.Position = 0;
            var buffer = new byte[1024];
            var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var text = Encoding.UTF8.GetString(buffer, 0, read);
            var line = text.Split('\n')[0].Trim();
            return line.Length > 0 ? line : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

/// <summary>The embedded store is locked by another writer (<see cref="EmbeddedStoreLock"/>); nothing was opened.</summary>
public sealed class EmbeddedStoreLockedException(string databasePath, string lockPath, string? holder)
    : GraphStoreException(
        $"the embedded store {databasePath} is in use by {holder ?? "another process (its lock file " + lockPath + " names no holder)"}; " +
        "only one process may write to it: stop that process, or write through its API",
        isTransient: false)
{
    /// <summary>The lock file.</summary>
    public string LockPath { get; } = lockPath;

    /// <summary>Who holds the lock, as its lock file says; null when it says nothing.</summary>
    public string? Holder { get; } = holder;
}
