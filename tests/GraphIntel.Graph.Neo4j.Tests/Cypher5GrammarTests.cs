using System.Diagnostics;
using System.Text.Json;
using GraphIntel.Graph.Neo4j.Cypher;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// No Neo4j 5 server is at hand, so every statement the backend can send is parsed with the Cypher 5 grammar
/// (npm @neo4j-cypher/language-support, in tests/cypher-check) — while the Neo4j tests run the same statements on 3.1.
/// </summary>
public sealed class Cypher5GrammarTests
{
    [Fact]
    public async Task Every_statement_the_backend_sends_parses_as_Cypher_5()
    {
        var statements = Statements.All.Select(s => new { name = s.Name, text = s.Text }).ToArray();
        Assert.True(statements.Length > 30, $"expected the whole catalogue, got {statements.Length} statements");
        var input = Path.GetTempFileName();
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(statements));
        try
        {
            var (exit, stdout, stderr) = await Node.RunAsync(RepoPaths.In("tests/cypher-check"), "check.mjs", input);
            var results = JsonSerializer.Deserialize<JsonElement[]>(stdout)
                ?? throw new InvalidOperationException($"no output from check.mjs: {stderr}");
            var failures = results.Where(r => r.GetProperty("diagnostics").GetArrayLength() > 0)
                .Select(r => $"{r.GetProperty("name").GetString()}: {string.Join("; ", r.GetProperty("diagnostics").EnumerateArray())}")
                .ToList();
            Assert.True(failures.Count == 0, "statements Cypher 5 rejects:\n" + string.Join("\n", failures));
            Assert.Equal(statements.Length, results.Length);
            Assert.Equal(0, exit);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task The_checker_rejects_syntax_that_Cypher_5_removed()
    {
        // The oracle must be able to fail: 3.x constraint syntax and exists() on a property are gone in 5.
        var input = Path.GetTempFileName();
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new[]
        {
            new { name = "legacy constraint", text = SchemaStatements.Migrations[0].Legacy[0] },
            new { name = "exists", text = "MATCH (n) WHERE exists(n.id) RETURN n" },
        }));
        try
        {
            var (exit, stdout, _) = await Node.RunAsync(RepoPaths.In("tests/cypher-check"), "check.mjs", input);
            var results = JsonSerializer.Deserialize<JsonElement[]>(stdout)!;
            Assert.All(results, r => Assert.True(r.GetProperty("diagnostics").GetArrayLength() > 0, r.ToString()));
            Assert.Equal(1, exit);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
