using System.CommandLine;
using GraphIntel.Graph.Stores;
using GraphIntel.Seed.Export;

namespace GraphIntel.Seed.Commands;

/// <summary>
/// <c>export [--format json|cypher|events-yaml] [--out FILE] [--store …] [--data-dir D]</c>: the whole graph in one document. It
/// says which store it reads (on standard error) and never creates one: a missing data directory or database is an
/// error. It takes no writer lock, so a running API's store can be exported.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(SeedConsole console)
    {
        var format = new Option<string>("--format")
        {
            Description = $"One of: {ExportFormatters.Names} (json is documented in seed/GraphIntel.Seed/README.md).",
            DefaultValueFactory = _ => "json",
        };
        var output = new Option<string?>("--out") { Description = "The file to write (default: standard output)." };
        var store = CommonOptions.Store();
        var dataDir = CommonOptions.DataDir();
        var command = new Command("export", "Write the whole graph held by the store.") { format, output, store, dataDir };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(format) ?? "json";
            var formatter = ExportFormatters.Find(name)
                ?? throw new SeedException($"export format '{name}' is not available in this build (available: {ExportFormatters.Names})");
            var options = CommonOptions.StoreOptions(parse.GetValue(store), parse.GetValue(dataDir), console);
            CommonOptions.RequireExistingStore(options, databaseMustExist: true);
            await console.Error.WriteLineAsync($"Store: {GraphStoreFactory.Describe(options)}").ConfigureAwait(false);
            await using var graph = GraphStoreFactory.Create(options);
            await graph.InitializeAsync(ct).ConfigureAwait(false);
            var snapshot = await graph.ExportAsync(ct).ConfigureAwait(false);
            if (formatter is EventsYamlExportFormatter)
            {
                foreach (var lost in EventsYamlExportFormatter.Unrepresentable(snapshot))
                    await console.Error.WriteLineAsync($"warning: the events format cannot carry {lost}").ConfigureAwait(false);
            }

            if (parse.GetValue(output) is { } path)
            {
                await using (var file = File.Create(path))
                    await formatter.WriteAsync(snapshot, file, ct).ConfigureAwait(false);
                await console.Error.WriteLineAsync(
                    $"Exported {snapshot.Sources.Count} sources, {snapshot.Entities.Count} entities, {snapshot.Relationships.Count} relationships, " +
                    $"{snapshot.StrengthEstimates.Count} strength estimates to {path}.").ConfigureAwait(false);
            }
            else
            {
                using var buffer = new MemoryStream();
                await formatter.WriteAsync(snapshot, buffer, ct).ConfigureAwait(false);
                await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
                await console.Out.WriteLineAsync().ConfigureAwait(false);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
