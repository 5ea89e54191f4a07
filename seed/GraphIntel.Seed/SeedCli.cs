using System.CommandLine;
using GraphIntel.Graph.Store;
using GraphIntel.Seed.Commands;

namespace GraphIntel.Seed;

/// <summary>
/// The seed CLI: <c>validate</c>, <c>load</c> and <c>export</c> the curated data set. <see cref="RunAsync"/> is the
/// whole program, callable in-process with a console of the caller's choosing.
/// </summary>
public static class SeedCli
{
    public static async Task<int> RunAsync(string[] args, SeedConsole console, CancellationToken ct = default)
    {
        var root = new RootCommand("GraphIntel seed tool: validate, load and export the curated data set (seed/data).")
        {
            ValidateCommand.Create(console),
            LoadCommand.Create(console),
            ExportCommand.Create(console),
            AddSourceCommand.Create(console),
        };
        var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(invocation, ct).ConfigureAwait(false);
        }
        catch (SeedException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (GraphStoreException e)
        {
            await console.Error.WriteLineAsync($"error: the store failed: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
