using System.CommandLine;
using GraphIntel.Graph.Exchange;
using GraphIntel.Graph.Neo4j.Export;
using GraphIntel.Graph.Stores;

namespace GraphIntel.Seed.Commands;

/// <summary>
/// <c>export [--format json|cypher|events-yaml|graphml|ftm|csv|neo4j-admin] [--as-of DATE] [--certainty KNOWN|POSSIBLE]
/// [--types T,…] [--status S,…] [--out FILE] [--store …] [--data-dir D]</c>: the graph in one document, filtered as
/// the API's <c>/export/{format}</c> is (<see cref="ExportFilter"/>: one parser, one set of writers for both). It says
/// which store it reads (on standard error) and never creates one: a missing data directory or database is an error.
/// It takes no writer lock, so a running API's store can be exported. <c>--format neo4j-admin --out DIR</c> writes the
/// whole store, audit trail included, as the CSV files of Neo4j's offline importer (<see cref="Neo4jAdminCsv"/>) and
/// the import command; it takes no filter.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(SeedConsole console)
    {
        var format = new Option<string>("--format")
        {
            Description = $"One of: {ExportFormatters.Names}, {Neo4jAdmin} (see seed/GraphIntel.Seed/README.md and README \"Exports\").",
            DefaultValueFactory = _ => "json",
        };
        var output = new Option<string?>("--out") { Description = $"The file to write (default: standard output); with {Neo4jAdmin}, the directory to write into." };
        var asOf = new Option<string?>("--as-of") { Description = "Only relationships in force on this date (2019, 2019-06, 2019-06-30): KNOWN then, or also POSSIBLE with --certainty." };
        var certainty = new Option<string?>("--certainty") { Description = "With --as-of: KNOWN (default) or POSSIBLE." };
        var types = new Option<string?>("--types") { Description = "Only relationships of these types, comma-separated (UNDER_UMBRELLA_OF,LEADS)." };
        var status = new Option<string?>("--status") { Description = "Only relationships (and strength estimates) of these statuses, comma-separated (ASSERTED,DISPUTED); RETRACTED only when named." };
        var store = CommonOptions.Store();
        var dataDir = CommonOptions.DataDir();
        var command = new Command("export", "Write the graph held by the store, whole or filtered.") { format, output, asOf, certainty, types, status, store, dataDir };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(format) ?? "json";
            if (string.Equals(name, Neo4jAdmin, StringComparison.OrdinalIgnoreCase))
                return await ExportForNeo4jAdminAsync(parse, console, output, store, dataDir, [asOf, certainty, types, status], ct).ConfigureAwait(false);
            var formatter = ExportFormatters.Find(name)
                ?? throw new SeedException($"export format '{name}' is not available in this build (available: {ExportFormatters.Names})");
            if (!ExportFilter.TryParse(parse.GetValue(asOf), parse.GetValue(certainty), parse.GetValue(types), parse.GetValue(status), out var filter, out var problem))
                throw new SeedException($"--{OptionName(problem.Parameter)}: {problem.Message}");
            var path = parse.GetValue(output);
            if (path is null && formatter is CsvExportFormatter && console.RawOut is null)
                throw new SeedException("the csv format is a zip file: give --out FILE");
            var options = CommonOptions.StoreOptions(parse.GetValue(store), parse.GetValue(dataDir), console);
            CommonOptions.RequireExistingStore(options, databaseMustExist: true);
            await console.Error.WriteLineAsync($"Store: {GraphStoreFactory.Describe(options)}").ConfigureAwait(false);
            await using var graph = GraphStoreFactory.Create(options);
            await graph.InitializeAsync(ct).ConfigureAwait(false);
            var snapshot = filter.Apply(await graph.ExportAsync(ct).ConfigureAwait(false));
            if (formatter is EventsYamlExportFormatter)
            {
                foreach (var lost in EventsYamlExportFormatter.Unrepresentable(snapshot))
                    await console.Error.WriteLineAsync($"warning: the events format cannot carry {lost}").ConfigureAwait(false);
            }

            if (path is not null)
            {
                await using (var file = File.Create(path))
                    await formatter.WriteAsync(snapshot, file, ct).ConfigureAwait(false);
                await console.Error.WriteLineAsync(
                    $"Exported {snapshot.Sources.Count} sources, {snapshot.Entities.Count} entities, {snapshot.Relationships.Count} relationships, " +
                    $"{snapshot.StrengthEstimates.Count} strength estimates to {path}.").ConfigureAwait(false);
            }
            else if (console.RawOut is { } raw)
            {
                // Straight to standard output as it is written: nothing buffered, binary formats intact.
                await console.Out.FlushAsync(ct).ConfigureAwait(false);
                await formatter.WriteAsync(snapshot, raw, ct).ConfigureAwait(false);
                await raw.FlushAsync(ct).ConfigureAwait(false);
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

    private const string Neo4jAdmin = "neo4j-admin";

    /// <summary><c>--format neo4j-admin --out DIR</c>: the whole store as the offline importer's CSV files, and the command that imports them.</summary>
    private static async Task<int> ExportForNeo4jAdminAsync(
        ParseResult parse, SeedConsole console, Option<string?> output, Option<string?> store, Option<string?> dataDir,
        IReadOnlyList<Option<string?>> filters, CancellationToken ct)
    {
        if (filters.FirstOrDefault(f => parse.GetValue(f) is not null) is { } filter)
            throw new SeedException($"{filter.Name} cannot be used with --format {Neo4jAdmin}: it exports the whole store, to make a database of it");
        var directory = parse.GetValue(output) ?? throw new SeedException($"--format {Neo4jAdmin} writes a directory of CSV files: give --out DIR");
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new SeedException($"--out: {directory} is not empty; the {Neo4jAdmin} export writes into a new or empty directory");
        var options = CommonOptions.StoreOptions(parse.GetValue(store), parse.GetValue(dataDir), console);
        CommonOptions.RequireExistingStore(options, databaseMustExist: true);
        await console.Error.WriteLineAsync($"Store: {GraphStoreFactory.Describe(options)}").ConfigureAwait(false);
        await using var graph = GraphStoreFactory.Create(options);
        await graph.InitializeAsync(ct).ConfigureAwait(false);
        var snapshot = await graph.ExportAsync(ct).ConfigureAwait(false);
        var audit = await Neo4jAdminCsv.ReadAuditAsync(graph, ct).ConfigureAwait(false);
        var result = await Neo4jAdminCsv.WriteAsync(snapshot, audit, directory, ct).ConfigureAwait(false);
        await console.Error.WriteLineAsync(
            $"Exported {snapshot.Sources.Count} sources, {snapshot.Entities.Count} entities, {snapshot.Relationships.Count} relationships, " +
            $"{snapshot.StrengthEstimates.Count} strength estimates and {audit.Count} audit entries to {directory} " +
            $"({string.Join(", ", result.Files.Select(f => $"{f.File} {f.Rows}"))}). Import them with ({Neo4jAdminCsv.CommandsFile} there):").ConfigureAwait(false);
        await console.Out.WriteAsync(result.Commands()).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>The CLI option of a filter parameter named as in HTTP: asOf → as-of.</summary>
    private static string OptionName(string parameter) => parameter == "asOf" ? "as-of" : parameter;
}
