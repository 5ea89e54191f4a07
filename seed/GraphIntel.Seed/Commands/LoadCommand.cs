using System.CommandLine;
using GraphIntel.Graph.Dataset;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Stores;
using GraphIntel.Seed.Load;

namespace GraphIntel.Seed.Commands;

/// <summary>
/// <c>load [--store embedded|neo4j] [--data-dir D] [--actor NAME] [--seed-dir D]</c>: validates the data set and,
/// only when it has no problem, applies it to the store as one atomic, idempotent change set. It says which store it
/// writes; an embedded store's data directory must exist, and its writer lock (<see cref="StoreWriterLock"/>) must be
/// free: a load into the store of a running API is refused, naming the holder.
/// </summary>
internal static class LoadCommand
{
    public const string DefaultActor = "seed";

    public static Command Create(SeedConsole console)
    {
        var seedDir = CommonOptions.SeedDir();
        var store = CommonOptions.Store();
        var dataDir = CommonOptions.DataDir();
        var actor = new Option<string>("--actor")
        {
            Description = "Who the audit trail records as making the change.",
            DefaultValueFactory = _ => DefaultActor,
        };
        var command = new Command("load", "Validate the data set, then write it to the store as one atomic change (nothing is written if any problem is found).")
        {
            seedDir, store, dataDir, actor,
        };
        command.SetAction((parse, ct) => RunAsync(console,
            CommonOptions.LocateDataset(parse.GetValue(seedDir), console),
            CommonOptions.StoreOptions(parse.GetValue(store), parse.GetValue(dataDir), console),
            parse.GetValue(actor) ?? DefaultActor, ct));
        return command;
    }

    /// <summary>What a load came to: the data set read, and either what the store wrote or why it refused.</summary>
    private sealed record Outcome(DatasetReadResult Dataset, WriteSummary? Written = null, GraphValidationException? Refused = null);

    private static async Task<int> RunAsync(SeedConsole console, string root, GraphStoreOptions options, string actor, CancellationToken ct)
    {
        CommonOptions.RequireExistingStore(options, databaseMustExist: false);
        await console.Out.WriteLineAsync($"Store: {GraphStoreFactory.Describe(options)}").ConfigureAwait(false);
        var outcome = await LoadProgress.RunAsync(console, stages => LoadAsync(stages, console, root, options, actor, ct)).ConfigureAwait(false);
        var (dataset, written, refused) = outcome;
        if (!dataset.IsValid)
        {
            await CommonOptions.WriteProblemsAsync(dataset.Problems, console.Out).ConfigureAwait(false);
            await console.Out.WriteLineAsync("Nothing was written: fix the problems above, then load again.").ConfigureAwait(false);
            return ExitCodes.InvalidData;
        }
        if (refused is not null)
        {
            foreach (var problem in refused.Problems) await console.Out.WriteLineAsync($"store: {problem}").ConfigureAwait(false);
            await console.Out.WriteLineAsync($"The store refused the data set ({refused.Problems.Count} problems); nothing was written.").ConfigureAwait(false);
            return ExitCodes.InvalidData;
        }

        console.Ansi.Write(WriteSummaryTable.Create(written!));
        await console.Out.WriteLineAsync(dataset.Summary.ToString()).ConfigureAwait(false);
        var created = written!.ByKind.Values.Sum(c => c.Created);
        var updated = written.ByKind.Values.Sum(c => c.Updated);
        await console.Out.WriteLineAsync(written.ChangedAnything
            ? $"Loaded: {created} created, {updated} updated."
            : "Nothing changed: the store already holds this data set.").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Reads and validates; only a valid data set opens the store, which gets it as one change set.</summary>
    private static async Task<Outcome> LoadAsync(IStageRunner stages, SeedConsole console, string root, GraphStoreOptions options, string actor, CancellationToken ct)
    {
        var dataset = await stages.RunAsync("Reading and validating the data set", () => Task.FromResult(DatasetReader.Read(root))).ConfigureAwait(false);
        if (!dataset.IsValid) return new Outcome(dataset);

        using var writerLock = LockStore(options);
        await using var graph = GraphStoreFactory.Create(options);
        await stages.RunAsync($"Opening the {options.Backend} store", async () =>
        {
            await graph.InitializeAsync(ct).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        var records = dataset.Summary.Sources + dataset.Summary.Entities + dataset.Summary.Facts;
        var context = new WriteContext(actor, $"seed load of {dataset.Summary.Files} data-set files", console.Time.GetUtcNow());
        try
        {
            var written = await stages.RunAsync($"Writing {records} records as one change", () => graph.ApplyAsync(dataset.ChangeSet, context, ct))
                .ConfigureAwait(false);
            return new Outcome(dataset, Written: written);
        }
        catch (GraphValidationException refused)
        {
            return new Outcome(dataset, Refused: refused);
        }
    }

    /// <summary>The store's writer lock (the embedded store's; nothing for Neo4j), held until the load ends.</summary>
    private static StoreWriterLock LockStore(GraphStoreOptions options)
    {
        try
        {
            return StoreWriterLock.Acquire(options, "seed load");
        }
        catch (GraphStoreException e)
        {
            throw new SeedException($"nothing was written: {e.Message}", e);
        }
    }
}
