using System.Text.RegularExpressions;

namespace GraphIntel.Testing.Fuzz;

/// <summary>
/// The real documents the fuzzers start from: every GraphQL example in the README (the API's documented queries and
/// mutations), the API's contract and served schema, the benchmark queries and the conformance schemas.
/// </summary>
public static partial class FuzzCorpus
{
    private static readonly string[] Files =
    [
        "api/GraphIntel.Api/Schema/contract.graphql",
        "api/GraphIntel.Api/Schema/schema.graphql",
        "tests/GraphIntel.Benchmarks/Engine/queries/dashboard.graphql",
        "tests/GraphIntel.Benchmarks/Engine/queries/introspection.graphql",
        "tests/GraphIntel.Benchmarks/Engine/queries/three-fields.graphql",
        "tests/conformance/starwars/schema.graphql",
    ];

    /// <summary>The README's ```graphql blocks, then the files above; <paramref name="extra"/> (e.g. the kitchen sinks) first.</summary>
    public static IReadOnlyList<string> Documents(params string[] extra)
    {
        var documents = new List<string>(extra);
        documents.AddRange(ReadmeQueries());
        documents.AddRange(Files.Select(f => File.ReadAllText(RepoPaths.In(f))));
        return documents;
    }

    /// <summary>The README's executable examples (the API's documented queries): each ```graphql block.</summary>
    public static IReadOnlyList<string> ReadmeQueries() =>
        GraphQLBlock().Matches(File.ReadAllText(RepoPaths.In("README.md"))).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();
}
