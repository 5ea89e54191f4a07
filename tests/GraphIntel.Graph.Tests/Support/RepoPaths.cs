namespace GraphIntel.Graph.Tests.Support;

/// <summary>Paths inside the repository, found by walking up from the test assembly to GraphIntel.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string In(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GraphIntel.sln"))) return dir.FullName;
        throw new InvalidOperationException($"GraphIntel.sln not found above {AppContext.BaseDirectory}");
    }
}
