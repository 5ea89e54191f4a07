using System.Text.Json;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Tests.Conformance;

/// <summary>One entry of tests/conformance/starwars/queries.json.</summary>
internal sealed record CorpusQuery(string Name, string Query, IReadOnlyDictionary<string, object?>? Variables, string? OperationName);

/// <summary>
/// The starwars query corpus (queries.json) and graphql-js's answers to it (expected.json, written by
/// <c>node tests/conformance/starwars/expected.mjs</c>).
/// </summary>
internal static class StarWarsCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusQuery>> LazyQueries = new(LoadQueries);
    private static readonly Lazy<JsonDocument> LazyExpected = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.StarWars, "expected.json"))));

    /// <summary>The queries by name, in file order.</summary>
    public static IReadOnlyDictionary<string, CorpusQuery> Queries => LazyQueries.Value;

    /// <summary>graphql-js's response to the query named <paramref name="name"/>.</summary>
    public static JsonElement Expected(string name) =>
        LazyExpected.Value.RootElement.TryGetProperty(name, out var expected)
            ? expected
            : throw new InvalidOperationException($"expected.json has no result for \"{name}\": run node tests/conformance/starwars/expected.mjs.");

    /// <summary>The names, for [MemberData].</summary>
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in Queries.Keys)
        {
            names.Add(name);
        }
        return names;
    }

    private static IReadOnlyDictionary<string, CorpusQuery> LoadQueries()
    {
        var path = Path.Combine(RepositoryPaths.StarWars, "queries.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var queries = new Dictionary<string, CorpusQuery>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var name = entry.GetProperty("name").GetString()!;
            var variables = entry.TryGetProperty("variables", out var v) && v.ValueKind == JsonValueKind.Object
                ? (IReadOnlyDictionary<string, object?>)JsonValues.ToClr(v)!
                : null;
            var operationName = entry.TryGetProperty("operationName", out var o) ? o.GetString() : null;
            if (!queries.TryAdd(name, new CorpusQuery(name, entry.GetProperty("query").GetString()!, variables, operationName)))
            {
                throw new InvalidDataException($"{path}: the name \"{name}\" is used twice.");
            }
        }
        return queries;
    }
}
