using System.Text.Json;
using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Tests.Store;

/// <summary>
/// The cache's synchronous look-ups (<c>TryGetCached…</c>) on a real embedded store: they answer exactly what the batch
/// reads answer, only from what is in memory in the current generation, and never reach the inner store.
/// </summary>
public sealed class CachingGraphStoreLookupTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private EmbeddedGraphStore _embedded = null!;
    private CachingGraphStore _cache = null!;

    public async Task InitializeAsync()
    {
        _embedded = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = _directory.File($"{Guid.NewGuid():N}.db") });
        await _embedded.InitializeAsync();
        await _embedded.ApplyAsync(WholeGraph, Context);
        _cache = new CachingGraphStore(_embedded);
    }

    public async Task DisposeAsync() => await _cache.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Nothing_is_answered_before_a_batch_read_filled_the_cache()
    {
        Assert.False(_cache.TryGetCachedEntity(Ja, out _));
        Assert.False(_cache.TryGetCachedRelationships(Ja, RelationshipFilter.Default, out _));
        Assert.Equal(0, _cache.Statistics.Hits);

        await _cache.GetEntitiesAsync([Ja]);
        Assert.True(_cache.TryGetCachedEntity(Ja, out var entity));
        Assert.Equal(Ja, entity!.Id);
        Assert.False(_cache.TryGetCachedRelationships(Ja, RelationshipFilter.Default, out _)); // the entity alone is not its relationships
        Assert.Equal(1, _cache.Statistics.Hits);
    }

    [Fact]
    public async Task Absence_is_an_answer_too()
    {
        await _cache.GetEntitiesAsync(["org/unknown"]);
        await _cache.GetSourcesAsync(["src/unknown"]);

        Assert.True(_cache.TryGetCachedEntity("org/unknown", out var entity));
        Assert.Null(entity);
        Assert.True(_cache.TryGetCachedSource("src/unknown", out var source));
        Assert.Null(source);
    }

    [Fact]
    public async Task Relationships_are_filtered_exactly_as_the_batch_read_filters_them()
    {
        RelationshipFilter[] filters =
        [
            RelationshipFilter.Default,
            new() { Direction = Direction.Incoming, Types = [RelationshipType.Leads] },
            new() { Direction = Direction.Outgoing },
            new() { Statuses = Enum.GetValues<ClaimStatus>() },
            new() { AsOf = PartialDate.Parse("2016-05-01"), Types = [RelationshipType.Leads, RelationshipType.SplitFrom] },
        ];
        string[] ids = [Ja, IsisK, Arsalan, "org/unknown"];
        await _cache.GetRelationshipsAsync(ids, RelationshipFilter.Default);

        foreach (var filter in filters)
        {
            var expected = await _embedded.GetRelationshipsAsync(ids, filter);
            foreach (var id in ids)
            {
                Assert.True(_cache.TryGetCachedRelationships(id, filter, out var cached), $"{id} with {filter}");
                Assert.Equal(Json(expected[id]), Json(cached));
            }
        }
    }

    [Fact]
    public async Task Estimates_keep_or_drop_retracted_ones_as_asked()
    {
        await _cache.ApplyAsync(new ChangeSet { Retractions = [IsisKEstimateUn] }, Context with { At = Context.At.AddMinutes(1) });
        await _cache.GetStrengthEstimatesAsync([IsisK]);

        Assert.True(_cache.TryGetCachedStrengthEstimates(IsisK, includeRetracted: false, out var current));
        Assert.True(_cache.TryGetCachedStrengthEstimates(IsisK, includeRetracted: true, out var all));
        Assert.Equal(Json((await _embedded.GetStrengthEstimatesAsync([IsisK]))[IsisK]), Json(current));
        Assert.Equal(Json((await _embedded.GetStrengthEstimatesAsync([IsisK], includeRetracted: true))[IsisK]), Json(all));
        Assert.Contains(all, s => s.Id == IsisKEstimateUn);
    }

    [Fact]
    public async Task Keyed_records_come_back_as_the_batch_reads_return_them()
    {
        var relationship = (await _cache.GetRelationshipsAsync([IsisK], RelationshipFilter.Default))[IsisK][0];
        var estimateId = (await _cache.GetStrengthEstimatesAsync([IsisK]))[IsisK][0].Id;
        await _cache.GetRelationshipsByIdAsync([relationship.Id]);
        await _cache.GetStrengthEstimatesByIdAsync([estimateId]);
        await _cache.GetSourcesAsync([Alpha]);
        var citations = await _cache.GetCitationsBySourceAsync([Alpha]);

        Assert.True(_cache.TryGetCachedRelationship(relationship.Id, out var byId));
        Assert.Equal(Json(relationship), Json(byId));
        Assert.True(_cache.TryGetCachedStrengthEstimate(estimateId, out var estimate));
        Assert.Equal(estimateId, estimate!.Id);
        Assert.True(_cache.TryGetCachedSource(Alpha, out var source));
        Assert.Equal(Alpha, source!.Id);
        Assert.True(_cache.TryGetCachedCitationsBySource(Alpha, out var cachedCitations));
        Assert.Equal(Json(citations[Alpha]), Json(cachedCitations));
    }

    [Fact]
    public async Task A_write_makes_every_look_up_a_miss_until_the_next_read()
    {
        await _cache.GetRelationshipsAsync([Ja], RelationshipFilter.Default);
        Assert.True(_cache.TryGetCachedRelationships(Ja, RelationshipFilter.Default, out var before));

        await _cache.ApplyAsync(new ChangeSet { Retractions = [before[0].Id] }, Context with { At = Context.At.AddMinutes(1) });

        Assert.False(_cache.TryGetCachedEntity(Ja, out _));
        Assert.False(_cache.TryGetCachedRelationships(Ja, RelationshipFilter.Default, out _));
        await _cache.GetRelationshipsAsync([Ja], RelationshipFilter.Default);
        Assert.True(_cache.TryGetCachedRelationships(Ja, RelationshipFilter.Default, out var after));
        Assert.DoesNotContain(after, r => r.Id == before[0].Id);
    }

    [Fact]
    public async Task A_merged_id_answers_with_the_survivors_relationships()
    {
        const string duplicate = "org/ja-duplicate";
        await _cache.ApplyAsync(new ChangeSet
        {
            Entities = [new Entity(duplicate, EntityKind.Organization, "Jamaat Ansarullah (duplicate)", [], [new Citation(Alpha, "Jamaat Ansarullah split from the United Tajik Opposition", null)]) { OrganizationKind = OrganizationKind.ArmedGroup }],
        }, Context with { At = Context.At.AddMinutes(1) });
        await _cache.ApplyAsync(new ChangeSet { Merges = [new EntityMerge(Ja, duplicate)] }, Context with { At = Context.At.AddMinutes(2) });
        await _cache.GetRelationshipsAsync([duplicate], RelationshipFilter.Default);

        Assert.True(_cache.TryGetCachedEntity(duplicate, out var survivor));
        Assert.Equal(Ja, survivor!.Id);
        Assert.True(_cache.TryGetCachedRelationships(duplicate, RelationshipFilter.Default, out var relationships));
        Assert.Equal(Json((await _embedded.GetRelationshipsAsync([duplicate], RelationshipFilter.Default))[duplicate]), Json(relationships));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
