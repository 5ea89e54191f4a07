namespace GraphIntel.Graph.Dataset.Tests;

/// <summary>
/// <c>seed validate</c> applies the evidence and name rules the API applies, each problem at its file:line:column:
/// quotes too short to prove anything, names with invisible or bidi-control characters, look-alike names of one
/// kind (Unicode TS #39 confusables), source urls that are not http(s). Expected values come from the mini data
/// set's document text (<see cref="TempDataset.DocumentText"/>) and from confusables.txt.
/// </summary>
public sealed class DatasetEvidenceAndNameTests : IDisposable
{
    private const string Facts = "seed/data/facts/zz-test.yaml";
    private const string Entities = "seed/data/entities/zz-test.yaml";
    private const string Rule = "a quote needs at least 4 words and 20 characters";
    private readonly TempDataset _dataset = new();

    public void Dispose() => _dataset.Dispose();

    private static string Rival(string quote) => $"""
        relationships:
          - type: RIVAL_OF
            from: org/taliban
            to: org/isis-k
            citations:
              - source: source/doc
                quote: "{quote}"
        """;

    [Fact]
    public void A_one_character_quote_that_occurs_in_the_source_is_refused_as_too_short()
    {
        Assert.Contains("a", TempDataset.DocumentText, StringComparison.Ordinal); // it does occur verbatim: only the length rule refuses it
        var problems = _dataset.Write(Facts, Rival("a")).Problems();
        Assert.Equal([$"{Facts}:7:16: relationship RIVAL_OF from org/taliban: \"a\": the quote is too short to prove anything: it has 1 word and 1 character; {Rule}"], problems);
    }

    [Fact]
    public void Each_length_rule_is_named_when_it_alone_fails()
    {
        // Every passage occurs in the document: "The Islamic State Khorasan Province…", "…rivals of ISIS-K.", "…; the Taliban call it Daesh."
        Assert.Equal([$"{Facts}:7:16: relationship RIVAL_OF from org/taliban: \"Islamic State Khorasan\": the quote is too short to prove anything: it has 3 words; {Rule}"],
            _dataset.Write(Facts, Rival("Islamic State Khorasan")).Problems());
        Assert.Equal([$"{Facts}:7:16: relationship RIVAL_OF from org/taliban: \"rivals of ISIS-K.\": the quote is too short to prove anything: it has 3 words and 17 characters; {Rule}"],
            _dataset.Write(Facts, Rival("rivals of ISIS-K.")).Problems());
        Assert.Equal([$"{Facts}:7:16: relationship RIVAL_OF from org/taliban: \"the Taliban call it\": the quote is too short to prove anything: it has 19 characters; {Rule}"],
            _dataset.Write(Facts, Rival("the Taliban call it")).Problems());
        Assert.Empty(_dataset.Write(Facts, Rival("the Taliban call it Daesh.")).Problems());
    }

    [Fact]
    public void A_name_with_a_zero_width_space_or_a_right_to_left_override_is_refused_naming_the_character()
    {
        var problems = _dataset.Write(Entities, """
            organizations:
              - id: org/spoof
                name: "Dae\u202Esh Front"
                organizationKind: ARMED_GROUP
                aliases: ["IS\u200B-K"]
                citations:
                  - source: source/doc
                    quote: "the Taliban call it Daesh."
            """).Problems();
        Assert.Equal(
        [
            $"{Entities}:3:11: organization org/spoof: the name contains U+202E, a bidirectional control character, at character 4 of \"Dae<U+202E>sh Front\"; names may not hold invisible, bidirectional-control or format characters",
            $"{Entities}:5:15: organization org/spoof: the alias contains U+200B, a zero-width character, at character 3 of \"IS<U+200B>-K\"; names may not hold invisible, bidirectional-control or format characters",
            $"{Entities}:5:15: organization org/spoof: alias 'IS\u200B-K' does not occur in any source text",
            $"{Entities}:5:15: organization org/spoof: 'IS\u200B-K' is the same name as 'IS-K' of organization org/isis-k (seed/data/facts/base.yaml:29:13) (they look alike: their Unicode TS #39 confusable skeletons are equal); within one kind a name or alias denotes one entity",
            $"seed/data/facts/base.yaml:29:13: aliases of org/isis-k: 'IS-K' is the same name as 'IS\u200B-K' of organization org/spoof ({Entities}:5:15) (they look alike: their Unicode TS #39 confusable skeletons are equal); within one kind a name or alias denotes one entity",
        ], problems);
    }

    [Fact]
    public void A_cyrillic_look_alike_of_a_latin_name_clashes_with_it()
    {
        // confusables.txt: 0406 ; 006C (CYRILLIC CAPITAL BYELORUSSIAN-UKRAINIAN I → l, as is LATIN CAPITAL I),
        // 0405 ; 0053 (CYRILLIC CAPITAL DZE → S), 041A ; 004B (CYRILLIC CAPITAL KA → K).
        const string cyrillic = "\u0406\u0405\u0406\u0405-\u041A";
        var problems = _dataset.Write(Entities, $"""
            organizations:
              - id: org/look-alike
                name: "{cyrillic}"
                organizationKind: ARMED_GROUP
                citations:
                  - source: source/doc
                    quote: "the Taliban call it Daesh."
            """).Problems();
        Assert.Equal(
        [
            $"seed/data/entities/base.yaml:5:15: organization org/isis-k: 'ISIS-K' is the same name as '{cyrillic}' of organization org/look-alike ({Entities}:3:11) (they look alike: their Unicode TS #39 confusable skeletons are equal); within one kind a name or alias denotes one entity",
            $"{Entities}:3:11: organization org/look-alike: '{cyrillic}' is the same name as 'ISIS-K' of organization org/isis-k (seed/data/entities/base.yaml:5:15) (they look alike: their Unicode TS #39 confusable skeletons are equal); within one kind a name or alias denotes one entity",
        ], problems);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "has the scheme 'javascript:'; only http and https URLs are allowed")]
    [InlineData("data:text/html,hi", "has the scheme 'data:'; only http and https URLs are allowed")]
    [InlineData("ftp://example.org/doc", "has the scheme 'ftp:'; only http and https URLs are allowed")]
    [InlineData("example.org/doc", "is not an absolute URL; it must be an absolute http or https URL")]
    public void A_source_url_that_is_not_http_or_https_is_refused(string url, string why)
    {
        var problems = _dataset.Write("seed/sources/sources.yaml", TempDataset.SourcesYaml + "\n" + $"""
              url: "{url}"
            """).Problems();
        Assert.Equal([$"seed/sources/sources.yaml:5:8: source source/doc: the source url \"{url}\" {why}"], problems);
    }

    [Fact]
    public void An_https_source_url_is_accepted()
    {
        Assert.Empty(_dataset.Write("seed/sources/sources.yaml", TempDataset.SourcesYaml + "\n" + """
              url: "https://doi.org/10.37458/ssj.5.1.9"
            """).Problems());
    }
}
