using GraphIntel.GraphQL.Validation.Limits;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Limits;

/// <summary><see cref="MaxCostRule"/>: one per field, list fields multiplying what they select.</summary>
public sealed class MaxCostRuleTests
{
    [Fact]
    public void CostsOnePerFieldWithoutLists() =>
        ExpectErrors(new MaxCostRule(new CostOptions { MaxCost = 3 }), "{ dog { name mother { name } } }",
            Error("Query cost 4 exceeds the maximum allowed cost of 3.", "1:1"));

    [Fact]
    public void AcceptsAnOperationAtTheLimit() =>
        ExpectValid(new MaxCostRule(new CostOptions { MaxCost = 4 }), "{ dog { name mother { name } } }");

    [Fact]
    public void MultipliesBySizeArgumentsAndNests()
    {
        // relatives(first: 2) { name iq } = 1 + 2 × 2 = 5; humans(first: 5) { name relatives } = 1 + 5 × (1 + 5) = 31.
        var error = Assert.Single(Validate(
            "{ humans(first: 5) { name relatives(first: 2) { name iq } } }",
            new MaxCostRule(new CostOptions { MaxCost = 30 })));
        Assert.Equal("Query cost 31 exceeds the maximum allowed cost of 30.", error.Message);
        Assert.Equal("QUERY_TOO_COMPLEX", error.Extensions?["code"]);
        Assert.Equal(30L, error.Extensions?["limit"]);
        Assert.Equal(31L, error.Extensions?["value"]);
    }

    [Fact]
    public void UsesLastAndLimitArgumentsToo() =>
        ExpectErrors(new MaxCostRule(new CostOptions { MaxCost = 10 }), "{ humans(last: 4) { name } dogs(limit: 3) { name barks } }",
            Error("Query cost 12 exceeds the maximum allowed cost of 10.", "1:1"));

    [Fact]
    public void UsesTheDefaultListSizeWhenTheSizeIsAbsentOrAVariable() =>
        ExpectErrors(new MaxCostRule(new CostOptions { MaxCost = 15, DefaultListSize = 7 }),
            "query Q($n: Int) { dogs { name } humans(first: $n) { name } }",
            Error("Query cost 16 exceeds the maximum allowed cost of 15.", "1:1"));

    [Fact]
    // H = name + pets { name } (a list without a size: 1 + 10 × 1) = 12; humans(first: 10) = 1 + 10 × 12; human = 1 + 12.
    public void PricesFragmentsWhereTheyAreSpread() =>
        ExpectErrors(new MaxCostRule(new CostOptions { MaxCost = 100 }),
            "{ humans(first: 10) { ...H } human { ...H } }\nfragment H on Human { name pets { name } }",
            Error("Query cost 134 exceeds the maximum allowed cost of 100.", "1:1"));

    [Fact]
    public void ReportsTheConfiguredLimitAsInTheMessage() =>
        ExpectErrors(new MaxCostRule(new CostOptions { MaxCost = 10_000 }),
            "{ humans(first: 100) { relatives(first: 100) { name } } }",
            Error("Query cost 10101 exceeds the maximum allowed cost of 10000.", "1:1"));
}
