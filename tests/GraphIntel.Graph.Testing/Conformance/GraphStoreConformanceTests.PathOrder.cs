using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

public abstract partial class GraphStoreConformanceTests
{
    private const string LatticeStart = "org/lattice-s", LatticeEnd = "org/lattice-t";

    /// <summary>
    /// Id endings, five ids sharing each number: two of them on either side of the Basic Multilingual Plane's end (U+FF5A
    /// fullwidth z before U+1D538 𝔸 in code points, after it in UTF-16 code units), so ties among paths are decided by
    /// the contract's collation, code points, and UTF-16 order would pick other paths.
    /// </summary>
    private static readonly string[] Suffixes = ["x", "B", "-", "\uFF5A", "\U0001D538"];

    /// <summary>
    /// A diamond lattice: S, three layers of three organizations each joined to every one of the next, and T; 27 paths
    /// of 4 hops and 3 more through a relationship parallel to one of the lattice's, and 264 of 6 hops that zig-zag
    /// between layers. Relationship ids are scrambled, of different lengths, cases and planes, and some run against the direction
    /// of reading, so the order of ties shows in no other property of the graph.
    /// </summary>
    private static ChangeSet Lattice()
    {
        var cite = CiteAlpha("The Islamic State declared its Khorasan province in January 2015.");
        string[][] layers = [[LatticeStart], ["org/lattice-a0", "org/lattice-a1", "org/lattice-a2"],
            ["org/lattice-b0", "org/lattice-b1", "org/lattice-b2"], ["org/lattice-c0", "org/lattice-c1", "org/lattice-c2"], [LatticeEnd]];
        var entities = layers.SelectMany(l => l).Select(id => new Entity(id, EntityKind.Organization, $"Lattice {id[12..]}", [], [cite])
        {
            OrganizationKind = OrganizationKind.ArmedGroup,
        }).ToList();
        var relationships = new List<Relationship>();
        for (var l = 0; l + 1 < layers.Length; l++)
        {
            foreach (var a in layers[l])
            {
                foreach (var b in layers[l + 1])
                {
                    var n = relationships.Count;
                    var id = $"rel/lat-{n / Suffixes.Length * 7 % 29}{Suffixes[n % Suffixes.Length]}";
                    var (from, to) = n % 2 == 0 ? (a, b) : (b, a);
                    relationships.Add(new Relationship(id, RelationshipType.AlliedWith, from, to, Validity.Unknown, ClaimStatus.Asserted, [cite]));
                }
            }
        }
        relationships.Add(new Relationship("rel/lat-1", RelationshipType.CooperatesWith, "org/lattice-b1", "org/lattice-c2", Validity.Unknown, ClaimStatus.Asserted, [cite]));
        return new ChangeSet { Entities = entities, Relationships = relationships };
    }

    [StoreFact]
    public async Task Paths_first_k_are_the_first_k_of_the_whole_order_among_many_ties()
    {
        var lattice = Lattice();
        await Store.ApplyAsync(lattice, Editor());
        var expected = BruteForcePaths.All(lattice.Relationships, LatticeStart, LatticeEnd, maxHops: 6)!;
        Assert.Equal(30, expected.Count(p => p.Length == 4));
        Assert.Equal(294, expected.Count);

        var all = await Store.FindPathsAsync(LatticeStart, LatticeEnd, RelationshipFilter.Default, maxHops: 6, first: 500);
        Assert.Equal(expected.Select(BruteForcePaths.Key), all.Select(p => BruteForcePaths.Key(p.Relationships)));
        foreach (var k in new[] { 1, 2, 3, 5, 8, 13, 29, 30, 31, 40, 294 })
        {
            var first = await Store.FindPathsAsync(LatticeStart, LatticeEnd, RelationshipFilter.Default, maxHops: 6, first: k);
            Assert.Equal(expected.Take(k).Select(BruteForcePaths.Key), first.Select(p => BruteForcePaths.Key(p.Relationships)));
        }

        // Read the other way, the same paths reversed, in the order of their reversed id sequences.
        var back = await Store.FindPathsAsync(LatticeEnd, LatticeStart, RelationshipFilter.Default, maxHops: 4, first: 5);
        var expectedBack = BruteForcePaths.All(lattice.Relationships, LatticeEnd, LatticeStart, maxHops: 4)!;
        Assert.Equal(expectedBack.Take(5).Select(BruteForcePaths.Key), back.Select(p => BruteForcePaths.Key(p.Relationships)));

        // A filter leaves fewer ties; the order holds among those left.
        var allied = new RelationshipFilter { Types = [RelationshipType.AlliedWith] };
        var expectedAllied = BruteForcePaths.All(lattice.Relationships.Where(r => r.Type == RelationshipType.AlliedWith), LatticeStart, LatticeEnd, maxHops: 5)!;
        var actualAllied = await Store.FindPathsAsync(LatticeStart, LatticeEnd, allied, maxHops: 5, first: 30);
        Assert.Equal(expectedAllied.Take(30).Select(BruteForcePaths.Key), actualAllied.Select(p => BruteForcePaths.Key(p.Relationships)));
    }
}
