using System.Text.Json;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>
/// Issue #11, "evidence that is no evidence" and "names that spoof", on the real host over a real SQLite file seeded
/// with the curated data set: each refused write answers INVALID_INPUT naming the rule (and the character, as
/// U+XXXX, and the field) and writes nothing. Expected characters come from confusables.txt and UnicodeData.txt;
/// quotes from the curated source text.
/// </summary>
public sealed class EvidenceAndNameTests : IClassFixture<ApiHost>
{
    private readonly ApiHost _api;
    public EvidenceAndNameTests(ApiHost api) => _api = api;

    private const string Source = "source/shay-2024-afghanistan-terror-threat";
    private const string Quote = "Khatiba Imam al-Bukhari (KIB) was established in 2011 in the Afghanistan/Pakistan border area";

    private const string UpsertOrganization = """
        mutation($input: EntityInput!) { upsertOrganization(input: $input, reason: "test") { id name aliases } }
        """;

    private static object Organization(string id, string name, params string[] aliases) => new
    {
        input = new
        {
            id,
            name,
            aliases,
            organizationKind = "ARMED_GROUP",
            citations = new[] { new { sourceId = Source, quote = Quote } },
        },
    };

    private async Task<string> SnapshotAsync() =>
        (await _api.QueryAsync("{ statistics { organizations relationships sources citations } }")).Ok().GetRawText();

    /// <summary>Asserts a refused write: INVALID_INPUT, nothing written; returns the problems listed.</summary>
    private async Task<string[]> RefusedAsync(string mutation, object variables)
    {
        var before = await SnapshotAsync();
        var response = await _api.QueryAsync(mutation, variables, ApiHost.EditorKey);
        Assert.Equal("INVALID_INPUT", response.ErrorCode());
        Assert.Equal(before, await SnapshotAsync());
        return response.Errors[0].GetProperty("extensions").GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToArray();
    }

    [Fact]
    public async Task A_one_character_quote_citing_a_RIVAL_OF_fact_is_refused_saying_which_rule_failed()
    {
        var text = (await _api.QueryAsync("query($id: ID!) { source(id: $id) { text } }", new { id = Source })).Ok()
            .GetProperty("source").GetProperty("text").GetString()!;
        Assert.Contains("a", text, StringComparison.Ordinal); // it occurs: only the length rule can refuse it

        var problems = await RefusedAsync("""
            mutation($input: RelationshipInput!) { assertRelationship(input: $input) { id } }
            """, new { input = new { type = "RIVAL_OF", fromId = "org/kib", toId = "org/isis-k", citations = new[] { new { sourceId = Source, quote = "a" } } } });

        var problem = Assert.Single(problems);
        Assert.EndsWith("citation 1 (source/shay-2024-afghanistan-terror-threat), \"a\": the quote is too short to prove anything: " +
                        "it has 1 word and 1 character; a quote needs at least 4 words and 20 characters", problem);
    }

    [Fact]
    public async Task A_name_with_zero_width_spaces_is_refused_naming_the_character_and_the_field()
    {
        var problems = await RefusedAsync(UpsertOrganization, Organization("org/test-zero-width", "K\u200BI\u200BB Front"));

        Assert.Contains("org/test-zero-width: the name contains U+200B, a zero-width character, at character 2 of \"K<U+200B>I<U+200B>B Front\"; " +
                        "names may not hold invisible, bidirectional-control or format characters", problems);
    }

    [Fact]
    public async Task An_alias_with_a_right_to_left_override_is_refused()
    {
        var problems = await RefusedAsync(UpsertOrganization, Organization("org/test-rlo", "Test Front", "Front \u202EBIK"));

        Assert.Contains("org/test-rlo: the alias contains U+202E, a bidirectional control character, at character 7 of \"Front <U+202E>BIK\"; " +
                        "names may not hold invisible, bidirectional-control or format characters", problems);
    }

    [Fact]
    public async Task A_cyrillic_look_alike_of_KIB_clashes_with_KIB()
    {
        // confusables.txt: 041A ; 004B (CYRILLIC KA → K), 0406 ; 006C (BYELORUSSIAN-UKRAINIAN I → l, as is LATIN I), 0412 ; 0042 (VE → B).
        const string cyrillic = "\u041A\u0406\u0412";

        var problems = await RefusedAsync(UpsertOrganization, Organization("org/test-cyrillic", "Test Front", cyrillic));

        var problem = Assert.Single(problems);
        Assert.StartsWith($"org/test-cyrillic: the name '{cyrillic}' is the same name as 'KIB' of org/kib", problem);
        Assert.EndsWith("organizations may not share a name", problem);
    }

    [Fact]
    public async Task A_mixed_script_look_alike_alias_is_refused_even_on_the_entity_it_imitates()
    {
        // Scripts.txt: 0406 is Cyrillic, 004B and 0042 Latin. The alias is KIB's own look-alike, so no clash with another
        // entity catches it; the word mixing two scripts does.
        const string mixed = "K\u0406B";
        var before = (await _api.QueryAsync("{ organization(id: \"org/kib\") { aliases } }")).Ok().GetRawText();

        var problems = await RefusedAsync("""
            mutation { upsertOrganization(input: { id: "org/kib", addAliases: ["K\u0406B"] }, reason: "test") { aliases } }
            """, new { });

        Assert.Equal($"org/kib: the alias mixes Latin and Cyrillic letters in the word \"{mixed}\": U+0406 at character 2 of \"{mixed}\"; " +
                     "each word of a name is written in one script, so that a look-alike can't pass for another name", Assert.Single(problems));
        Assert.Equal(before, (await _api.QueryAsync("{ organization(id: \"org/kib\") { aliases } }")).Ok().GetRawText());
    }

    [Fact]
    public async Task A_name_is_stored_in_NFC()
    {
        // UnicodeData.txt: 012B LATIN SMALL LETTER I WITH MACRON = 0069 0304.
        var created = (await _api.QueryAsync(UpsertOrganization, Organization("org/test-nfc", "Shari\u0304f Test Brigade"), ApiHost.EditorKey))
            .Ok().GetProperty("upsertOrganization");

        Assert.Equal("Shar\u012Bf Test Brigade", created.GetProperty("name").GetString());
        var found = (await _api.QueryAsync("query($n: String!) { entity(name: $n) { id name } }", new { n = "Shar\u012Bf Test Brigade" })).Ok();
        Assert.Equal("org/test-nfc", found.GetProperty("entity").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)", "has the scheme 'javascript:'")]
    [InlineData("data:text/html,<script>alert(1)</script>", "has the scheme 'data:'")]
    [InlineData("file:///etc/passwd", "has the scheme 'file:'")]
    public async Task A_source_url_other_than_http_or_https_is_refused(string url, string why)
    {
        var problems = await RefusedAsync("""
            mutation($input: SourceInput!) { upsertSource(input: $input, reason: "test") { id url } }
            """, new { input = new { id = "source/test-url", title = "Test source", url, text = "A test document that says nothing at all." } });

        Assert.Equal([$"source/test-url: the source url \"{url}\" {why}; only http and https URLs are allowed"], problems);
    }
}
