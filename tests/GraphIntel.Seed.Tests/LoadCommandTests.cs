using System.Text.Json;
using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Store;
using GraphIntel.Graph.Exchange;

namespace GraphIntel.Seed.Tests;

/// <summary>load and export against a real embedded store file in a temporary folder.</summary>
public sealed class LoadCommandTests : IDisposable
{
    private readonly TempDataset _dataset = new();
    private readonly string _dataDir;

    public LoadCommandTests()
    {
        _dataDir = Path.Combine(_dataset.Root, "store");
        Directory.CreateDirectory(_dataDir);
    }

    public void Dispose() => _dataset.Dispose();

    private Task<SeedRun> Load(params string[] extra) =>
        SeedCliRunner.RunAsync(["load", "--seed-dir", _dataset.Root, "--data-dir", _dataDir, .. extra]);

    private async Task<string> ExportJson()
    {
        var file = Path.Combine(_dataset.Root, $"export-{Guid.NewGuid():N}.json");
        var run = await SeedCliRunner.RunAsync("export", "--format", "json", "--out", file, "--data-dir", _dataDir);
        Assert.Equal(0, run.ExitCode);
        return await File.ReadAllTextAsync(file);
    }

    [Fact]
    public async Task A_load_writes_every_record_and_prints_what_it_created()
    {
        var run = await Load();
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("Reading and validating the data set…", run.OutputLines);
        Assert.Matches(@"│ entity\s+│\s+4 │\s+0 │\s+0 │", run.Output);
        Assert.Matches(@"│ relationship\s+│\s+2 │\s+0 │\s+0 │", run.Output);
        Assert.StartsWith("3 files; 1 source; 4 entities", run.OutputLines[^2]);
        Assert.Equal("Loaded: 8 created, 0 updated.", run.OutputLines[^1]);
    }

    [Fact]
    public async Task A_second_load_of_the_same_data_changes_nothing()
    {
        Assert.Equal(0, (await Load()).ExitCode);
        var second = await Load();
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("Nothing changed: the store already holds this data set.", second.OutputLines[^1]);
        Assert.Matches(@"│ entity\s+│\s+0 │\s+0 │\s+4 │", second.Output);
    }

