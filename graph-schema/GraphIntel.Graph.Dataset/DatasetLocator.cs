namespace GraphIntel.Graph.Dataset;

/// <summary>
/// Finds the data set: <c>GRAPHINTEL_SEED_DIR</c> when set (the folder holding <c>seed/</c>, or the <c>seed</c>
/// folder itself), else the nearest folder holding <c>seed/data</c> walking up from the current directory, then
/// from the application's base directory.
/// </summary>
public static class DatasetLocator
{
    public const string SeedDirVariable = "GRAPHINTEL_SEED_DIR";

    /// <summary>The data-set root, or null when none is found (<paramref name="error"/> says where it looked).</summary>
    public static string? TryLocate(string? explicitDirectory, Func<string, string?> getEnvironmentVariable, out string? error)
    {
        var configured = explicitDirectory ?? getEnvironmentVariable(SeedDirVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            var root = IsRoot(full) ? full
                : Path.GetFileName(full) == "seed" && IsRoot(Path.GetDirectoryName(full)!) ? Path.GetDirectoryName(full)
                : null;
            error = root is null ? $"'{full}' holds no seed/data folder (nor is it a seed folder)" : null;
            return root;
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (IsRoot(dir.FullName))
                {
                    error = null;
                    return dir.FullName;
                }
            }
        }
        error = $"no folder holding seed/data above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'; " +
                $"pass --seed-dir or set {SeedDirVariable}";
        return null;
    }

    /// <summary>Like <see cref="TryLocate"/> with the process environment; throws with the reason when nothing is found.</summary>
    public static string Locate(string? explicitDirectory = null) =>
        TryLocate(explicitDirectory, Environment.GetEnvironmentVariable, out var error)
        ?? throw new DirectoryNotFoundException($"Cannot find the GraphIntel data set: {error}");

    private static bool IsRoot(string directory) => Directory.Exists(Path.Combine(directory, "seed", "data"));
}
