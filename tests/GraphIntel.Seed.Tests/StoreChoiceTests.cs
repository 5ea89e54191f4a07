using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Store;

namespace GraphIntel.Seed.Tests;

/// <summary>
/// load and export say which store file they use, never create a store the user did not mean to (a mistyped data
/// directory is an error), and load refuses a store another writer holds, naming the holder.
/// </summary>
public sealed class StoreChoiceTests : IDisposable
{
    private readonly TempDataset _dataset = new();
    private readonly string _dataDir;

    public StoreChoiceTests() => _dataDir = Path.Combine(_dataset.Root, "store");

    public void Dispose() => _dataset.Dispose();

    private string Database => Path.Combine(_dataDir, EmbeddedStoreOptions.DatabaseFileName);

    private Task<SeedRun> Load(string dataDir) => SeedCliRunner.RunAsync(["load", "--seed-dir", _dataset.Root, "--data-dir", dataDir]);

    [Fact]
    public async Task Load_into_a_missing_data_directory_is_an_error_and_creates_nothing()
    {
        var run = await Load(_dataDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"error: the data directory {_dataDir} does not exist (--data-dir, GRAPHINTEL_DATA_DIR); give an existing one, or create it first (mkdir) to start a new store there",
            run.Error.TrimEnd());
        Assert.False(Directory.Exists(_dataDir));
    }

    [Fact]
    public async Task Export_of_a_missing_data_directory_is_an_error_and_creates_nothing()
    {
        var run = await SeedCliRunner.RunAsync("export", "--data-dir", _dataDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: the data directory {_dataDir} does not exist", run.Error);
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(_dataDir));
    }

    [Fact]
    public async Task Export_of_a_directory_without_a_store_is_an_error_and_creates_no_database()
    {
        Directory.CreateDirectory(_dataDir);

        var run = await SeedCliRunner.RunAsync("export", "--data-dir", _dataDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: there is no embedded store in {_dataDir} (no graphintel.db): nothing to export", run.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dataDir));
    }

    [Fact]
    public async Task Load_and_export_print_the_store_file_they_use()
    {
        Directory.CreateDirectory(_dataDir);

        var load = await Load(_dataDir);
        var export = await SeedCliRunner.RunAsync("export", "--data-dir", _dataDir);

        Assert.Equal(0, load.ExitCode);
        Assert.Equal($"Store: embedded store at {Database}", load.OutputLines[0]);
        Assert.Equal(0, export.ExitCode);
        Assert.Equal($"Store: embedded store at {Database}", export.Error.Split('\n')[0]);
    }

    [Fact]
    public async Task Load_into_a_store_another_writer_holds_is_refused_naming_the_holder_and_writes_nothing()
    {
        Directory.CreateDirectory(_dataDir);
        using (var api = EmbeddedStoreLock.Acquire(Database, "GraphIntel API"))
        {
            var run = await Load(_dataDir);

            Assert.Equal(2, run.ExitCode);
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"error: nothing was written: the embedded store {Database} is in use by GraphIntel API (pid {Environment.ProcessId}, ", line);
            Assert.EndsWith("only one process may write to it: stop that process, or write through its API", line);
            Assert.False(File.Exists(Database));
        }

        Assert.Equal(0, (await Load(_dataDir)).ExitCode);
    }
}
