using GraphIntel.Graph.Embedded;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Neo4j;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// The Neo4j store's fast reads — bidirectional path search and index-backed name lookup that may skip the misspelling
/// search — answer exactly as the definition (paths: brute force over the whole graph) and the embedded store (names) do, on a seeded random graph dense enough that
/// searches meet early, must go on past the first meeting for more paths, and tie on length (parallel relationships),
/// with names close enough to one another that misspellings have several candidates.
/// </summary>
[RequiresNeo4j]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jReadEquivalenceTests : IAsyncLifetime, IDisposable
{
    private static readonly RelationshipType[] TieTypes =
        [RelationshipType.AlliedWith, RelationshipType.CooperatesWith, RelationshipType.RivalOf, RelationshipType.Supports];
    private static readonly string[] Syllables = ["ha", "ka", "ra", "tal", "mu", "ji", "din", "is", "lam", "jan", "sar", "be", "kan"];

    private readonly TempDirectory _directory = new();
    private readonly Random _random = new(20261121);
    private readonly List<Entity> _entities = [];
    private readonly List<Relationship> _relationships = [];
    private Neo4jGraphStore _neo4j = null!;
    private EmbeddedGraphStore _embedded = null!;

    public async Task InitializeAsync()
    {
        var changes = Generate(organizations: 48, people: 12, relationships: 160);
        var context = new WriteContext("test", "equivalence", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        _neo4j = await Neo4jTestDatabase.CreateCleanStoreAsync();
        _embedded = new EmbeddedGraphStore(new EmbeddedStoreOptions { DatabasePath = _directory.File("reference.db") });
        await _embedded.InitializeAsync();
        await _neo4j.ApplyAsync(changes, context);
        await _embedded.ApplyAsync(changes, context);
    }

    public async Task DisposeAsync()
    {
        await _neo4j.DisposeAsync();
        await _embedded.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    [StoreFact]
    public async Task Paths_are_the_reference_paths_in_the_reference_order()
    {
        var organizations = _entities.Where(e => e.Kind == EntityKind.Organization).Select(e => e.Id).ToArray();
        var compared = 0;
        var withSeveral = 0;
        foreach (var (maxHops, first) in new[] { (2, 3), (4, 1), (4, 5), (6, 5), (6, 12) })
        {
            for (var i = 0; i < 12; i++)
            {
                var from = organizations[_random.Next(organizations.Length)];
                var to = organizations[_random.Next(organizations.Length)];
                if (to == from) to = organizations[(Array.IndexOf(organizations, from) + 1) % organizations.Length];
                var filter = i % 3 == 0 ? new RelationshipFilter { Types = [RelationshipType.AlliedWith, RelationshipType.Supports] } : RelationshipFilter.Default;
                var expected = Describe(Reference(from, to, filter, maxHops, first));
                var found = await _neo4j.FindPathsAsync(from, to, filter, maxHops, first);
                var actual = Describe(found);
                Assert.Equal((await _embedded.FindPathsAsync(from, to, filter, maxHops, first)).Select(p => p.Length), found.Select(p => p.Length));
                Assert.True(expected.SequenceEqual(actual),
                    $"paths {from} -> {to} (maxHops {maxHops}, first {first}, types {string.Join(",", filter.Types ?? [])}):\n" +
                    $"expected\n  {string.Join("\n  ", expected)}\nactual\n  {string.Join("\n  ", actual)}");
                compared++;
                if (expected.Length > 1) withSeveral++;
            }
        }
        Assert.Equal(60, compared);
        Assert.True(withSeveral >= 10, $"only {withSeveral} searches found several paths: the graph is too sparse to test ordering");
    }

    [StoreFact]
    public async Task Name_lookups_rank_as_the_reference_does()
    {
        var queries = _entities.SelectMany(e => e.Names)
            .SelectMany(name => new[] { name, name.ToUpperInvariant(), Misspell(name), name.Split(' ')[0] })
            .ToArray();
        var fuzzyHits = 0;
        foreach (var text in queries)
        {
            foreach (var (kinds, limit) in new (EntityKind[]?, int)[] { (null, 1), (null, 5), ([EntityKind.Person], 3), ([EntityKind.Organization], 10) })
            {
                var expected = Describe(await _embedded.FindByNameAsync(text, kinds, limit));
                var actual = Describe(await _neo4j.FindByNameAsync(text, kinds, limit));
                Assert.True(expected.SequenceEqual(actual),
                    $"lookup '{text}' (kinds {string.Join(",", kinds ?? [])}, limit {limit}):\n" +
                    $"expected\n  {string.Join("\n  ", expected)}\nactual\n  {string.Join("\n  ", actual)}");
                fuzzyHits += expected.Count(m => !m.Contains("exact", StringComparison.Ordinal) && !m.Contains(" 0.95 ", StringComparison.Ordinal));
            }
        }
        Assert.True(fuzzyHits > 20, $"only {fuzzyHits} misspelling matches: the names are too far apart to test fuzzy lookup");
    }

    private static string[] Describe(IReadOnlyList<GraphPath> paths) =>
        Describe(paths.Select(p => new ShortestSimplePaths.Found(p.Nodes.Select(n => n.Id).ToArray(), p.Relationships)).ToList());

    private static string[] Describe(IReadOnlyList<ShortestSimplePaths.Found> paths) =>
        paths.Select(p => string.Join(" ", p.Nodes) + " via " + string.Join(",", p.Relationships.Select(r => r.Id))).ToArray();

    /// <summary>
    /// The definition, by brute force over the whole graph: the first <paramref name="first"/> simple paths by length,
    /// then by their sequence of relationship ids. (The embedded store agrees on lengths; it picks among equally long
    /// paths by its own search order when it must cut a tie short, so it is not the oracle for which ones.)
    /// </summary>
    private IReadOnlyList<ShortestSimplePaths.Found> Reference(string from, string to, RelationshipFilter filter, int maxHops, int first) =>
        ShortestSimplePaths.Find(
            _relationships.Where(r => r.Status != ClaimStatus.Retracted && (filter.Types is not { } types || types.Contains(r.Type))),
            from, to, maxHops, first);

    private static string[] Describe(IReadOnlyList<NameMatch> matches) =>
        matches.Select(m => $"{m.Entity.Id} '{m.Matched}' {m.Score:0.####} {(m.Exact ? "exact" : "")}").ToArray();

    private ChangeSet Generate(int organizations, int people, int relationships)
    {
        var sentences = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Entity Add(string id, EntityKind kind)
        {
            string name;
            do
            {
                // Every third name is a one-letter variant of an earlier one, so misspellings have rivals.
                name = _entities.Count > 3 && _entities.Count % 3 == 0
                    ? Misspell(_entities[_random.Next(_entities.Count)].Name)
                    : $"{Word()} {Word()}";
            } while (!names.Add(name));
            var aliases = _random.Next(4) == 0 && names.Add(name + " Front") ? new[] { name + " Front" } : [];
            var sentence = $"{name} ({id}) is reported in the region.";
            sentences.Add(sentence);
            var entity = new Entity(id, kind, name, aliases, [new Citation("source/equivalence", sentence)])
            {
                OrganizationKind = kind == EntityKind.Organization ? OrganizationKind.ArmedGroup : null,
            };
            _entities.Add(entity);
            return entity;
        }

        for (var i = 0; i < organizations; i++) Add($"org/o{i}", EntityKind.Organization);
        for (var i = 0; i < people; i++) Add($"person/p{i}", EntityKind.Person);
        var citationOf = _entities.ToDictionary(e => e.Id, e => e.Citations[0]);
        var ties = new HashSet<(RelationshipType, string, string)>();
        var rels = _relationships;
        while (rels.Count < relationships)
        {
            // A few hubs take a large share of the ties, as in the real data.
            var from = _entities[_random.Next(3) == 0 ? _random.Next(4) : _random.Next(_entities.Count)].Id;
            var to = _entities[_random.Next(_entities.Count)].Id;
            var type = TieTypes[_random.Next(TieTypes.Length)];
            if (from == to || !ties.Add((type, from, to))) continue;
            var status = _random.Next(8) == 0 ? ClaimStatus.Retracted : ClaimStatus.Asserted;
            rels.Add(new Relationship($"rel/t{rels.Count:000}", type, from, to, Validity.Unknown, status, [citationOf[from]]));
        }
        var source = new Source("source/equivalence", "Equivalence report", "Test", null, null, null, string.Join("\n", sentences));
        return new ChangeSet { Sources = [source], Entities = _entities.ToList(), Relationships = rels.ToList() };
    }

    private string Word() =>
        string.Concat(Enumerable.Range(0, 2 + _random.Next(2)).Select(_ => Syllables[_random.Next(Syllables.Length)])) is var w
            ? char.ToUpperInvariant(w[0]) + w[1..]
            : "";

    private string Misspell(string name)
    {
        var at = 1 + _random.Next(Math.Max(1, name.Length - 2));
        if (name[at] == ' ') at = Math.Max(1, at - 1);
        var replacement = (char)('a' + _random.Next(26));
        return name[..at] + replacement + name[(at + 1)..];
    }
}
