using GraphIntel.GraphQL.Validation.Limits;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Limits;

/// <summary><see cref="MaxDepthRule"/>: field nesting depth, through fragments, with introspection counted.</summary>
public sealed class MaxDepthRuleTests
{
    [Fact]
    public void AcceptsAnOperationAtTheLimit() =>
        ExpectValid(new MaxDepthRule(3), "{ dog { mother { name } } }");

    [Fact]
    public void RejectsAnOperationBeyondTheLimitWithCodeLimitAndValue()
    {
        var error = Assert.Single(Validate("query Deep { dog { mother { mother { name } } } }", new MaxDepthRule(3)));
        Assert.Equal("Query depth 4 exceeds the maximum allowed depth of 3.", error.Message);
        Assert.Equal("1:1", Describe(error).Split(" @ ")[1]);
        Assert.Equal("QUERY_TOO_DEEP", error.Extensions?["code"]);
        Assert.Equal(3, error.Extensions?["limit"]);
        Assert.Equal(4, error.Extensions?["value"]);
    }

    [Fact]
    public void CountsFieldsInsideFragmentsAndInlineFragments()
    {
        const string query = """
            { pet { ...Parents } }
            fragment Parents on Pet { ... on Dog { mother { ...Name } } }
            fragment Name on Dog { father { name } }
            """;
        ExpectValid(new MaxDepthRule(4), query);
        Assert.Equal("Query depth 4 exceeds the maximum allowed depth of 3.", Assert.Single(Validate(query, new MaxDepthRule(3))).Message);
    }

    [Fact]
    public void CountsIntrospectionFields() =>
        ExpectErrors(new MaxDepthRule(2), "{ __schema { types { name } } }",
            Error("Query depth 3 exceeds the maximum allowed depth of 2.", "1:1"));

    [Fact]
    public void ChecksEachOperationOnItsOwn() =>
        ExpectErrors(new MaxDepthRule(2), "query Shallow { dog { name } }\nquery Deep { dog { mother { name } } }",
            Error("Query depth 3 exceeds the maximum allowed depth of 2.", "2:1"));

    [Fact]
    public void StopsAtFragmentCycles() =>
        ExpectValid(new MaxDepthRule(3), "{ dog { ...A } }\nfragment A on Dog { mother { ...A } }");

    [Fact]
    public void RejectsANonPositiveLimit() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaxDepthRule(0));
}
