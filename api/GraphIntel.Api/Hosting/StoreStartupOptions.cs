using GraphIntel.Graph.Dataset;

namespace GraphIntel.Api.Hosting;

/// <summary>Start-up behaviour of the store.</summary>
internal sealed class StoreStartupOptions
{
    public const string SectionName = "GraphIntel:Startup";
    public const string SeedVariable = "GRAPHINTEL_SEED";
    public const string SeedDirVariable = DatasetLocator.SeedDirVariable;

    /// <summary>Load the curated data set when the store is empty (GRAPHINTEL_SEED=false turns it off).</summary>
    public bool SeedWhenEmpty { get; set; } = true;

    /// <summary>Where the data set is (GRAPHINTEL_SEED_DIR); found by walking up from the working directory when unset.</summary>
    public string? SeedDirectory { get; set; }

    /// <summary>How long to wait between attempts when the store is not reachable at start.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public void ApplyEnvironment(Func<string, string?> getVariable)
    {
        if (getVariable(SeedVariable) is { Length: > 0 } seed && bool.TryParse(seed, out var on)) SeedWhenEmpty = on;
        SeedDirectory = getVariable(DatasetLocator.SeedDirVariable) is { Length: > 0 } dir ? dir : SeedDirectory;
    }
}
