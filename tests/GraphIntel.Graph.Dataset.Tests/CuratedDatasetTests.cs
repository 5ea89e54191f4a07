using GraphIntel.Graph.Dataset;

namespace GraphIntel.Graph.Dataset.Tests;

/// <summary>Guards the curated data set in seed/: a bad edit (typo, wrong quote, unknown id) fails CI here.</summary>
public sealed class CuratedDatasetTests
{
    private static readonly Lazy<DatasetReadResult> Curated = new(() => DatasetReader.Read(DatasetLocator.Locate()));

    [Fact]
    public void The_curated_data_set_validates_with_zero_problems()
    {
        var problems = Curated.Value.Problems;
        Assert.True(problems.Count == 0,
            $"{problems.Count} problems in the curated data set:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_curated_data_set_cites_all_five_documents_and_holds_each_kind_of_entity()
    {
        var summary = Curated.Value.Summary;
        Assert.Equal(5, summary.Sources);
        Assert.All(Enum.GetValues<Ontology.EntityKind>(), kind => Assert.True(summary.EntitiesByKind.GetValueOrDefault(kind) > 0, $"no {kind}"));
        var cited = Curated.Value.ChangeSet.Relationships.SelectMany(r => r.Citations).Select(c => c.SourceId).ToHashSet();
        Assert.Equal(Curated.Value.ChangeSet.Sources.Select(s => s.Id).Order(), cited.Order());
    }
}
