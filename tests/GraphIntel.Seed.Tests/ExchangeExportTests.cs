using System.IO.Compression;
using System.Text.Json;

namespace GraphIntel.Seed.Tests;

/// <summary>
/// <c>seed export --format graphml|ftm|csv</c> on the curated data set, read back by the independent readers of
/// tests/exchange (graphology-graphml, the FollowTheMoney model, csv-parse) and compared with the CLI's own JSON export
/// of the same store; the filters and their errors as the CLI says them. (The HTTP side, against the GraphQL API:
/// tests/GraphIntel.Api.Tests/Exports.)
/// </summary>
public sealed class ExchangeExportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "graphintel-exchange-" + Guid.NewGuid().ToString("N"));
    private readonly string _dataDir;

    public ExchangeExportTests()
    {
        _dataDir = Path.Combine(_root, "store");
        Directory.CreateDirectory(_dataDir);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private async Task<string> Export(string format, params string[] filter)
    {
        if (!File.Exists(Path.Combine(_dataDir, "graphintel.db")))
        {
            var load = await SeedCliRunner.RunAsync("load", "--seed-dir", RepoPaths.Root, "--data-dir", _dataDir);
            Assert.True(load.ExitCode == 0, load.Output + load.Error);
        }
        var file = Path.Combine(_root, $"export-{Guid.NewGuid():N}.{format}");
        var run = await SeedCliRunner.RunAsync(["export", "--format", format, "--out", file, "--data-dir", _dataDir, .. filter]);
        Assert.True(run.ExitCode == 0, run.Error);
        return file;
    }

    private static async Task<JsonElement> Read(params string[] args)
    {
        var (exit, stdout, stderr) = await Node.RunAsync(RepoPaths.In("tests/exchange"), "check.mjs", args);
        Assert.True(exit == 0, $"the {args[0]} reader refused the export: {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    /// <summary>Entity and relationship ids of the CLI's JSON export of the same store.</summary>
    private async Task<(List<string> Entities, List<string> Relationships)> JsonIds()
    {
        var json = JsonDocument.Parse(await File.ReadAllTextAsync(await Export("json"))).RootElement;
        return (json.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList(),
            json.GetProperty("relationships").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList());
    }

    [Fact]
    public async Task GraphML_FtM_and_CSV_from_the_CLI_read_back_to_the_graph_of_the_JSON_export()
    {
        var (entities, relationships) = await JsonIds();

        var graph = await Read("graphml", await Export("graphml"));
        Assert.Equal(entities, graph.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(relationships, graph.GetProperty("edges").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));

        var ftm = await Read("ftm", await Export("ftm"));
        Assert.Empty(ftm.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(entities.Count + relationships.Count, ftm.GetProperty("entities").GetArrayLength());

        var directory = Path.Combine(_root, "csv");
        ZipFile.ExtractToDirectory(await Export("csv"), directory);
        var csv = await Read("csv", Path.Combine(directory, "nodes.csv"), Path.Combine(directory, "edges.csv"));
        Assert.Equal(entities, csv.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
        Assert.Equal(relationships, csv.GetProperty("edges").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task As_of_keeps_fewer_relationships_and_every_entity()
    {
        var (entities, relationships) = await JsonIds();
        var graph = await Read("graphml", await Export("graphml", "--as-of", "2019"));
        Assert.Equal(entities.Count, graph.GetProperty("nodes").GetArrayLength());
        Assert.InRange(graph.GetProperty("edges").GetArrayLength(), 1, relationships.Count - 1);
    }

    [Theory]
    [InlineData("--as-of", "20x9", "error: --as-of: '20x9' is not a date")]
    [InlineData("--types", "LEADS,FOUNDER", "error: --types: 'FOUNDER' is not one of")]
    [InlineData("--status", "CONFIRMED", "error: --status: 'CONFIRMED' is not one of")]
    [InlineData("--certainty", "POSSIBLE", "error: --certainty: 'POSSIBLE' needs asOf")]
    public async Task A_bad_filter_is_an_error_naming_the_option(string option, string value, string expected)
    {
        var run = await SeedCliRunner.RunAsync("export", "--format", "graphml", option, value, "--data-dir", _dataDir);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Error.Trim());
    }
}
