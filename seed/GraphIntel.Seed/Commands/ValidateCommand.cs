using System.CommandLine;
using GraphIntel.Graph.Dataset;

namespace GraphIntel.Seed.Commands;

/// <summary><c>validate [--seed-dir D]</c>: every problem of the data set, then a summary; exit 1 on any problem.</summary>
internal static class ValidateCommand
{
    public static Command Create(SeedConsole console)
    {
        var seedDir = CommonOptions.SeedDir();
        var command = new Command("validate", "Check the data set (YAML, ids, references, kinds, dates, quotes, aliases) and report every problem.")
        {
            seedDir,
        };
        command.SetAction(async (parse, ct) =>
        {
            var root = CommonOptions.LocateDataset(parse.GetValue(seedDir), console);
            var result = DatasetReader.Read(root);
            if (!result.IsValid) await CommonOptions.WriteProblemsAsync(result.Problems, console.Out).ConfigureAwait(false);
            await console.Out.WriteLineAsync(result.Summary.ToString()).ConfigureAwait(false);
            if (result.IsValid) await console.Out.WriteLineAsync("The data set is valid.").ConfigureAwait(false);
            return result.IsValid ? ExitCodes.Success : ExitCodes.InvalidData;
        });
        return command;
    }
}
