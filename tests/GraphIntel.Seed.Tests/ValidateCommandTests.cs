
namespace GraphIntel.Seed.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDataset _dataset = new();

    public void Dispose() => _dataset.Dispose();

    [Fact]
    public async Task A_valid_data_set_exits_0_with_its_summary()
    {
        var run = await SeedCliRunner.RunAsync("validate", "--seed-dir", _dataset.Root);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
        [
            "3 files; 1 source; 4 entities (2 organizations, 1 person, 1 place); 3 facts (1 RIVAL_OF, 1 LEADS, 1 strength estimate); 8 citations",
            "The data set is valid.",
        ], run.OutputLines);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Problems_are_printed_one_per_line_with_their_position_and_exit_1()
    {
        _dataset.Write("seed/data/facts/zz.yaml", """
            relationships:
              - type: LEADS
                from: org/taliban
                to: org/isis-k
                citations:
                  - source: source/doc
                    quote: "The Taliban are rivals of ISIS-K."
            """);
        var run = await SeedCliRunner.RunAsync("validate", "--seed-dir", _dataset.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("seed/data/facts/zz.yaml:2:5: relationship LEADS from org/taliban: LEADS connects person to organization, not organization to organization", run.OutputLines[0]);
        Assert.Equal("1 problem.", run.OutputLines[1]);
        Assert.StartsWith("4 files; ", run.OutputLines[2]);
    }

    [Fact]
    public async Task The_data_set_is_found_through_GRAPHINTEL_SEED_DIR()
    {
        var run = await SeedCliRunner.RunAsync(new Dictionary<string, string> { ["GRAPHINTEL_SEED_DIR"] = _dataset.Root }, "validate");
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task A_folder_without_a_data_set_exits_2_saying_where_it_looked()
    {
        var nowhere = Path.Combine(_dataset.Root, "seed", "sources");
        var run = await SeedCliRunner.RunAsync("validate", "--seed-dir", nowhere);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: cannot find the data set: '{nowhere}' holds no seed/data folder (nor is it a seed folder)", run.Error.Trim());
    }

    [Fact]
    public async Task An_unknown_command_line_option_is_a_usage_error()
    {
        var run = await SeedCliRunner.RunAsync("validate", "--sed-dir", _dataset.Root);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--sed-dir", run.Error);
    }
}
