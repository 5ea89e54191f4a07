namespace GraphIntel.GraphQL.Tests.Conformance;

/// <summary>Paths in the repository, found by walking up from the test assembly to <c>GraphIntel.sln</c>.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root (the folder of GraphIntel.sln).</summary>
    public static string Root => RepoPaths.Root;

    /// <summary>tests/conformance: the node package with graphql-js and graphql-http.</summary>
    public static string Conformance => Path.Combine(Root, "tests", "conformance");

    /// <summary>tests/conformance/starwars: schema, data, queries and graphql-js's expected results.</summary>
    public static string StarWars => Path.Combine(Conformance, "starwars");
}
