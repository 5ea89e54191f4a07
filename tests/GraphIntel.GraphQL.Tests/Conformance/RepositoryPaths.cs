namespace GraphIntel.GraphQL.Tests.Conformance;

/// <summary>Paths in the repository, found by walking up from the test assembly to <c>GraphIntel.sln</c>.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root (the folder of GraphIntel.sln).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>tests/conformance: the node package with graphql-js and graphql-http.</summary>
    public static string Conformance => Path.Combine(Root, "tests", "conformance");

    /// <summary>tests/conformance/starwars: schema, data, queries and graphql-js's expected results.</summary>
    public static string StarWars => Path.Combine(Conformance, "starwars");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GraphIntel.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No GraphIntel.sln above {AppContext.BaseDirectory}: the tests must run from inside the repository.");
    }
}