    [Fact]
    public async Task The_audit_trail_records_the_actor_given()
    {
        Assert.Equal(0, (await Load("--actor", "curator-b")).ExitCode);
        await using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = Path.Combine(_dataDir, EmbeddedStoreOptions.DatabaseFileName) });
        await store.InitializeAsync();
        var audit = await store.GetAuditAsync(new AuditQuery { TargetId = "org/isis-k" });
        Assert.Equal("curator-b", Assert.Single(audit).Actor);
    }

    [Fact]
    public async Task A_load_whose_validation_fails_leaves_the_store_as_it_was()
    {
        Assert.Equal(0, (await Load()).ExitCode);
        var before = await ExportJson();

        _dataset.Write("seed/data/entities/base.yaml", TempDataset.EntitiesYaml.Replace("name: Taliban", "name: Taliban movement"));
        _dataset.Write("seed/data/facts/zz.yaml", """
            relationships:
              - type: RIVAL_OF
                from: org/taliban
                to: org/isis-kk
                citations:
                  - source: source/doc
                    quote: "The Taliban are rivals of ISIS-K."
            """);
        var run = await Load();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("seed/data/facts/zz.yaml:4:9: relationship RIVAL_OF from org/taliban: to: unknown id 'org/isis-kk'; did you mean 'org/isis-k'?", run.OutputLines);
        Assert.Equal("Nothing was written: fix the problems above, then load again.", run.OutputLines[^1]);
        Assert.Equal(before, await ExportJson());
    }

    [Fact]
    public async Task An_invalid_data_set_does_not_even_create_the_store()
    {
        _dataset.Delete("seed/sources/doc.txt");
        var run = await Load();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("seed/sources/sources.yaml:2:9: source source/doc: source file 'doc.txt' not found in seed/sources/", run.OutputLines);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dataDir));
    }

    [Fact]
    public async Task The_json_export_holds_every_record_loaded_in_contract_spelling()
    {
        Assert.Equal(0, (await Load()).ExitCode);
        var expected = _dataset.Read().ChangeSet;

        using var export = JsonDocument.Parse(await ExportJson());
        var root = export.RootElement;
        Assert.Equal("graphintel-export", root.GetProperty("format").GetString());
        Assert.Equal(expected.Sources.Count, root.GetProperty("sources").GetArrayLength());
        Assert.Equal(expected.Entities.Count, root.GetProperty("entities").GetArrayLength());
        Assert.Equal(expected.Relationships.Count, root.GetProperty("relationships").GetArrayLength());
        Assert.Equal(expected.StrengthEstimates.Count, root.GetProperty("strengthEstimates").GetArrayLength());
        Assert.Equal(
            expected.Entities.Sum(e => e.Citations.Count),
            root.GetProperty("entities").EnumerateArray().Sum(e => e.GetProperty("citations").GetArrayLength()));

        var leads = root.GetProperty("relationships").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "LEADS");
        Assert.Equal(("2015", "2016", "ASSERTED", "killed"),
            (leads.GetProperty("validFrom").GetString(), leads.GetProperty("validTo").GetString(),
             leads.GetProperty("status").GetString(), leads.GetProperty("endReason").GetString()));
        var isisK = root.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "org/isis-k");
        Assert.Equal(("ORGANIZATION", "ARMED_GROUP"), (isisK.GetProperty("kind").GetString(), isisK.GetProperty("organizationKind").GetString()));
        Assert.Equal(6000, root.GetProperty("strengthEstimates")[0].GetProperty("max").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("strengthEstimates")[0].GetProperty("min").ValueKind);
    }

    [Fact]
    public async Task Two_exports_of_the_same_graph_are_identical()
    {
        Assert.Equal(0, (await Load()).ExitCode);
        Assert.Equal(await ExportJson(), await ExportJson());
    }

    [Fact]
    public async Task Export_writes_to_standard_output_without_out()
    {
        Assert.Equal(0, (await Load()).ExitCode);
        var run = await SeedCliRunner.RunAsync("export", "--data-dir", _dataDir);
        Assert.Equal(0, run.ExitCode);
        using var export = JsonDocument.Parse(run.Output);
        Assert.Equal(4, export.RootElement.GetProperty("entities").GetArrayLength());
    }

    [Fact]
    public async Task The_data_directory_comes_from_GRAPHINTEL_DATA_DIR_when_not_given()
    {
        var environment = new Dictionary<string, string> { ["GRAPHINTEL_DATA_DIR"] = _dataDir };
        var run = await SeedCliRunner.RunAsync(environment, "load", "--seed-dir", _dataset.Root);
        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_dataDir, EmbeddedStoreOptions.DatabaseFileName)));
    }

    [Fact]
    public async Task A_valid_data_set_with_an_unusable_neo4j_url_exits_2_naming_the_setting()
    {
        var environment = new Dictionary<string, string> { ["GRAPHINTEL_NEO4J_URL"] = "ftp://nowhere" };
        var run = await SeedCliRunner.RunAsync(environment, "load", "--seed-dir", _dataset.Root, "--store", "neo4j");
        Assert.Equal(2, run.ExitCode);
        // Refused while reading the settings, before any store is opened.
        Assert.StartsWith("error: the Neo4j URL 'ftp://nowhere' (GRAPHINTEL_NEO4J_URL) is not an absolute http:// or https:// URL", run.Error);
    }

    [Fact]
    public async Task An_unknown_store_names_the_allowed_ones()
    {
        var run = await Load("--store", "mongo");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: unknown store 'mongo' (--store); expected one of embedded, neo4j", run.Error.Trim());
    }

    [Fact]
    public async Task An_export_format_this_build_lacks_is_an_error_naming_the_available_ones()
    {
        var run = await SeedCliRunner.RunAsync("export", "--format", "gexf", "--data-dir", _dataDir);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: export format 'gexf' is not available in this build (available: {ExportFormatters.Names})", run.Error.Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dataDir));
    }
}
