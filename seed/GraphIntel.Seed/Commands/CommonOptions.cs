using System.CommandLine;
using GraphIntel.Graph.Dataset;
using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Stores;

namespace GraphIntel.Seed.Commands;

/// <summary>Options several commands share, and how they combine with the environment.</summary>
internal static class CommonOptions
{
    public static Option<string?> SeedDir() => new("--seed-dir")
    {
        Description = $"The folder holding seed/ (default: {DatasetLocator.SeedDirVariable}, else the nearest one above the current directory).",
    };

    public static Option<string?> Store() => new("--store")
    {
        Description = $"Which store: {string.Join(" or ", GraphStoreOptions.Backends)} (default: {GraphStoreOptions.StoreVariable}, else embedded).",
    };

    public static Option<string?> DataDir() => new("--data-dir")
    {
        Description = $"The embedded store's data directory (default: {EmbeddedStoreOptions.DataDirVariable}, else ./data).",
    };

    /// <summary>The data-set root from <c>--seed-dir</c>, the environment, or the nearest <c>seed/data</c>.</summary>
    public static string LocateDataset(string? seedDir, SeedConsole console) =>
        DatasetLocator.TryLocate(seedDir, console.GetEnvironmentVariable, out var error)
        ?? throw new SeedException($"cannot find the data set: {error}");

    /// <summary>Store options from the environment, overridden by the command line.</summary>
    public static GraphStoreOptions StoreOptions(string? store, string? dataDir, SeedConsole console)
    {
        GraphStoreOptions options;
        try
        {
            options = GraphStoreOptions.Bind(configuration: null, console.GetEnvironmentVariable, store);
        }
        catch (GraphStoreException e)
        {
            throw new SeedException(e.Message);
        }
        if (dataDir is not null) options.Embedded.DataDirectory = dataDir;
        return options;
    }

    /// <summary>
    /// Refuses an embedded store whose data directory does not exist: a mistyped <c>--data-dir</c> must not quietly
    /// become a new, empty store. With <paramref name="databaseMustExist"/>, the database file must be there too.
    /// </summary>
    public static void RequireExistingStore(GraphStoreOptions options, bool databaseMustExist)
    {
        if (!options.IsEmbedded) return;
        var directory = Path.GetFullPath(options.Embedded.DataDirectory);
        if (!Directory.Exists(directory))
        {
            throw new SeedException(
                $"the data directory {directory} does not exist (--data-dir, {EmbeddedStoreOptions.DataDirVariable}); " +
                "give an existing one, or create it first (mkdir) to start a new store there");
        }
        var database = Path.GetFullPath(options.Embedded.DatabasePath);
        if (databaseMustExist && !File.Exists(database))
            throw new SeedException($"there is no embedded store in {directory} (no {EmbeddedStoreOptions.DatabaseFileName}): nothing to export");
    }

    public static async Task WriteProblemsAsync(IReadOnlyList<DatasetProblem> problems, TextWriter output)
    {
        foreach (var problem in problems) await output.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
        await output.WriteLineAsync(problems.Count == 1 ? "1 problem." : $"{problems.Count} problems.").ConfigureAwait(false);
    }
}
