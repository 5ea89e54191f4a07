using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Dataset.Tests;

/// <summary>
/// <c>seed validate</c> reports facts that contradict a lifecycle at the fact, naming where the end is stated; facts
/// that merely outlast it are bounded in the change set the reader builds. Each test adds to the valid mini data set.
/// </summary>
public sealed class LifecycleCheckTests : IDisposable
{
    private const string Facts = "seed/data/facts/zz-test.yaml";
    private const string Entities = "seed/data/entities/zz-test.yaml";
    private readonly TempDataset _dataset = new();

    public void Dispose() => _dataset.Dispose();

    private const string Citation = """
            citations:
              - source: source/doc
                quote: "Its emir Hafiz Saeed Khan was killed in 2016."
        """;

    private TempDataset WithEntities() => _dataset.Write(Entities, $"""
        organizations:
          - id: org/old
            name: Old Front
            organizationKind: ARMED_GROUP
            dissolved: "2016"
        {Citation}
          - id: org/small
            name: Small Group
            organizationKind: ARMED_GROUP
        {Citation}
        people:
          - id: person/aslam
            name: Aslam
        {Citation}
        """);

    [Fact]
    public void A_membership_after_a_dissolution_is_reported_at_the_fact_with_where_the_dissolution_is_stated()
    {
        var problems = WithEntities().Write(Facts, $"""
            relationships:
              - type: MEMBER_OF
                from: person/aslam
                to: org/old
                validFrom: "2017"
            {Citation}
            """).Problems();
        Assert.Equal(
        [
            $"{Facts}:2:5: relationship MEMBER_OF from person/aslam: contradicts a lifecycle: it starts 2017, after org/old was dissolved (org/old), no later than 2016 (stated at {Entities}:2:5)",
        ], problems);
    }

    [Fact]
    public void A_membership_after_a_merger_is_reported_with_where_the_merger_is_stated()
    {
        var problems = WithEntities().Write(Facts, $"""
            relationships:
              - type: MERGED_INTO
                from: org/small
                to: org/isis-k
                validFrom: "2019"
            {Citation}
              - id: rel/aslam-in-small
                type: MEMBER_OF
                from: person/aslam
                to: org/small
                validFrom: "2020-02"
            {Citation}
            """).Problems();
        var merger = FactIdentity.Relationship(Ontology.RelationshipType.MergedInto, "org/small", "org/isis-k", Validity.Parse("2019/.."));
        Assert.Equal(
        [
            $"{Facts}:9:5: relationship MEMBER_OF from person/aslam: contradicts a lifecycle: it starts 2020-02, after org/small was merged ({merger}), no later than 2019 (stated at {Facts}:2:5)",
        ], problems);
    }

    [Fact]
    public void A_term_attested_after_its_successors_began_is_reported_with_where_the_successors_term_is_stated()
    {
        var problems = WithEntities().Write(Facts, $"""
            relationships:
              - type: LEADS
                from: person/aslam
                to: org/isis-k
                validFrom: "2014"
                role: leader
                attested:
                  - date: "2017"
                    source: source/doc
            {Citation}
            """).Problems();
        // The successor is the base data set's emir Hafiz Saeed Khan, 2015/2016 (seed/data/facts/base.yaml:2).
        var successor = FactIdentity.Relationship(Ontology.RelationshipType.Leads, "person/hafiz-saeed-khan", "org/isis-k", Validity.Parse("2015/2016"));
        Assert.Equal(
        [
            $"{Facts}:2:5: relationship LEADS from person/aslam: contradicts a lifecycle: it is attested 2017, after its successor's term ({successor}) began, no later than 2015 (stated at seed/data/facts/base.yaml:2:5)",
        ], problems);
    }

    [Fact]
    public void Facts_that_outlast_an_end_are_bounded_in_the_change_set_not_reported()
    {
        var result = WithEntities().Write(Facts, $"""
            relationships:
              - id: rel/aslam-in-old
                type: MEMBER_OF
                from: person/aslam
                to: org/old
                validFrom: "2010"
            {Citation}
              - id: rel/aslam-leads
                type: LEADS
                from: person/aslam
                to: org/isis-k
                validFrom: "2014"
                role: amir
            {Citation}
            """).Read();
        Assert.Empty(result.Problems);
        var byId = result.ChangeSet.Relationships.ToDictionary(r => r.Id);
        Assert.Equal(new LifecycleEnd(PartialDate.Parse("2016"), "org/old", "dissolved"), byId["rel/aslam-in-old"].EndedBy);
        Assert.Equal("2014/[..2015]", byId["rel/aslam-leads"].EffectiveValidity.ToString()); // the emir who began in 2015 succeeded him
    }
}
