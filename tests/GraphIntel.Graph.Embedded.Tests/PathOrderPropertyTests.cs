using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Embedded.Tests;

/// <summary>
/// On many small random multigraphs (seeded), the embedded store's <c>FindPathsAsync</c> returns exactly the first k
/// paths of the brute-force enumeration in the contract's order, for random ends, hop limits, k and type filters.
/// </summary>
public sealed class PathOrderPropertyTests : IDisposable
{
    private const string IdChars = "aZ0-_.~";
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Paths_are_the_first_k_of_a_brute_force_enumeration_on_random_graphs()
    {
        await using var store = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = _directory.File("paths.db") });
        await store.InitializeAsync();
        var random = new Random(13);
        var cite = ConformanceFixture.CiteAlpha("The Islamic State declared its Khorasan province in January 2015.");
        var compared = 0;
        for (var graph = 0; graph < 40; graph++)
        {
            // Disjoint graphs in one store: entity and relationship ids carry the graph's number.
            var nodes = Enumerable.Range(0, random.Next(4, 9)).Select(i => $"org/g{graph}-n{i}").ToArray();
            var relationships = new List<Relationship>();
            var ids = new HashSet<string>();
            var facts = new HashSet<(RelationshipType, string, string)>();
            for (var e = random.Next(nodes.Length, 3 * nodes.Length); e > 0; e--)
            {
                var (from, to) = (nodes[random.Next(nodes.Length)], nodes[random.Next(nodes.Length)]);
                var type = random.Next(2) == 0 ? RelationshipType.AlliedWith : RelationshipType.CooperatesWith;
                if (from == to || !facts.Add((type, from, to)) || !facts.Add((type, to, from))) continue;
                string id;
                do id = $"rel/g{graph}-" + new string(Enumerable.Range(0, random.Next(1, 4)).Select(_ => IdChars[random.Next(IdChars.Length)]).ToArray());
                while (!ids.Add(id));
                relationships.Add(new Relationship(id, type, from, to, Validity.Unknown, ClaimStatus.Asserted, [cite]));
            }
            var entities = nodes.Select(id => new Entity(id, EntityKind.Organization, $"Random {id[4..]}", [], [cite]) { OrganizationKind = OrganizationKind.ArmedGroup });
            await store.ApplyAsync(new ChangeSet { Sources = graph == 0 ? [ConformanceFixture.AlphaSource] : [], Entities = entities.ToList(), Relationships = relationships },
                new WriteContext("property", null, DateTimeOffset.UnixEpoch));

            for (var query = 0; query < 6; query++)
            {
                var (from, to) = (nodes[random.Next(nodes.Length)], nodes[random.Next(nodes.Length)]);
                if (from == to) continue;
                var (maxHops, k) = (random.Next(1, 6), random.Next(1, 13));
                var alliedOnly = random.Next(3) == 0;
                var filter = alliedOnly ? new RelationshipFilter { Types = [RelationshipType.AlliedWith] } : RelationshipFilter.Default;
                var expected = BruteForcePaths.All(relationships.Where(r => !alliedOnly || r.Type == RelationshipType.AlliedWith), from, to, maxHops)!;

                var actual = await store.FindPathsAsync(from, to, filter, maxHops, k);

                Assert.Equal(expected.Take(k).Select(BruteForcePaths.Key), actual.Select(p => BruteForcePaths.Key(p.Relationships)));
                compared += expected.Count > k && expected[k - 1].Length == expected[k].Length ? 1 : 0;
            }
        }
        Assert.True(compared >= 20, $"only {compared} queries cut a run of equally long paths");
    }

    public void Dispose() => _directory.Dispose();
}
