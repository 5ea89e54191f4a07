namespace GraphIntel.Testing;

/// <summary>
/// Paths inside the repository, found by walking up from the running assembly to <c>GraphIntel.sln</c>. Linked into
/// every test project and the benchmarks (tests/Shared), so tests run from any working directory.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root (the folder of GraphIntel.sln).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path relative to the repository root.</summary>
    public static string In(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GraphIntel.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No GraphIntel.sln above {AppContext.BaseDirectory}: run from inside the repository.");
    }
}
