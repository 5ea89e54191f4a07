using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using static GraphIntel.Graph.Testing.ConformanceFixture;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// Evidence and name rules every backend enforces on write: quotes long enough to prove something, names in NFC,
/// no invisible or bidi-control characters, look-alike names of one kind refused (UTS #39 skeletons, against the
/// change set and what is stored), source urls http(s) only — and a refused write writes nothing. Expected
/// characters come from UnicodeData.txt and confusables.txt (cited at each use), quotes from the fixture's texts.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    private static Entity NewOrg(string id, string name, params string[] aliases) =>
        new(id, EntityKind.Organization, name, aliases, [CiteBeta("ISIS-K is a bitter rival of the Taliban.")]) { OrganizationKind = OrganizationKind.ArmedGroup };

    private async Task<GraphValidationException> RefusedAsync(ChangeSet changes)
    {
        var before = await SnapshotJson();
        var refused = await Assert.ThrowsAsync<GraphValidationException>(() => Store.ApplyAsync(changes, Editor()));
        Assert.Equal(before, await SnapshotJson());
        return refused;
    }

    [StoreFact]
    public async Task A_one_character_quote_is_refused_as_evidence_though_it_occurs_in_the_source()
    {
        Assert.Contains("a", BetaSource.Text, StringComparison.Ordinal);
        var rival = new Relationship("rel/kib-rival-of-isis-k", RelationshipType.RivalOf, Kib, IsisK, Validity.Unknown, ClaimStatus.Asserted,
            [new Citation(Beta, "a")]);

        var refused = await RefusedAsync(new ChangeSet { Relationships = [rival] });

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("rel/kib-rival-of-isis-k", problem.RecordId);
        Assert.Equal("citation 1 (source/beta), \"a\": the quote is too short to prove anything: it has 1 word and 1 character; " +
                     "a quote needs at least 4 words and 20 characters", problem.Message);
        // The same fact with a passage that states it is written.
        await Store.ApplyAsync(new ChangeSet { Relationships = [rival with { Citations = [CiteBeta("ISIS-K is a bitter rival of the Taliban.")] }] }, Editor());
    }

    [StoreFact]
    public async Task Names_are_stored_in_NFC()
    {
        // UnicodeData.txt: 012B LATIN SMALL LETTER I WITH MACRON = 0069 0304; 00E9 LATIN SMALL LETTER E WITH ACUTE = 0065 0301.
        await Store.ApplyAsync(new ChangeSet { Entities = [NewOrg("org/sharif", "Shari\u0304f Brigade", "Brigade de\u0301fense")] }, Editor());

        var stored = (await Store.GetEntitiesAsync(["org/sharif"]))["org/sharif"];
        Assert.Equal("Shar\u012Bf Brigade", stored.Name);
        Assert.Equal(["Brigade d\u00E9fense"], stored.Aliases);
        Assert.Equal("org/sharif", (await Store.FindByNameAsync("Shari\u0304f Brigade"))[0].Entity.Id);
    }

    [StoreFact]
    public async Task A_zero_width_space_or_bidi_override_in_a_name_is_refused_naming_the_character_and_the_field()
    {
        var refused = await RefusedAsync(new ChangeSet { Entities = [NewOrg("org/spoof", "T\u200BT\u200BT", "Front \u202Eesir")] });

        Assert.Equal(
        [
            "the name contains U+200B, a zero-width character, at character 2 of \"T<U+200B>T<U+200B>T\"; names may not hold invisible, bidirectional-control or format characters",
            "the alias contains U+202E, a bidirectional control character, at character 7 of \"Front <U+202E>esir\"; names may not hold invisible, bidirectional-control or format characters",
            "the name 'T\u200BT\u200BT' is the same name as 'TTT' of org/ttt, compared ignoring case, diacritics and look-alike letters (Unicode TS #39 confusable skeletons); organizations may not share a name",
        ], refused.Problems.Select(p => p.Message));
    }

    [StoreFact]
    public async Task A_cyrillic_look_alike_of_a_stored_name_is_refused()
    {
        // confusables.txt: 0422 ; 0054 ; MA # CYRILLIC CAPITAL LETTER TE → LATIN CAPITAL LETTER T.
        var refused = await RefusedAsync(new ChangeSet { Entities = [NewOrg("org/spoof", "Spoof Front", "\u0422\u0422\u0422")] });

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("the name '\u0422\u0422\u0422' is the same name as 'TTT' of org/ttt, compared ignoring case, diacritics and look-alike letters " +
                     "(Unicode TS #39 confusable skeletons); organizations may not share a name", problem.Message);
    }

    [StoreFact]
    public async Task A_latin_name_that_looks_like_a_stored_cyrillic_or_greek_name_is_refused()
    {
        // confusables.txt: 0408 → 004A (CYRILLIC JE → J), 0410 → 0041 (A), 041C → 004D (M); 039C → 004D (GREEK MU → M).
        await Store.ApplyAsync(new ChangeSet { Entities = [NewOrg("org/cyrillic", "\u0408\u0410\u041C")] }, Editor());

        var latin = await RefusedAsync(new ChangeSet { Entities = [NewOrg("org/latin", "jam")] });
        Assert.Contains("'\u0408\u0410\u041C' of org/cyrillic", Assert.Single(latin.Problems).Message);
        // A word mixing Latin and Greek is refused for that too (one script per word), and still named as the clash it is.
        var greek = await RefusedAsync(new ChangeSet { Entities = [NewOrg("org/greek", "JA\u039C")] });
        Assert.Equal(2, greek.Problems.Count);
        Assert.Contains(greek.Problems, p => p.Message.Contains("'\u0408\u0410\u041C' of org/cyrillic", StringComparison.Ordinal));
        Assert.Contains(greek.Problems, p => p.Message.StartsWith("the name mixes Latin and Greek letters in the word", StringComparison.Ordinal));
        // Another kind may share the name, and a name that only shares letters is no clash.
        await Store.ApplyAsync(new ChangeSet { Entities = [new Entity("place/jam", EntityKind.Place, "Jam", [], [CiteBeta("The Taliban movement dominates Afghanistan.")]),
            NewOrg("org/jamal", "Jamal")] }, Editor());
    }

    [StoreFact]
    public async Task A_source_url_other_than_http_or_https_is_refused()
    {
        var refused = await RefusedAsync(new ChangeSet { Sources = [BetaSource with { Url = "javascript:alert(document.cookie)" }] });

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(Beta, problem.RecordId);
        Assert.Equal("the source url \"javascript:alert(document.cookie)\" has the scheme 'javascript:'; only http and https URLs are allowed", problem.Message);
        await Store.ApplyAsync(new ChangeSet { Sources = [BetaSource with { Url = "http://example.org/beta" }] }, Editor());
    }

    [StoreFact]
    public async Task A_bidi_control_in_an_estimator_or_a_source_title_is_refused()
    {
        var estimate = StrengthEstimates[0] with { EstimatedBy = "U.N.\u2066 Panel" };
        var refused = await RefusedAsync(new ChangeSet { StrengthEstimates = [estimate], Sources = [BetaSource with { Title = "Beta\u200F notes" }] });

        Assert.Equal(
        [
            "the source's title contains U+200F, a bidirectional control character, at character 5 of \"Beta<U+200F> notes\"; names may not hold invisible, bidirectional-control or format characters",
            "estimatedBy contains U+2066, a bidirectional control character, at character 5 of \"U.N.<U+2066> Panel\"; names may not hold invisible, bidirectional-control or format characters",
        ], refused.Problems.Select(p => p.Message));
    }
}
