using GraphIntel.Graph.Dataset;

namespace GraphIntel.Graph.Dataset.Tests;

public sealed class DatasetLocatorTests : IDisposable
{
    private readonly TempDataset _dataset = new();

    public void Dispose() => _dataset.Dispose();

    private static Func<string, string?> Environment(string? seedDir) =>
        name => name == DatasetLocator.SeedDirVariable ? seedDir : null;

    [Fact]
    public void The_environment_variable_may_name_the_folder_holding_seed()
    {
        Assert.Equal(_dataset.Root, DatasetLocator.TryLocate(null, Environment(_dataset.Root), out var error));
        Assert.Null(error);
    }

    [Fact]
    public void The_environment_variable_may_name_the_seed_folder_itself()
    {
        Assert.Equal(_dataset.Root, DatasetLocator.TryLocate(null, Environment(Path.Combine(_dataset.Root, "seed")), out _));
    }

    [Fact]
    public void An_explicit_directory_wins_over_the_environment()
    {
        Assert.Equal(_dataset.Root, DatasetLocator.TryLocate(_dataset.Root, Environment("/nowhere"), out _));
    }

    [Fact]
    public void A_configured_folder_without_a_data_set_is_an_error_that_names_it()
    {
        var empty = Path.Combine(_dataset.Root, "seed", "data", "entities");
        Assert.Null(DatasetLocator.TryLocate(empty, Environment(null), out var error));
        Assert.Equal($"'{empty}' holds no seed/data folder (nor is it a seed folder)", error);
    }

    [Fact]
    public void Without_configuration_the_repository_data_set_is_found_by_walking_up()
    {
        var root = DatasetLocator.TryLocate(null, Environment(null), out var error);
        Assert.Null(error);
        Assert.True(File.Exists(Path.Combine(root!, "seed", "data", "README.md")), $"found {root}");
    }
}
