using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// Name lookup's ranking where exact and key matches meet misspellings: exact and key matches that fill the limit
/// leave no room for misspellings; misspellings fill what they leave; names sharing many common trigrams but out of
/// edit reach never match; the kinds filter applies to every pass; ties rank by name, then id. Expected scores by
/// hand from the documented rule: exact 1.0, key 0.95, a misspelling 0.9 × (1 − edits / longer key's length).
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    private static readonly Citation Dominates = CiteBeta("The Taliban movement dominates Afghanistan.");

    /// <summary>"Kunduz" as an organization, a person and a place (kinds may share a name), and a place one letter off.</summary>
    private Task AddKunduzAsync() => Store.ApplyAsync(new ChangeSet
    {
        Entities =
        [
            new Entity("org/kunduz", EntityKind.Organization, "Kunduz", [], [Dominates]) { OrganizationKind = OrganizationKind.ArmedGroup },
            new Entity("person/kunduz", EntityKind.Person, "Kunduz", [], [Dominates]),
            new Entity("place/kunduz", EntityKind.Place, "Kunduz", [], [Dominates]),
            new Entity("place/kundus", EntityKind.Place, "Kundus", [], [Dominates]),
        ],
    }, Editor());

    /// <summary>
    /// Twelve places "Nawa District A" … "Nawa District R": 15-character keys that share all but one trigram, so each
    /// of their common trigrams is linked to every one of them, and each is one edit from every other.
    /// </summary>
    private static readonly string[] NawaLetters = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "Q", "R"];

    private Task AddNawaAsync() => Store.ApplyAsync(new ChangeSet
    {
        Entities = NawaLetters.Select(l => new Entity($"place/nawa-{l.ToLowerInvariant()}", EntityKind.Place, $"Nawa District {l}", [], [Dominates])).ToList(),
    }, Editor());

    private static (string Id, string Matched, double Score, bool Exact)[] Rows(IEnumerable<NameMatch> matches) =>
        matches.Select(m => (m.Entity.Id, m.Matched, Math.Round(m.Score, 6), m.Exact)).ToArray();

    [StoreFact]
    public async Task FindByName_exact_matches_filling_the_limit_leave_out_misspellings_and_tie_by_id()
    {
        await AddKunduzAsync();

        Assert.Equal(
        [
            ("org/kunduz", "Kunduz", 1.0, true), ("person/kunduz", "Kunduz", 1.0, true), ("place/kunduz", "Kunduz", 1.0, true),
        ], Rows(await Store.FindByNameAsync("KUNDUZ", limit: 3)));
        // Key matches ("kunduz." is no name as written, its key is) fill the limit as well.
        Assert.Equal(
        [
            ("org/kunduz", "Kunduz", 0.95, false), ("person/kunduz", "Kunduz", 0.95, false),
        ], Rows(await Store.FindByNameAsync("Kunduz.", limit: 2)));
    }

    [StoreFact]
    public async Task FindByName_misspellings_fill_what_exact_matches_leave_and_the_kinds_filter_applies_to_both()
    {
        await AddKunduzAsync();

        // "kundus" is one edit from the 6-character "kunduz": 0.9 × 5/6.
        Assert.Equal(
        [
            ("org/kunduz", "Kunduz", 1.0, true), ("person/kunduz", "Kunduz", 1.0, true), ("place/kunduz", "Kunduz", 1.0, true),
            ("place/kundus", "Kundus", 0.75, false),
        ], Rows(await Store.FindByNameAsync("Kunduz", limit: 10)));
        Assert.Equal(
        [
            ("person/kunduz", "Kunduz", 1.0, true), ("place/kunduz", "Kunduz", 1.0, true), ("place/kundus", "Kundus", 0.75, false),
        ], Rows(await Store.FindByNameAsync("Kunduz", [EntityKind.Place, EntityKind.Person])));
        Assert.Equal([("org/kunduz", "Kunduz", 1.0, true)], Rows(await Store.FindByNameAsync("Kunduz", [EntityKind.Organization])));
        // "Kundus" as written among places: itself, then the place one edit off; the organization and person are filtered out.
        Assert.Equal(
        [
            ("place/kundus", "Kundus", 1.0, true), ("place/kunduz", "Kunduz", 0.75, false),
        ], Rows(await Store.FindByNameAsync("Kundus", [EntityKind.Place])));
    }

    [StoreFact]
    public async Task FindByName_a_misspelling_made_of_common_trigrams_ranks_by_edits_then_name()
    {
        await AddNawaAsync();

        // "nawa distrikt q" (15 characters): one edit from "nawa district q" (0.9 × 14/15), two from the eleven others
        // (0.9 × 13/15), which tie and rank by name; the limit cuts after the ninth letter.
        var rows = Rows(await Store.FindByNameAsync("Nawa Distrikt Q"));
        Assert.Equal(
            new[] { ("place/nawa-q", "Nawa District Q", 0.84, false) }
                .Concat(new[] { "A", "B", "C", "D", "E", "F", "G", "H", "J" }.Select(l => ($"place/nawa-{l.ToLowerInvariant()}", $"Nawa District {l}", 0.78, false))),
            rows);
        // "nawa distrikt qq" (16 characters, 3 edits allowed): two edits from "nawa district q" (0.9 × 14/16), three
        // from the others (0.9 × 13/16), which tie again.
        Assert.Equal(
            new[] { ("place/nawa-q", 0.7875) }
                .Concat(new[] { "a", "b", "c", "d", "e", "f", "g", "h", "j" }.Select(l => ($"place/nawa-{l}", 0.73125))),
            (await Store.FindByNameAsync("Nawa Distrikt QQ")).Select(m => (m.Entity.Id, Math.Round(m.Score, 6))));
        // An exact match and the nearest misspellings after it, tied at one edit, by name.
        Assert.Equal(
        [
            ("place/nawa-a", "Nawa District A", 1.0, true), ("place/nawa-b", "Nawa District B", 0.84, false), ("place/nawa-c", "Nawa District C", 0.84, false),
        ], Rows(await Store.FindByNameAsync("nawa district a", limit: 3)));
        // Out of reach though all its trigrams are theirs: a 9-character key allows 2 edits, and these are 6 longer.
        Assert.Empty(await Store.FindByNameAsync("Nawa Dist"));
    }
}
