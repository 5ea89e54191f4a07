namespace GraphIntel.Graph.Dataset.Tests;

/// <summary>
/// Each kind of problem the reader finds, with its exact message and position. Every test starts from the valid
/// mini data set and introduces one mistake, so the problems asserted are all the reader reports.
/// </summary>
public sealed class DatasetProblemTests : IDisposable
{
    private const string Facts = "seed/data/facts/zz-test.yaml";
    private const string Entities = "seed/data/entities/zz-test.yaml";
    private readonly TempDataset _dataset = new();

    public void Dispose() => _dataset.Dispose();

    private IReadOnlyList<string> ProblemsWithFacts(string yaml) => _dataset.Write(Facts, yaml).Problems();

    private IReadOnlyList<string> ProblemsWithEntities(string yaml) => _dataset.Write(Entities, yaml).Problems();

    private const string Citation = """
            citations:
              - source: source/doc
                quote: "The Taliban are rivals of ISIS-K."
        """;

    [Fact]
    public void A_yaml_syntax_error_is_reported_at_its_position_and_other_files_are_still_checked()
    {
        _dataset.Write(Entities, """
            organizations:
              - id: org/broken
                name: [Broken
            """);
        var problems = ProblemsWithFacts($"""
            relationships:
              - type: RIVAL_OF
                from: org/taliban
                to: org/isis-kk
            {Citation}
            """);
        Assert.Equal(
        [
            $"{Entities}:4:1: YAML syntax error: While parsing a flow sequence, did not find expected ',' or ']'.",
            $"{Facts}:4:9: relationship RIVAL_OF from org/taliban: to: unknown id 'org/isis-kk'; did you mean 'org/isis-k'?",
        ], problems);
    }

    [Fact]
    public void A_misspelt_key_is_unknown_with_a_suggestion_and_the_field_it_meant_is_missing()
    {
        var problems = ProblemsWithFacts($"""
            relationships:
              - tpye: RIVAL_OF
                from: org/taliban
                to: org/isis-k
            {Citation}
            """);
        Assert.Equal(
        [
            $"{Facts}:2:5: relationship (no type) from org/taliban: unknown key 'tpye'; did you mean 'type'? (allowed: id, type, from, to, validFrom, validTo, attested, status, note, role, endReason, citations)",
            $"{Facts}:2:5: relationship (no type) from org/taliban: missing required field 'type'",
        ], problems);
    }

    [Fact]
    public void A_misspelt_section_is_unknown_with_a_suggestion_and_entities_in_a_facts_file_are_misplaced()
    {
        var problems = ProblemsWithFacts("""
            relationship: []
            people: []
            """);
        Assert.Equal(
        [
            $"{Facts}:1:1: unknown section 'relationship'; did you mean 'relationships'? (allowed: relationships, strengthEstimates, aliases)",
            $"{Facts}:2:1: 'people' are entities: they belong in seed/data/entities/",
        ], problems);
    }

    [Fact]
    public void A_missing_required_field_is_reported_at_the_record()
    {
        var problems = ProblemsWithEntities("""
            people:
              - id: person/nameless
                citations:
                  - source: source/doc
                    quote: "The Taliban are rivals of ISIS-K."
            """);
        Assert.Equal([$"{Entities}:2:5: person person/nameless: missing required field 'name'"], problems);
    }

    [Fact]
    public void An_unknown_enum_value_lists_the_allowed_ones()
    {
        var problems = ProblemsWithEntities("""
            organizations:
              - id: org/band
                name: Taliban fighters
                organizationKind: ARMED
                citations:
                  - source: source/doc
                    quote: "The Taliban are rivals of ISIS-K."
            """);
        Assert.Equal(
            [$"{Entities}:4:23: organization org/band: organizationKind: 'ARMED' is not an OrganizationKind (expected one of ARMED_GROUP, STATE, GOVERNMENT_AGENCY, INTERGOVERNMENTAL, POLITICAL_MOVEMENT, OTHER)"],
            problems);
    }

    [Fact]
    public void An_unknown_id_suggests_the_closest_known_id()
    {
        var problems = ProblemsWithFacts($"""
            relationships:
              - type: RIVAL_OF
                from: org/talibn
                to: org/isis-k
            {Citation}
            """);
        Assert.Equal([$"{Facts}:3:11: relationship RIVAL_OF from org/talibn: from: unknown id 'org/talibn'; did you mean 'org/taliban'?"], problems);
    }

