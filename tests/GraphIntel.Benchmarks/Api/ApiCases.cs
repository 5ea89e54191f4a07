using GraphIntel.Benchmarks.Http;

namespace GraphIntel.Benchmarks.Api;

/// <summary>One analyst query as the HTTP layer hands it to the service: document, operation name, variables.</summary>
internal sealed record ApiCase(string Name, string About, string Query, string? OperationName, IReadOnlyDictionary<string, object?>? Variables);

/// <summary>The queries the api benchmark runs: the HTTP benchmark's dashboard and three typical analyst questions.</summary>
internal static class ApiCases
{
    public static IReadOnlyList<ApiCase> All { get; } =
    [
        new("dashboard", "organization org/isis-k with leaders, umbrella, subgroups, citations (the http benchmark's query)",
            HttpBenchmark.DashboardQuery, "Dashboard", new Dictionary<string, object?> { ["id"] = "org/isis-k" }),
        new("lineage", "TTT's ancestors (JA, the UTO) with the relationships and their citations",
            """
            { lineage(id: "org/ttt", direction: ANCESTORS) {
                nodes { id name }
                relationships { type from { id } to { id } citations { source { id } quote } } } }
            """, null, null),
        new("paths", "how TTT connects to the UTO, shortest first, with evidence",
            """
            { paths(from: "org/ttt", to: "org/uto", maxHops: 4, first: 3) {
                length nodes { id } relationships { type from { id } to { id } citations { source { title } quote } } } }
            """, null, null),
        new("who-led-2017", "who led ISIS-K in 2017 (by name)",
            """{ organization(name: "ISIS-K") { leaders(asOf: "2017") { person { name } from to } } }""", null, null),
    ];
}
