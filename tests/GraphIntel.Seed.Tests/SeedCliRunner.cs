using GraphIntel.Seed;

namespace GraphIntel.Seed.Tests;

/// <summary>What one in-process run of the seed CLI printed and returned.</summary>
public sealed record SeedRun(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
}

/// <summary>Runs the real CLI entry point with captured output and an environment of the test's choosing.</summary>
public static class SeedCliRunner
{
    public static async Task<SeedRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new SeedConsole(output, error, isTerminal: false,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            TimeProvider.System);
        var exitCode = await SeedCli.RunAsync(args, console);
        return new SeedRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<SeedRun> RunAsync(params string[] args) => RunAsync(null, args);
}
