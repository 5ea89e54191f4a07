using System.Text.Json;
using GraphIntel.Graph.Dataset;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Seed.Tests;

/// <summary>
/// Events go back out of the store: <c>export --format events-yaml</c> writes them in the data set's events format, and
/// loading that file gives the same records; the JSON export carries event details and participations.
/// </summary>
public sealed class EventsExportTests : IDisposable
{
    private const string EventsFile = "seed/data/events/zz-test.yaml";
    private readonly TempDataset _dataset = new();
    private readonly string _dataDir;

    public EventsExportTests()
    {
        _dataDir = Path.Combine(_dataset.Root, "store");
        Directory.CreateDirectory(_dataDir);
        _dataset.Write(EventsFile, DatasetSamples.KillingYaml);
    }

    public void Dispose() => _dataset.Dispose();

    private async Task<string> Export(string format)
    {
        var load = await SeedCliRunner.RunAsync("load", "--seed-dir", _dataset.Root, "--data-dir", _dataDir);
        Assert.True(load.ExitCode == 0, load.Output + load.Error);
        var file = Path.Combine(_dataset.Root, $"export-{Guid.NewGuid():N}");
        var run = await SeedCliRunner.RunAsync("export", "--format", format, "--out", file, "--data-dir", _dataDir);
        Assert.True(run.ExitCode == 0, run.Error);
        return await File.ReadAllTextAsync(file);
    }

    /// <summary>The events of a read and the facts they imply, as canonical JSON.</summary>
    private static string EventRecords(DatasetReadResult read) => RecordJson.Serialize(new
    {
        events = read.ChangeSet.Entities.Where(e => e.Kind == EntityKind.Event).OrderBy(e => e.Id, StringComparer.Ordinal),
        facts = read.ChangeSet.Relationships.Where(r => r.Type is RelationshipType.ParticipatedIn or RelationshipType.OccurredIn)
            .OrderBy(r => r.Id, StringComparer.Ordinal),
    });

    [Fact]
    public async Task Events_exported_as_yaml_load_back_to_the_same_records()
    {
        var original = _dataset.Read();
        Assert.Empty(original.Problems);

        var yaml = await Export("events-yaml");
        _dataset.Write(EventsFile, yaml);
        var reread = _dataset.Read();

        Assert.Empty(reread.Problems);
        Assert.Equal(EventRecords(original), EventRecords(reread));
        Assert.Contains("attribution: ATTRIBUTED", yaml);
        Assert.Equal(2, yaml.Split("citations:").Length - 1 - 1); // the perpetrator's own and the casualty's, then the event's
    }

    [Fact]
    public async Task The_json_export_carries_event_details_and_participations()
    {
        using var export = JsonDocument.Parse(await Export("json"));
        var killing = export.RootElement.GetProperty("entities").EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == "event/killing-of-hafiz-saeed-khan").GetProperty("event");
        Assert.Equal(("KILLING", "2016"), (killing.GetProperty("kind").GetString(), killing.GetProperty("date").GetString()));
        var killed = Assert.Single(killing.GetProperty("casualties").EnumerateArray().ToList());
        Assert.Equal(("KILLED", 1, 1), (killed.GetProperty("kind").GetString(), killed.GetProperty("min").GetInt32(), killed.GetProperty("max").GetInt32()));
        var perpetrator = export.RootElement.GetProperty("relationships").EnumerateArray()
            .Single(r => r.GetProperty("from").GetString() == "org/taliban" && r.GetProperty("type").GetString() == "PARTICIPATED_IN")
            .GetProperty("participation");
        Assert.Equal(("PERPETRATOR", "ATTRIBUTED"), (perpetrator.GetProperty("role").GetString(), perpetrator.GetProperty("attribution").GetString()));
        var isisK = export.RootElement.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "org/isis-k");
        Assert.Equal(JsonValueKind.Null, isisK.GetProperty("event").ValueKind);
    }
}