    [Fact]
    public void A_relationship_between_kinds_its_type_cannot_connect_is_refused()
    {
        var problems = ProblemsWithFacts($"""
            relationships:
              - type: LEADS
                from: org/taliban
                to: org/isis-k
            {Citation}
            """);
        Assert.Equal(
            [$"{Facts}:2:5: relationship LEADS from org/taliban: LEADS connects person to organization, not organization to organization"],
            problems);
    }

    [Fact]
    public void A_malformed_date_says_what_is_wrong_with_it()
    {
        var problems = ProblemsWithFacts($"""
            relationships:
              - type: RIVAL_OF
                from: org/taliban
                to: org/isis-k
                validFrom: "2015-13"
            {Citation}
            """);
        // Since #12 an end is an EDTF bound, and the message also says which forms are accepted.
        Assert.Equal([$"{Facts}:5:16: relationship RIVAL_OF from org/taliban: validFrom: '2015-13': month 13 is not 01..12; " +
                      "expected a date (2017, 2017-05, 2017-05-03), a range ([..2024] on or before, [2015..] on or after, [2016..2018] between) or '..' for unknown"], problems);
    }

    [Fact]
    public void An_interval_that_ends_before_it_starts_is_refused()
    {
        var problems = ProblemsWithFacts($"""
            relationships:
              - type: RIVAL_OF
                from: org/taliban
                to: org/isis-k
                validFrom: "2016-05"
                validTo: "2015"
            {Citation}
            """);
        Assert.Equal([$"{Facts}:6:14: relationship RIVAL_OF from org/taliban: validFrom..validTo: the interval ends (2015) before it starts (2016-05)"], problems);
    }

    [Fact]
    public void A_quote_not_in_its_source_shows_its_first_60_characters_and_the_source()
    {
        var problems = ProblemsWithFacts("""
            relationships:
              - type: RIVAL_OF
                from: org/taliban
                to: org/isis-k
                citations:
                  - source: source/doc
                    quote: "The Taliban are  the sworn and bitter rivals of ISIS-K in every province of the country."
            """);
        Assert.Equal(
            [$"{Facts}:7:16: relationship RIVAL_OF from org/taliban: quote not found verbatim in source/doc: \"The Taliban are the sworn and bitter rivals of ISIS-K in…\""],
            problems);
    }

    [Fact]
    public void A_quote_matches_across_line_breaks_and_runs_of_white_space_but_not_case()
    {
        var problems = ProblemsWithFacts("""
            relationships:
              - type: RIVAL_OF
                from: org/taliban
                to: org/isis-k
                citations:
                  - source: source/doc
                    quote: "killed in 2016.   ISIS-K operates"
                  - source: source/doc
                    quote: "the taliban are rivals of ISIS-K."
            """);
        Assert.Equal([$"{Facts}:9:16: relationship RIVAL_OF from org/taliban: quote not found verbatim in source/doc: \"the taliban are rivals of ISIS-K.\""], problems);
    }

    [Fact]
    public void An_alias_that_no_source_uses_is_refused()
    {
        var problems = ProblemsWithFacts("""
            aliases:
              - entity: org/isis-k
                names: [Daesh, ISKP]
                citations:
                  - source: source/doc
                    quote: "the Taliban call it Daesh."
            """);
        Assert.Equal([$"{Facts}:3:20: aliases of org/isis-k: alias 'ISKP' does not occur in any source text"], problems);
    }

    [Fact]
    public void An_alias_occurs_in_a_source_ignoring_case_and_an_entity_alias_nowhere_is_reported_at_the_entity()
    {
        var problems = ProblemsWithEntities("""
            organizations:
              - id: org/daesh
                name: Daesh
                organizationKind: ARMED_GROUP
                aliases: [DAESH, Dawlat]
                citations:
                  - source: source/doc
                    quote: "the Taliban call it Daesh."
            """);
        Assert.Equal([$"{Entities}:5:22: organization org/daesh: alias 'Dawlat' does not occur in any source text"], problems);
    }

    [Fact]
    public void A_missing_sources_file_is_reported_and_every_citation_then_names_an_unknown_source_but_aliases_are_not_judged()
    {
        var problems = _dataset.Delete("seed/sources/sources.yaml").Problems();
        Assert.Equal("seed/sources/sources.yaml:1:1: file not found", problems[0]);
        Assert.Equal(1 + 8, problems.Count); // the missing file, then each of the 8 citations
        Assert.All(problems.Skip(1), p => Assert.Contains("citation of unknown source 'source/doc'", p));
    }

