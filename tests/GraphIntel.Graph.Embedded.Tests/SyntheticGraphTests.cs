using GraphIntel.Benchmarks.Graph;
using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Embedded.Tests;

/// <summary>
/// The benchmark's generator and load path, run small for correctness only: the generated graph is deterministic and
/// valid, loads, and the store's traversals agree with brute-force answers computed here from the exported graph.
/// </summary>
public sealed class SyntheticGraphTests : IAsyncLifetime
{
    private static readonly SyntheticGraphOptions Small = new() { Entities = 2_000, Relationships = 20_000, Seed = 7 };
    private readonly TempDirectory _directory = new();
    private SyntheticGraph _graph = null!;
    private EmbeddedGraphStore _store = null!;

    public async Task InitializeAsync()
    {
        _graph = SyntheticGraph.Generate(Small);
        _store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = _directory.File("synthetic.db") });
        await _store.InitializeAsync();
        await _store.ApplyAsync(_graph.ChangeSet, new WriteContext("synthetic", null, DateTimeOffset.UnixEpoch));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public void Generation_is_deterministic_per_seed()
    {
        var again = SyntheticGraph.Generate(Small);
        var other = SyntheticGraph.Generate(Small with { Seed = 8 });

        Assert.Equal(RecordJson.Serialize(_graph.ChangeSet), RecordJson.Serialize(again.ChangeSet));
        Assert.NotEqual(RecordJson.Serialize(_graph.ChangeSet.Relationships.Take(50)), RecordJson.Serialize(other.ChangeSet.Relationships.Take(50)));
    }

    [Fact]
    public async Task The_graph_loads_whole_and_has_the_shape_asked_for()
    {
        var stats = await _store.GetStatisticsAsync();

        Assert.Equal(Small.Entities, stats.EntitiesByKind.Values.Sum());
        Assert.Equal(Small.Relationships, stats.RelationshipsByType.Values.Sum());
        Assert.Equal(1_200, stats.EntitiesByKind[EntityKind.Organization]);
        Assert.All(GraphOntology.LineageTypes, t => Assert.True(stats.RelationshipsByType.GetValueOrDefault(t) > 0, $"no {t}"));
        Assert.True(stats.RelationshipsByType[RelationshipType.Leads] > 100);
        Assert.True(stats.RelationshipsByStatus[ClaimStatus.Disputed] > 0);

        var degrees = _graph.ChangeSet.Relationships.SelectMany(r => new[] { r.FromId, r.ToId }).GroupBy(id => id).Select(g => g.Count()).ToList();
        var mean = degrees.Average();
        Assert.True(degrees.Max() > 10 * mean, $"max degree {degrees.Max()} vs mean {mean:0.0}: not skewed");

        var summary = await _store.ApplyAsync(_graph.ChangeSet, new WriteContext("synthetic", null, DateTimeOffset.UnixEpoch));
        Assert.False(summary.ChangedAnything);
    }

    [Fact]
    public async Task Names_are_found_as_written_and_misspelled()
    {
        var random = new Random(1);
        var exact = 0;
        var fuzzy = 0;
        for (var i = 0; i < 50; i++)
        {
            var entity = _graph.Entities[random.Next(_graph.Entities.Count)];
            if ((await _store.FindByNameAsync(entity.Name))[0] is { Exact: true } hit && hit.Entity.Id == entity.Id) exact++;
            var misspelled = SyntheticGraph.Misspell(entity.Name, random);
            if ((await _store.FindByNameAsync(misspelled, limit: 10)).Any(m => m.Entity.Id == entity.Id)) fuzzy++;
        }
        Assert.Equal(50, exact);
        Assert.True(fuzzy >= 45, $"only {fuzzy}/50 misspelled names found their entity");
    }

    [Fact]
    public async Task Paths_agree_with_brute_force_enumeration()
    {
        const int maxHops = 3;
        const int first = 5;
        var random = new Random(3);
        var compared = 0;
        for (var attempt = 0; attempt < 600 && compared < 20; attempt++)
        {
            // Every other pair on a random asOf date at a random certainty: the brute force keeps the edges the
            // filter's definition (TemporalProfile, checked against enumeration) admits.
            var people = _graph.PersonIds;
            var (from, to) = (people[random.Next(people.Count)], people[random.Next(people.Count)]);
            if (from == to) continue;
            var filter = attempt % 2 == 0 ? RelationshipFilter.Default : RandomAsOf(random, Touching(from));
            var expected = BruteForcePaths.All(_graph.ChangeSet.Relationships.Where(filter.Matches), from, to, maxHops);
            if (expected is null || expected.Count == 0) continue;

            var actual = await _store.FindPathsAsync(from, to, filter, maxHops, first);

            Assert.Equal(expected.Take(first).Select(BruteForcePaths.Key), actual.Select(p => BruteForcePaths.Key(p.Relationships)));
            compared++;
        }
        Assert.True(compared >= 14, $"only {compared} pairs compared");
    }

    [Fact]
    public async Task Lineage_agrees_with_brute_force_search()
    {
        var random = new Random(5);
        foreach (var (org, i) in _graph.OrganizationIds.Take(300).Select((org, i) => (org, i)))
        {
            var filter = i % 3 == 0 ? RelationshipFilter.Default
                : RandomAsOf(random, Touching(org).Where(r => GraphOntology.LineageTypes.Contains(r.Type)).ToList());
            var lineage = _graph.ChangeSet.Relationships.Where(r => GraphOntology.LineageTypes.Contains(r.Type) && filter.Matches(r)).ToList();
            var reached = new HashSet<string> { org };
            var frontier = new List<string> { org };
            for (var depth = 0; depth < 3; depth++)
            {
                frontier = lineage
                    .SelectMany(r => frontier.Where(n => r.FromId == n || r.ToId == n)
                        .Where(n => LineageSteps.Follows(LineageDirection.Ancestors, r.Type, r.FromId, n))
                        .Select(n => r.OtherEnd(n)))
                    .Where(reached.Add).ToList();
            }

            var subgraph = await _store.GetLineageAsync(org, LineageDirection.Ancestors, filter, 3);

            Assert.Equal(reached.Order(StringComparer.Ordinal), subgraph.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// A filter KNOWN or POSSIBLE on a random date: a quarter of the time a year, month or day between 1990 and 2024, else
    /// at a boundary of one of the facts <paramref name="near"/> the start (a stated end as written, or its first or last day, or the day before or
    /// after), where an off-by-one-day filter goes wrong.
    /// </summary>
    private static RelationshipFilter RandomAsOf(Random random, IReadOnlyList<Relationship> near)
    {
        var year = 1990 + random.Next(35);
        var dated = near.Count == 0 ? Validity.Unknown : near[random.Next(near.Count)].Validity;
        var bound = random.Next(2) == 0 ? dated.Start.Exact : dated.End.Exact;
        var asOf = (random.Next(4), bound) switch
        {
            (< 3, { } b) => random.Next(5) switch
            {
                0 => b,
                1 => PartialDate.FromDate(b.Start),
                2 => PartialDate.FromDate(b.End),
                3 => PartialDate.FromDate(b.Start.AddDays(-1)),
                _ => PartialDate.FromDate(b.End.AddDays(1)),
            },
            _ => random.Next(3) switch
            {
                0 => new PartialDate(year),
                1 => new PartialDate(year, 1 + random.Next(12)),
                _ => new PartialDate(year, 1 + random.Next(12), 1 + random.Next(28)),
            },
        };
        return new RelationshipFilter { AsOf = asOf, Certainty = random.Next(2) == 0 ? TemporalCertainty.Known : TemporalCertainty.Possible };
    }

    private List<Relationship> Touching(string id) => _graph.ChangeSet.Relationships.Where(r => r.FromId == id || r.ToId == id).ToList();
}
