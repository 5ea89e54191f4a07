namespace GraphIntel.Seed;

/// <summary>A failure the CLI reports as one line ("error: …") with exit code <see cref="ExitCodes.Failure"/>.</summary>
public sealed class SeedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What the seed CLI's exit code means.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The data set has problems (or the store refused it); nothing was written.</summary>
    public const int InvalidData = 1;
    /// <summary>Usage, configuration or store errors: the data set may be fine.</summary>
    public const int Failure = 2;
}