    [Fact]
    public void A_duplicate_id_is_reported_at_both_places()
    {
        var problems = ProblemsWithEntities("""
            places:
              - id: place/nangarhar
                name: Nangarhar province
                citations:
                  - source: source/doc
                    quote: "ISIS-K operates in Nangarhar."
            """);
        Assert.Equal(
        [
            "seed/data/entities/base.yaml:24:9: place place/nangarhar: duplicate id 'place/nangarhar': also used by place place/nangarhar at seed/data/entities/zz-test.yaml:2:9",
            $"{Entities}:2:9: place place/nangarhar: duplicate id 'place/nangarhar': also used by place place/nangarhar at seed/data/entities/base.yaml:24:9",
        ], problems);
    }

    [Fact]
    public void One_alias_claimed_by_two_entities_of_one_kind_is_reported_at_both_places()
    {
        var problems = ProblemsWithEntities("""
            organizations:
              - id: org/daesh
                name: Daesh
                organizationKind: ARMED_GROUP
                aliases: [IS-K]
                citations:
                  - source: source/doc
                    quote: "the Taliban call it Daesh."
            """);
        Assert.Equal(
        [
            $"{Entities}:5:15: organization org/daesh: 'IS-K' is the same name as 'IS-K' of organization org/isis-k (seed/data/facts/base.yaml:29:13); within one kind a name or alias denotes one entity",
            "seed/data/facts/base.yaml:29:13: aliases of org/isis-k: 'IS-K' is the same name as 'IS-K' of organization org/daesh (seed/data/entities/zz-test.yaml:5:15); within one kind a name or alias denotes one entity",
        ], problems);
    }

    [Fact]
    public void Entities_of_different_kinds_may_share_a_name()
    {
        var problems = ProblemsWithEntities("""
            places:
              - id: place/taliban-country
                name: Taliban
                citations:
                  - source: source/doc
                    quote: "The Taliban are rivals of ISIS-K."
            """);
        Assert.Empty(problems);
    }

    [Fact]
    public void An_entity_or_fact_without_citations_is_refused()
    {
        _dataset.Write(Entities, """
            places:
              - id: place/kunar
                name: Kunar
            """);
        var problems = ProblemsWithFacts("""
            relationships:
              - type: OPERATES_IN
                from: org/isis-k
                to: place/nangarhar
                citations: []
            """);
        Assert.Equal(
        [
            $"{Entities}:2:5: place place/kunar: no citations; every entity needs at least one (source and verbatim quote)",
            $"{Facts}:5:16: relationship OPERATES_IN from org/isis-k: no citations; every fact needs at least one (source and verbatim quote)",
        ], problems);
    }

    [Fact]
    public void A_citation_of_an_unknown_source_suggests_the_closest_source()
    {
        var problems = ProblemsWithFacts("""
            relationships:
              - type: RIVAL_OF
                from: org/taliban
                to: org/isis-k
                citations:
                  - source: source/dok
                    quote: "The Taliban are rivals of ISIS-K."
            """);
        Assert.Equal([$"{Facts}:6:17: relationship RIVAL_OF from org/taliban: citation of unknown source 'source/dok'; did you mean 'source/doc'?"], problems);
    }

    [Fact]
    public void A_source_whose_file_is_missing_is_reported()
    {
        var problems = _dataset.Write("seed/sources/sources.yaml", TempDataset.SourcesYaml + """

            - id: source/lost
              file: 099_lost.txt
              title: A lost document
            """).Problems();
        Assert.Equal(["seed/sources/sources.yaml:6:9: source source/lost: source file '099_lost.txt' not found in seed/sources/"], problems);
    }

    [Fact]
    public void A_minimum_above_the_maximum_is_refused()
    {
        var problems = ProblemsWithFacts($"""
            strengthEstimates:
              - organization: org/taliban
                min: 3000
                max: 2000
            {Citation}
            """);
        Assert.Equal([$"{Facts}:3:10: strength estimate of org/taliban: min (3000) is greater than max (2000)"], problems);
    }

    [Fact]
    public void A_figure_that_is_not_a_whole_number_is_refused()
    {
        var problems = ProblemsWithFacts($"""
            strengthEstimates:
              - organization: org/taliban
                max: 6,000
            {Citation}
            """);
        Assert.Equal([$"{Facts}:3:10: strength estimate of org/taliban: max: '6,000' is not a whole number of 0 or more (write 6000, not 6,000 or ~6000)"], problems);
    }

