using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Tests.Model;

/// <summary>The merge rule on hand-built records; the expected survivor is written out by hand from the rule's text.</summary>
public sealed class EntityMergingTests
{
    private static readonly Citation A = new("source/a", "quote a");
    private static readonly Citation B = new("source/b", "quote b");

    [Fact]
    public void The_survivor_takes_the_names_citations_and_fields_it_lacks()
    {
        var survivor = new Entity("org/isis", EntityKind.Organization, "Islamic State", ["ISIS", "Daesh"], [A])
        {
            Founded = PartialDate.Parse("2006"),
        };
        var merged = new Entity("org/isil", EntityKind.Organization, "ISIL", ["Daesh", "Islamic State", "IS"], [B, A])
        {
            Description = "a duplicate",
            Founded = PartialDate.Parse("2004"),
            Dissolved = PartialDate.Parse("2019"),
        };

        var combined = EntityMerging.Combine(survivor, merged);

        Assert.Equal("org/isis", combined.Id);
        Assert.Equal("Islamic State", combined.Name);
        Assert.Equal(["ISIS", "Daesh", "ISIL", "IS"], combined.Aliases);
        Assert.Equal([A, B], combined.Citations);
        Assert.Equal("a duplicate", combined.Description);
        Assert.Equal(PartialDate.Parse("2006"), combined.Founded); // its own date wins
        Assert.Equal(PartialDate.Parse("2019"), combined.Dissolved);
    }

    [Theory]
    [InlineData("person/x", "org/old", "person/x", "org/new")]
    [InlineData("org/old", "org/y", "org/new", "org/y")]
    [InlineData("org/old", "org/old", "org/new", "org/new")]
    [InlineData("person/x", "org/y", "person/x", "org/y")]
    public void Each_end_at_the_merged_entity_moves_to_the_survivor(string from, string to, string expectedFrom, string expectedTo)
    {
        var relationship = new Relationship("rel/1", RelationshipType.Leads, from, to, Validity.Unknown, ClaimStatus.Retracted, []);

        var moved = EntityMerging.Repoint(relationship, "org/old", "org/new");

        Assert.Equal((expectedFrom, expectedTo), (moved.FromId, moved.ToId));
        Assert.Equal(relationship with { FromId = expectedFrom, ToId = expectedTo }, moved);
    }
}
