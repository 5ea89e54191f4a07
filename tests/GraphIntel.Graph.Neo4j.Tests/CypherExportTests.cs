using System.Text.Json;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Neo4j.Export;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// The Cypher export (<see cref="CypherScript"/>): every statement parses as Cypher 5, and the script run statement by
/// statement on a real (empty) Neo4j recreates a graph that exports exactly like the original.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class CypherExportTests
{
    private const string Duplicate = "person/amriddin-tabarov-duplicate";

    /// <summary>The conformance graph plus a retraction and a merge, so every kind of record is in the export.</summary>
    private static async Task<GraphSnapshot> LoadGraphAsync(IGraphStore store)
    {
        await store.ApplyAsync(WholeGraph, Context);
        var duplicate = new Entity(Duplicate, EntityKind.Person, "A. Tabarov", [], [CiteAlpha("Amriddin Tabarov took over Jamaat Ansarullah in 2015.")]);
        await store.ApplyAsync(new ChangeSet { Entities = [duplicate] }, Context);
        await store.ApplyAsync(new ChangeSet { Retractions = [KibAlliedTaliban], Merges = [new EntityMerge(Tabarov, Duplicate)] }, Context);
        var snapshot = await store.ExportAsync();
        Assert.Single(snapshot.Merges);
        Assert.Contains(snapshot.Relationships, r => r.Status == ClaimStatus.Retracted);
        return snapshot;
    }

    private static async Task<IReadOnlyList<string>> ScriptLinesAsync(GraphSnapshot snapshot)
    {
        var text = new StringWriter();
        await CypherScript.WriteAsync(snapshot, text);
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("//", StringComparison.Ordinal)).ToList();
    }

    [StoreFact]
    public async Task The_script_starts_with_the_Neo4j_5_schema_and_every_statement_is_a_MERGE_ending_in_a_semicolon()
    {
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync();
        var lines = await ScriptLinesAsync(await LoadGraphAsync(store));
        var schema = CypherScript.SchemaStatementsFor(CypherScript.Target);
        Assert.Equal(schema.Select(s => s + ";"), lines.Take(schema.Count));
        // Idempotent schema: every creation says IF NOT EXISTS; the one other kind of line waits for an index to be online.
        Assert.All(schema, s => Assert.True(s.Contains(" IF NOT EXISTS FOR ", StringComparison.Ordinal) || s.StartsWith("CALL db.awaitIndex(", StringComparison.Ordinal), s));
        Assert.All(lines, l => Assert.EndsWith(";", l));
        Assert.All(lines.Skip(schema.Count), l => Assert.Contains("MERGE ", l));
        Assert.Contains(schema, s => s.StartsWith("CREATE FULLTEXT INDEX ", StringComparison.Ordinal));
    }

    [StoreFact]
    public async Task Every_statement_of_the_script_parses_as_Cypher_5()
    {
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync();
        var lines = await ScriptLinesAsync(await LoadGraphAsync(store));
        var input = Path.GetTempFileName();
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(lines.Select((l, i) => new { name = $"line {i + 1}", text = l.TrimEnd(';') })));
        try
        {
            var (exit, stdout, stderr) = await Node.RunAsync(RepoPaths.In("tests/cypher-check"), "check.mjs", input);
            var results = JsonSerializer.Deserialize<JsonElement[]>(stdout) ?? throw new InvalidOperationException($"no output from check.mjs: {stderr}");
            var failures = results.Where(r => r.GetProperty("diagnostics").GetArrayLength() > 0)
                .Select(r => $"{r.GetProperty("name").GetString()}: {string.Join("; ", r.GetProperty("diagnostics").EnumerateArray())}").ToList();
            Assert.True(failures.Count == 0, "statements Cypher 5 rejects:\n" + string.Join("\n", failures));
            Assert.Equal(lines.Count, results.Length);
            Assert.Equal(0, exit);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [StoreFact]
    public async Task The_script_run_statement_by_statement_on_an_empty_Neo4j_reproduces_the_same_export()
    {
        await using var store = await Neo4jTestDatabase.CreateCleanStoreAsync();
        var original = await LoadGraphAsync(store);
        var lines = await ScriptLinesAsync(original);
        var loadedAt = await store.GetWriteGenerationAsync();

        await Neo4jTestDatabase.WipeAsync(store);
        var schema = CypherScript.SchemaStatementsFor(CypherScript.Target).Count;
        // Neo4j 3.1 cannot run the Neo4j 5 schema lines; InitializeAsync creates the same schema in its syntax.
        var statements = lines.Skip(schema).Select(l => new Statement(l.TrimEnd(';'))).ToList();
        await store.Client.RunInTransactionAsync(statements, 200, CancellationToken.None);
        await using var replayed = new GraphIntel.Graph.Neo4j.Neo4jGraphStore(Neo4jTestDatabase.Options());
        await replayed.InitializeAsync();
        // The script advanced the write generation of a store it made anew: caches of the old store can't mistake it.
        var replayedAt = await replayed.GetWriteGenerationAsync();
        Assert.NotEqual(loadedAt.StoreId, replayedAt.StoreId);
        Assert.True(replayedAt.Value >= 1, $"generation {replayedAt}");

        Assert.Equal(RecordJson.Serialize(original), RecordJson.Serialize(await replayed.ExportAsync()));
        // The lookup structures came along: names, citations by source, merged ids resolving to the survivor.
        Assert.Equal(Kib, (await replayed.FindByNameAsync("Khatiba Imam al-Buhari")).First().Entity.Id);
        Assert.Equal(Tabarov, (await replayed.GetEntitiesAsync([Duplicate]))[Duplicate].Id);
        var cited = await replayed.GetCitationsBySourceAsync([Beta]);
        Assert.Contains(cited[Beta], c => c.SupportsId == KibAlliedTaliban);

        // Running the script a second time changes no record (MERGE), and says it wrote (the generation moves on).
        await store.Client.RunInTransactionAsync(statements, 200, CancellationToken.None);
        Assert.Equal(RecordJson.Serialize(original), RecordJson.Serialize(await replayed.ExportAsync()));
        Assert.Equal(replayedAt with { Value = replayedAt.Value + 1 }, await replayed.GetWriteGenerationAsync());
        var names = await store.Client.RunAsync(new Statement("MATCH (n:Name) RETURN count(n) AS n"), CancellationToken.None);
        Assert.Equal(original.Entities.Sum(e => e.Names.Distinct().Count()), names.Rows[0][0].GetInt32());
    }

    [Fact]
    public void Literals_escape_quotes_backslashes_and_line_breaks_so_a_statement_stays_on_one_line()
    {
        Assert.Equal(@"'it\'s a \\ path\nnext'", CypherLiterals.Of("it's a \\ path\nnext"));
        Assert.Equal("{id: 'x', n: 3, tags: ['a', null], `odd key`: true}",
            CypherLiterals.Of(new Dictionary<string, object?> { ["id"] = "x", ["n"] = 3, ["tags"] = new[] { "a", null }, ["odd key"] = true }));
        Assert.Equal(@"'\u0001'", CypherLiterals.Of("\u0001"));
    }
}
