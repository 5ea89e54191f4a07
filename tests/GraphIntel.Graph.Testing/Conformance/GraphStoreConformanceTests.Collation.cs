using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

public abstract partial class GraphStoreConformanceTests
{
    /// <summary>
    /// Names in code point order (CodePointOrder, the contract's one collation), on every backend: characters beyond the
    /// Basic Multilingual Plane (𝔸 U+1D538, 𝔷 U+1D537, 😀 U+1F600) after U+E000–U+FFFF (private use, fullwidth ｚ U+FF5A,
    /// ￡ U+FFE1), which UTF-16 order (Java's compareTo, .NET's CompareOrdinal) puts the other way round. The names are
    /// already folded (lowercase, no marks), so the expected order is a brute-force sort of their code points, and the
    /// listing is walked two at a time, so every cursor between them is used.
    /// </summary>
    [StoreFact]
    public async Task Listings_order_names_by_code_point_beyond_the_Basic_Multilingual_Plane()
    {
        string[] names = ["zulu unit", "\U0001D538 front", "\uFF5A unit", "\uFFE1 group", "\U0001F600 brigade", "\uE000 cell", "\u03C9 legion", "\U0001D537 corps"];
        var people = names.Select((name, i) => new Entity($"person/collation-{i}", EntityKind.Person, name, [],
            [CiteAlpha("Mahdi Arsalan led Jamaat Ansarullah")])).ToList();
        await Store.ApplyAsync(new ChangeSet { Entities = people }, Editor());

        var expected = people.OrderBy(p => CodePoints(p.Name), Lexicographic).Select(p => p.Id).ToList();
        Assert.Equal(["person/collation-0", "person/collation-6", "person/collation-5", "person/collation-2", "person/collation-3",
            "person/collation-7", "person/collation-1", "person/collation-4"], expected);

        var walked = new List<string>();
        string? after = null;
        do
        {
            var page = await Store.ListEntitiesAsync(new EntityQuery { Kinds = [EntityKind.Person], First = 2, After = after });
            walked.AddRange(page.Items.Select(e => e.Id));
            after = page.HasNextPage ? page.EndCursor : null;
        } while (after is not null);
        Assert.Equal(expected, walked.Where(id => id.StartsWith("person/collation-", StringComparison.Ordinal)));
    }

    private static int[] CodePoints(string s) => s.EnumerateRunes().Select(r => r.Value).ToArray();

    private static readonly IComparer<int[]> Lexicographic = Comparer<int[]>.Create((a, b) =>
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        return a.Length.CompareTo(b.Length);
    });
}