    [Fact]
    public void Leads_only_fields_on_another_type_are_refused()
    {
        var problems = ProblemsWithFacts($"""
            relationships:
              - type: RIVAL_OF
                from: org/taliban
                to: org/isis-k
                role: emir
                endReason: killed
            {Citation}
            """);
        Assert.Equal(
        [
            $"{Facts}:5:11: relationship RIVAL_OF from org/taliban: 'role' applies to LEADS relationships only, not RIVAL_OF",
            $"{Facts}:6:16: relationship RIVAL_OF from org/taliban: 'endReason' applies to LEADS relationships only, not RIVAL_OF",
        ], problems);
    }

    [Fact]
    public void Two_facts_deriving_the_same_id_are_reported_at_both_places()
    {
        var problems = ProblemsWithFacts($"""
            relationships:
              - type: RIVAL_OF
                from: org/taliban
                to: org/isis-k
                validFrom: "2015"
                status: DISPUTED
            {Citation}
            """);
        const string advice = "; if both state the same fact, make them one fact with both citations, else give one of them an explicit id";
        Assert.Equal(
        [
            $"seed/data/facts/base.yaml:12:5: relationship RIVAL_OF from org/taliban: derives the id 'rel/RIVAL_OF/org/taliban/org/isis-k/2015-', as does relationship RIVAL_OF from org/taliban at {Facts}:2:5{advice}",
            $"{Facts}:2:5: relationship RIVAL_OF from org/taliban: derives the id 'rel/RIVAL_OF/org/taliban/org/isis-k/2015-', as does relationship RIVAL_OF from org/taliban at seed/data/facts/base.yaml:12:5{advice}",
        ], problems);
    }

    [Fact]
    public void An_explicit_id_separates_two_facts_that_would_derive_the_same_id()
    {
        var problems = ProblemsWithFacts($"""
            relationships:
              - id: rel/taliban-rival-of-isis-k-disputed
                type: RIVAL_OF
                from: org/taliban
                to: org/isis-k
                status: DISPUTED
            {Citation}
            """);
        Assert.Empty(problems);
    }

    [Fact]
    public void A_duplicate_key_in_one_mapping_is_reported_and_the_first_value_kept()
    {
        var problems = ProblemsWithFacts($"""
            relationships:
              - type: RIVAL_OF
                from: org/taliban
                to: org/isis-k
                to: org/taliban
            {Citation}
            """);
        Assert.Equal([$"{Facts}:5:5: duplicate key 'to' (first at line 4); this one is ignored"], problems);
    }

    [Fact]
    public void Organization_only_fields_on_a_person_are_refused()
    {
        var problems = ProblemsWithEntities("""
            people:
              - id: person/x
                name: Hafiz Saeed Khan
                founded: "2015"
                citations:
                  - source: source/doc
                    quote: "Its emir Hafiz Saeed Khan was killed in 2016."
            """);
        Assert.Contains($"{Entities}:4:5: person person/x: 'founded' applies to organizations only", problems);
    }

    [Fact]
    public void An_id_that_is_not_a_lowercase_slug_with_its_kind_prefix_is_refused()
    {
        var problems = ProblemsWithEntities("""
            places:
              - id: org/Kunar
                name: Kunar
                citations:
                  - source: source/doc
                    quote: "ISIS-K operates in Nangarhar."
            """);
        Assert.Equal([$"{Entities}:2:9: place org/Kunar: id 'org/Kunar' must start with 'place/'"], problems);
    }

    [Fact]
    public void Every_problem_of_a_run_is_reported_not_only_the_first()
    {
        var problems = ProblemsWithFacts($"""
            relationships:
              - type: LEADZ
                from: person/nobody
                to: org/isis-k
                validFrom: "15"
            {Citation}
            strengthEstimates:
              - organization: org/taliban
                min: 10
                max: 5
            {Citation}
            """);
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("'LEADZ' is not a RelationshipType; did you mean 'LEADS'?"));
        Assert.Contains(problems, p => p.Contains("unknown id 'person/nobody'"));
        Assert.Contains(problems, p => p.Contains("validFrom: '15' is not a date"));
        Assert.Contains(problems, p => p.Contains("min (10) is greater than max (5)"));
    }
}
