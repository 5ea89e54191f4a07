using Spectre.Console;

namespace GraphIntel.Seed;

/// <summary>
/// Everything the CLI touches outside itself: its output streams, whether stdout is a terminal, the environment
/// and the clock. <see cref="FromSystem"/> for the process; tests pass writers and variables of their own.
/// </summary>
public sealed class SeedConsole
{
    public SeedConsole(TextWriter output, TextWriter error, bool isTerminal,
        Func<string, string?> getEnvironmentVariable, TimeProvider time, IAnsiConsole? ansi = null)
    {
        Out = output;
        Error = error;
        IsTerminal = isTerminal;
        GetEnvironmentVariable = getEnvironmentVariable;
        Time = time;
        Ansi = ansi ?? AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal) Ansi.Profile.Width = 120;
    }

    /// <summary>Plain lines (problems, summaries): never wrapped, so they stay greppable.</summary>
    public TextWriter Out { get; }
    public TextWriter Error { get; }
    /// <summary>Tables and progress displays, over <see cref="Out"/>.</summary>
    public IAnsiConsole Ansi { get; }
    /// <summary>True when stdout is a terminal: progress is drawn live; otherwise it is written as plain lines.</summary>
    public bool IsTerminal { get; }
    public Func<string, string?> GetEnvironmentVariable { get; }
    public TimeProvider Time { get; }
    /// <summary>The process's standard output as bytes, for exports written as they go (a zip); null when <see cref="Out"/> is all there is (tests).</summary>
    public Stream? RawOut { get; init; }

    public static SeedConsole FromSystem() => new(
        Console.Out, Console.Error, !Console.IsOutputRedirected, Environment.GetEnvironmentVariable, TimeProvider.System,
        AnsiConsole.Console) { RawOut = Console.OpenStandardOutput() };
}
