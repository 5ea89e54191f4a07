using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="UniqueArgumentNamesRule"/> alone, with messages and locations as graphql-js 16.15 reports them.</summary>
public sealed class UniqueArgumentNamesRuleTests
{
    private static readonly UniqueArgumentNamesRule Rule = UniqueArgumentNamesRule.Instance;

    [Fact]
    public void AcceptsDistinctArguments() => ExpectValid(Rule,
        """
        { dog { isAtLocation(x: 1, y: 2) } }
        """);

    [Fact]
    public void RejectsRepeatedArgumentOnceWithEveryLocation() => ExpectErrors(Rule,
        """
        { dog { isAtLocation(x: 1, x: 2, x: 3) } }
        """,
        Error("There can be only one argument named \"x\".", "1:22", "1:28", "1:34"));
}
