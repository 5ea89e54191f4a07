using GraphIntel.Graph.Model;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

public abstract partial class GraphStoreConformanceTests
{
    [StoreFact]
    public async Task Cardinalities_measure_every_list_as_counted_from_the_fixture()
    {
        var cardinalities = await Store.GetCardinalitiesAsync();

        var citations = Entities.SelectMany(e => e.Citations)
            .Concat(Relationships.SelectMany(r => r.Citations))
            .Concat(StrengthEstimates.SelectMany(x => x.Citations)).ToList();
        Assert.Equal(2, cardinalities.Sources);
        Assert.Equal(Lengths(citations.GroupBy(c => c.SourceId).Select(g => g.Count())), cardinalities.CitationsPerSource);
        Assert.Equal(Lengths(Entities.Select(e => e.Citations.Count).Concat(Relationships.Select(r => r.Citations.Count))
            .Concat(StrengthEstimates.Select(x => x.Citations.Count))), cardinalities.CitationsPerRecord);
        Assert.Equal(Lengths(Relationships.SelectMany(r => new[] { r.FromId, r.ToId }).GroupBy(id => id).Select(g => g.Count())),
            cardinalities.RelationshipsPerEntity);
        Assert.Equal(Lengths(StrengthEstimates.GroupBy(x => x.OrganizationId).Select(g => g.Count())), cardinalities.EstimatesPerOrganization);
        Assert.Equal(new[] { AlphaSource, BetaSource }.Max(s => s.Text.Length), cardinalities.MaxSourceTextLength);
    }

    [StoreFact]
    public async Task Cardinalities_of_an_empty_store_are_zero()
    {
        var empty = await NewStoreAsync();

        var cardinalities = await empty.GetCardinalitiesAsync();

        Assert.Equal(new StoreCardinalities(0, ListLengths.None, ListLengths.None, ListLengths.None, ListLengths.None, 0), cardinalities);
    }

    // The lengths of the non-empty lists among `lengths`.
    private static ListLengths Lengths(IEnumerable<int> lengths)
    {
        var lists = lengths.Where(n => n > 0).Select(n => (long)n).ToList();
        return lists.Count == 0 ? ListLengths.None : new ListLengths(lists.Count, lists.Sum(), lists.Sum(n => n * n), lists.Max());
    }
}
