using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Tests.Model;

/// <summary>
/// The succession rule on hand-built terms; each expected order is read off the dates by hand: dated terms first, by the
/// latest day each can have begun, then by end (open last), then id.
/// </summary>
public sealed class SuccessionTests
{
    private static Relationship Term(string id, string validity) =>
        new(id, RelationshipType.Leads, "person/" + id, "org/x", Validity.Parse(validity), ClaimStatus.Asserted, []);

    private static string[] Ids(IEnumerable<Relationship> terms) => terms.Select(t => t.Id).ToArray();

    [Fact]
    public void Orders_by_latest_possible_start_then_end_then_id_with_undated_terms_last()
    {
        var terms = new[]
        {
            Term("undated", "../.."),
            Term("b2010", "2010/2014"),
            Term("a2010", "2010/2014"),          // same dates as b2010: the id decides
            Term("open2010", "2010/.."),         // same start, no end: after the ended ones
            Term("month2005", "2005-03/2009"),
            Term("year2005", "2005/2009"),       // latest start 2005-12-31, after 2005-03-31
            Term("endOnly", "../2007-06"),       // began by June 2007 at the latest
        };

        Assert.Equal(["month2005", "year2005", "endOnly", "a2010", "b2010", "open2010", "undated"], Ids(Succession.Order(terms)));
    }

    [Fact]
    public void Order_leaves_its_input_untouched()
    {
        var terms = new List<Relationship> { Term("late", "2015/.."), Term("early", "2001/2003") };

        var ordered = Succession.Order(terms);

        Assert.Equal(["early", "late"], Ids(ordered));
        Assert.Equal(["late", "early"], Ids(terms));
    }

    [Theory]
    [InlineData("second", -1, "first")]
    [InlineData("second", 1, "third")]
    [InlineData("first", -1, null)]
    [InlineData("third", 1, null)]
    [InlineData("absent", 1, null)]
    public void A_terms_neighbours_are_the_terms_beside_it(string termId, int step, string? expected)
    {
        var ordered = Succession.Order([Term("third", "2010/.."), Term("first", "2001/2005"), Term("second", "2005/2010")]);

        Assert.Equal(expected, Succession.Neighbour(ordered, termId, step)?.Id);
    }

    [Fact]
    public void Latest_leaders_are_the_dated_terms_not_known_to_have_ended()
    {
        var ordered = Succession.Order([Term("old", "2001/2005"), Term("open", "2005/.."), Term("undated", "../..")]);

        Assert.Equal(["open"], Ids(Succession.Latest(ordered)));
    }

    [Fact]
    public void Without_open_terms_the_latest_leaders_are_those_that_ended_last()
    {
        var ordered = Succession.Order([Term("old", "2001/2005"), Term("coA", "2005/2010"), Term("coB", "2006/2010")]);

        Assert.Equal(["coA", "coB"], Ids(Succession.Latest(ordered)));
    }

    [Fact]
    public void Without_dated_terms_every_term_is_a_latest_leader()
    {
        var ordered = Succession.Order([Term("u2", "../.."), Term("u1", "../..")]);

        Assert.Equal(["u1", "u2"], Ids(Succession.Latest(ordered)));
    }

    [Fact]
    public void In_force_keeps_the_terms_the_certainty_admits_with_their_status()
    {
        // On 2005-06: "old" ended some time in 2005 (possibly), "new" began some time in 2005 (possibly), "far" is over.
        var ordered = Succession.Order([Term("far", "1990/1995"), Term("old", "2001/2005"), Term("new", "2005/..")]);
        var june2005 = PartialDate.Parse("2005-06");

        Assert.Empty(Succession.InForce(ordered, june2005, TemporalCertainty.Known));
        Assert.Equal([("old", TemporalStatus.Possible), ("new", TemporalStatus.Possible)],
            Succession.InForce(ordered, june2005, TemporalCertainty.Possible).Select(t => (t.Term.Id, t.Status)));
        Assert.Equal([("old", TemporalStatus.Known)],
            Succession.InForce(ordered, PartialDate.Parse("2003"), TemporalCertainty.Known).Select(t => (t.Term.Id, t.Status)));
    }
}
