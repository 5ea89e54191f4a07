using System.Diagnostics;
using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Neo4j.Export;
using GraphIntel.Graph.Neo4j.Http;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Stores;
using GraphIntel.Seed.Tests;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// <c>seed export --format neo4j-admin</c> end to end on the real Neo4j 3.1.1: a store's CSV files, built into a fresh
/// database by Neo4j's own offline import tool (tests/tools/neo4j-test-server.sh import, a server of its own), open
/// with <see cref="Neo4jGraphStore"/> as a complete, current store — every read answers as the store the export was
/// made from (the reference: the embedded store for the curated seed, Neo4j loaded by the store's own writes for
/// hostile values, since the backends differ on some astral-character names), its first start creates the schema without rewriting any data, its write
/// generation is a new one, and a write then works.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jAdminImportTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static Dictionary<string, string> Embedded => new() { [GraphStoreOptions.StoreVariable] = GraphStoreOptions.EmbeddedBackend };

    [StoreFact]
    public async Task The_curated_seed_exported_for_neo4j_admin_and_imported_reads_as_the_embedded_store_it_came_from()
    {
        var data = Directory.CreateDirectory(_directory.File("data")).FullName;
        var out_ = _directory.File("csv");
        var load = await SeedCliRunner.RunAsync(Embedded, "load", "--seed-dir", RepoPaths.In("seed"), "--data-dir", data);
        Assert.True(load.ExitCode == 0, load.Output + load.Error);
        var export = await SeedCliRunner.RunAsync(Embedded, "export", "--format", "neo4j-admin", "--out", out_, "--data-dir", data);
        Assert.True(export.ExitCode == 0, export.Output + export.Error);
        Assert.Contains("bin/neo4j-import --into", export.Output);
        Assert.Equal(export.Output, await File.ReadAllTextAsync(Path.Combine(out_, Neo4jAdminCsv.CommandsFile)));

        await using var embedded = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = Path.Combine(data, EmbeddedStoreOptions.DatabaseFileName) });
        await embedded.InitializeAsync();
        await using var server = await ImportedServer.StartAsync(out_, _directory.File("neo4j"));
        await using var neo4j = new Neo4jGraphStore(Neo4jTestDatabase.Options(server.Url));
        await neo4j.InitializeAsync();

        await AssertSameReadsAsync(embedded, neo4j);
        await AssertCurrentAndWritableAsync(neo4j, out_);
    }

    [StoreFact]
    public async Task Quotes_commas_line_breaks_backslashes_astral_characters_and_empty_lists_survive_the_import()
    {
        // Every value a CSV reader can trip on, in every kind of record: the source text, names, aliases, notes and quotes.
        const string hostile = "He said \"no, never\"\r\nthen left;\tC:\\path\\ and \\\"escaped\\\" — 𝔘𝔫𝔦 😀 ، end\\";
        const string sourceText = "Report: " + hostile + "\n\"Quoted, line\"\nsecond\\ line.";
        var source = new Source("source/hostile,\"1\"\\", "Title, with \"quotes\", and a backslash\\", "Pub\\lisher", null, PartialDate.Parse("2024-03"), null, sourceText);
        var cite = new Citation(source.Id, hostile, "a \"claim\", with\nbreaks\\");
        var org = new Entity("org/hostile-\"one\"", EntityKind.Organization, "Front \"Al, Nusra\"\\", ["Alias, \"quoted\"", "Ends in backslash\\", "😀 𝔘𝔫𝔦"], [cite])
        {
            OrganizationKind = OrganizationKind.ArmedGroup,
            Description = "line one\r\nline two, \"quoted\" \\n not a break\\",
            Founded = PartialDate.Parse("2015"),
        };
        var person = new Entity("person/plain", EntityKind.Person, "Plain Person", [], [new Citation(source.Id, "\"Quoted, line\"\nsecond\\ line.")]);
        var rel = new Relationship("rel/hostile,1", RelationshipType.Leads, person.Id, org.Id, Validity.Unknown, ClaimStatus.Asserted, [cite, new Citation(source.Id, "Report: " + hostile)])
        {
            Note = "a note,\n\"with\" \\ everything 😀",
            Role = "emir\\",
        };
        var estimate = new StrengthEstimate("estimate/hostile,\"1\"\\", org.Id, 100, null, PartialDate.Parse("2020"), "An \"analyst\", x\\", ClaimStatus.Asserted, [cite]);

        // The reference is the same data written to Neo4j by the store itself (the shared test server), and exported
        // from there: any difference is the import's (the embedded store differs from Neo4j on astral names, below).
        await using var reference = await Neo4jTestDatabase.CreateCleanStoreAsync();
        await reference.ApplyAsync(new ChangeSet { Sources = [source], Entities = [org, person], Relationships = [rel], StrengthEstimates = [estimate] },
            new WriteContext("actor \"x\",\n", "reason with\r\nbreak \\", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(5))));
        var out_ = _directory.File("hostile-csv");
        await Neo4jAdminCsv.WriteAsync(await reference.ExportAsync(), await Neo4jAdminCsv.ReadAuditAsync(reference), out_);

        await using var server = await ImportedServer.StartAsync(out_, _directory.File("hostile-neo4j"));
        await using var neo4j = new Neo4jGraphStore(Neo4jTestDatabase.Options(server.Url));
        await neo4j.InitializeAsync();
        var read = (await neo4j.GetEntitiesAsync([org.Id]))[org.Id];
        Assert.Equal(org.Name, read.Name);
        Assert.Equal(org.Aliases, read.Aliases);
        Assert.Equal(org.Description, read.Description);
        Assert.Empty((await neo4j.GetEntitiesAsync([person.Id]))[person.Id].Aliases);
        Assert.Equal(sourceText, (await neo4j.GetSourcesAsync([source.Id]))[source.Id].Text);
        await AssertSameReadsAsync(reference, neo4j);
    }

    [Fact]
    public void Headers_name_the_id_groups_and_types_the_importer_reads()
    {
        var entity = Neo4jAdminCsv.Kinds.Single(k => k.Name == "Entity");
        Assert.Equal("id:ID(Entity),name,aliases:string[],seq:long",
            Neo4jAdminCsv.Header(entity, ["id", "name", "aliases", "seq"]));
        Assert.Equal(":START_ID(Name),:END_ID(Gram)", Neo4jAdminCsv.Header(Neo4jAdminCsv.Kinds.Single(k => k.Name == "HAS"), []));
        Assert.Equal("\"a \"\"b\"\", c\\\\\"", Neo4jAdminCsv.Quote("a \"b\", c\\"));
        var error = Assert.Throws<InvalidOperationException>(() => Neo4jAdminCsv.Field(entity, "name", 3));
        Assert.Contains("the Entity property 'name' holds a Int32, but ColumnTypes types it string", error.Message);
        Assert.Throws<InvalidOperationException>(() => Neo4jAdminCsv.Field(entity, "aliases", new[] { "a\u001Fb" }));
    }

    [Fact]
    public async Task The_export_refuses_filters_and_a_directory_that_is_not_empty()
    {
        var data = Directory.CreateDirectory(_directory.File("empty-data")).FullName;
        var filtered = await SeedCliRunner.RunAsync(Embedded, "export", "--format", "neo4j-admin", "--out", _directory.File("x"), "--as-of", "2019", "--data-dir", data);
        Assert.NotEqual(0, filtered.ExitCode);
        Assert.Contains("--as-of cannot be used with --format neo4j-admin", filtered.Error);
        var full = Directory.CreateDirectory(_directory.File("full")).FullName;
        await File.WriteAllTextAsync(Path.Combine(full, "other.csv"), "x");
        var notEmpty = await SeedCliRunner.RunAsync(Embedded, "export", "--format", "neo4j-admin", "--out", full, "--data-dir", data);
        Assert.NotEqual(0, notEmpty.ExitCode);
        Assert.Contains("is not empty", notEmpty.Error);
    }

    /// <summary>Every read of the store's interface, on everything the reference holds, answers alike.</summary>
    private static async Task AssertSameReadsAsync(IGraphStore reference, IGraphStore imported)
    {
        var snapshot = await reference.ExportAsync();
        Assert.Equal(RecordJson.Serialize(snapshot), RecordJson.Serialize(await imported.ExportAsync()));
        var entityIds = snapshot.Entities.Select(e => e.Id).ToArray();
        Assert.Equal(Json(await reference.GetEntitiesAsync(entityIds)), Json(await imported.GetEntitiesAsync(entityIds)));
        foreach (var filter in new[] { RelationshipFilter.Default, new RelationshipFilter { Statuses = Enum.GetValues<ClaimStatus>() } })
            Assert.Equal(Json(await reference.GetRelationshipsAsync(entityIds, filter)), Json(await imported.GetRelationshipsAsync(entityIds, filter)));
        var factIds = snapshot.Relationships.Select(r => r.Id).ToArray();
        Assert.Equal(Json(await reference.GetRelationshipsByIdAsync(factIds)), Json(await imported.GetRelationshipsByIdAsync(factIds)));
        Assert.Equal(Json(await reference.GetStrengthEstimatesAsync(entityIds, includeRetracted: true)), Json(await imported.GetStrengthEstimatesAsync(entityIds, includeRetracted: true)));
        var sourceIds = snapshot.Sources.Select(s => s.Id).ToArray();
        Assert.Equal(Json(await reference.GetSourcesAsync(sourceIds)), Json(await imported.GetSourcesAsync(sourceIds)));
        Assert.Equal(Json(await reference.GetCitationsBySourceAsync(sourceIds)), Json(await imported.GetCitationsBySourceAsync(sourceIds)));
        var audit = new AuditQuery { First = 100_000 };
        Assert.Equal(RecordJson.Serialize(await reference.GetAuditAsync(audit)), RecordJson.Serialize(await imported.GetAuditAsync(audit)));
        Assert.Equal(RecordJson.Serialize(await reference.GetStatisticsAsync()), RecordJson.Serialize(await imported.GetStatisticsAsync()));
        // The longest source text is in UTF-16 code units (StoreCardinalities), which Neo4j counts and the embedded
        // store (SQLite's length(), code points) does not when a text holds astral characters: checked against .NET here.
        var cardinalities = await imported.GetCardinalitiesAsync();
        Assert.Equal(snapshot.Sources.Max(s => s.Text.Length), cardinalities.MaxSourceTextLength);
        Assert.Equal(RecordJson.Serialize((await reference.GetCardinalitiesAsync()) with { MaxSourceTextLength = 0 }),
            RecordJson.Serialize(cardinalities with { MaxSourceTextLength = 0 }));
        // A page of every entity, in the list order (each backend spells its cursors its own way).
        var page = new EntityQuery { First = 1000 };
        var (expectedPage, importedPage) = (await reference.ListEntitiesAsync(page), await imported.ListEntitiesAsync(page));
        Assert.Equal(RecordJson.Serialize(expectedPage.Items), RecordJson.Serialize(importedPage.Items));
        Assert.Equal((expectedPage.TotalCount, expectedPage.HasNextPage), (importedPage.TotalCount, importedPage.HasNextPage));

        // Name lookup, exact and misspelled (a letter changed in the middle: the (:Gram) links must be there).
        var queries = snapshot.Entities.SelectMany(e => e.Names).Distinct()
            .SelectMany(n => new[] { n, n.ToUpperInvariant(), n.Length > 5 ? n[..(n.Length / 2)] + "x" + n[(n.Length / 2 + 1)..] : n });
        var fuzzy = 0;
        foreach (var text in queries)
        {
            var expected = Describe(await reference.FindByNameAsync(text, null, 5));
            Assert.Equal(expected, Describe(await imported.FindByNameAsync(text, null, 5)));
            fuzzy += expected.Count(m => !m.EndsWith("exact", StringComparison.Ordinal));
        }
        Assert.True(fuzzy > 0, "no misspelled lookup matched: the comparison proves nothing about the gram links");
    }

    /// <summary>
    /// The imported store is current: its first start recorded every migration and created the schema, rewrote no data
    /// (the write generation is still the one the export made, with a new store id), and a write works and moves it.
    /// </summary>
    private static async Task AssertCurrentAndWritableAsync(Neo4jGraphStore neo4j, string exportDirectory)
    {
        var counters = await File.ReadAllLinesAsync(Path.Combine(exportDirectory, "Counter.csv"));
        var storeId = counters.Single(l => l.StartsWith("\"generation\"", StringComparison.Ordinal)).Split(',')[1].Trim('"');
        Assert.Equal(new WriteGeneration(storeId, 1), await neo4j.GetWriteGenerationAsync());
        var migrations = await neo4j.Client.RunAsync(new Statement("MATCH (m:Migration) RETURN count(m) AS n"), CancellationToken.None);
        Assert.Equal(Cypher.SchemaStatements.Migrations.Count, migrations.Rows[0][0].GetInt32());
        var constraints = await neo4j.Client.RunAsync(new Statement("CALL db.constraints()"), CancellationToken.None);
        Assert.Equal(Cypher.SchemaStatements.Migrations.SelectMany(m => m.Legacy).Count(s => s.StartsWith("CREATE CONSTRAINT", StringComparison.Ordinal)),
            constraints.Rows.Count);

        var source = (await neo4j.ListSourcesAsync())[0];
        var added = new Entity("org/added-after-import", EntityKind.Organization, "Added After Import", [],
            [new Citation(source.Id, source.Text[..Math.Min(20, source.Text.Length)])]) { OrganizationKind = OrganizationKind.ArmedGroup };
        await neo4j.ApplyAsync(new ChangeSet { Entities = [added] }, new WriteContext("test", "after import", DateTimeOffset.UnixEpoch));
        Assert.Equal(new WriteGeneration(storeId, 2), await neo4j.GetWriteGenerationAsync());
        Assert.Equal(added.Id, (await neo4j.FindByNameAsync("Added Aftr Import")).First().Entity.Id);
        var audit = await neo4j.GetAuditAsync(new AuditQuery { First = 2 });
        Assert.Equal(audit[1].Sequence + 1, audit[0].Sequence);
        Assert.Equal(added.Id, audit[0].TargetId);
    }

    private static string Json<T>(IReadOnlyDictionary<string, T> byId) =>
        RecordJson.Serialize(byId.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new { kv.Key, kv.Value }).ToList());

    private static List<string> Describe(IReadOnlyList<NameMatch> matches) =>
        matches.Select(m => $"{m.Entity.Id} '{m.Matched}' {m.Score:0.####} {(m.Exact ? "exact" : "")}").ToList();

    /// <summary>A Neo4j 3.1.1 of its own, on a database the import tool built from an export directory.</summary>
    private sealed class ImportedServer(string state, Uri url) : IAsyncDisposable
    {
        public Uri Url => url;

        public static async Task<ImportedServer> StartAsync(string exportDirectory, string state)
        {
            var run = await Script(state, "import", exportDirectory);
            Assert.True(run.ExitCode == 0, run.ToString());
            return new ImportedServer(state, new Uri(run.Stdout.Trim().Split('\n')[^1]));
        }

        public async ValueTask DisposeAsync() => await Script(state, "stop");

        private static Task<ChildProcessRun> Script(string state, params string[] args)
        {
            var start = new ProcessStartInfo("bash") { ArgumentList = { RepoPaths.In("tests/tools/neo4j-test-server.sh") } };
            foreach (var a in args) start.ArgumentList.Add(a);
            start.Environment["GRAPHINTEL_NEO4J_STATE"] = state;
            return ChildProcess.RunAsync(start, TimeSpan.FromMinutes(4));
        }
    }
}
