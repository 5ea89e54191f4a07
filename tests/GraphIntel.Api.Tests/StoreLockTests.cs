using GraphIntel.Api.Tests.Support;
using GraphIntel.Graph.Embedded;

namespace GraphIntel.Api.Tests;

/// <summary>
/// The running API holds its embedded store's writer lock, so no other writer (seed load, a second API) can write
/// under its caches; the operating system frees the lock when the holder dies, however it dies.
/// </summary>
public sealed class StoreLockTests(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public void The_running_api_holds_the_lock_of_its_store_and_says_who_it_is()
    {
        var database = Path.Combine(api.DataDirectory, "graphintel.db");

        var refused = Assert.Throws<EmbeddedStoreLockedException>(() => EmbeddedStoreLock.Acquire(database, "a test"));

        Assert.StartsWith($"GraphIntel API (pid {Environment.ProcessId}, process ", refused.Holder);
        Assert.Contains($"started {System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z", refused.Holder);
        Assert.Equal(database + ".lock", refused.LockPath);
    }

    [Fact]
    public async Task A_killed_api_leaves_no_stale_lock()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("graphintel-lock-").FullName;
        var workingDirectory = Directory.CreateTempSubdirectory("graphintel-lock-cwd-").FullName;
        var database = Path.Combine(dataDirectory, "graphintel.db");
        try
        {
            using var process = ApiProcess.Start(new Dictionary<string, string> { ["GRAPHINTEL_DATA_DIR"] = dataDirectory }, workingDirectory);
            var error = process.StandardError.ReadToEndAsync();
            var printed = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var listening = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    printed.Enqueue(line);
                    if (line.Contains("GraphQL (and GraphiQL in a browser) at", StringComparison.Ordinal)) return true;
                }
                return false;
            });
            var started = await Task.WhenAny(listening, Task.Delay(TimeSpan.FromSeconds(60))) == listening && await listening;
            if (!started) process.Kill();
            Assert.True(started, $"the API did not start:\n{string.Join("\n", printed)}\n{(process.HasExited ? await error : "")}");

            var held = Assert.Throws<EmbeddedStoreLockedException>(() => EmbeddedStoreLock.Acquire(database, "a test"));
            Assert.StartsWith($"GraphIntel API (pid {process.Id}, ", held.Holder);

            process.Kill(); // SIGKILL: no shutdown code runs
            await process.WaitForExitAsync();

            using var taken = EmbeddedStoreLock.Acquire(database, "a test");
            Assert.StartsWith($"a test (pid {Environment.ProcessId}, ", taken.Holder);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}
