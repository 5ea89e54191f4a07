using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="UniqueArgumentNamesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class UniqueArgumentNamesRuleTests
{
    private static readonly UniqueArgumentNamesRule Rule = UniqueArgumentNamesRule.Instance;

    [Fact]
    public Task AcceptsDistinctArguments() => ExpectValidAsGraphqlJs(Rule,
        """
        { dog { isAtLocation(x: 1, y: 2) } }
        """);

    [Fact]
    public Task RejectsRepeatedArgumentOnceWithEveryLocation() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { isAtLocation(x: 1, x: 2, x: 3) } }
        """,
        Error("There can be only one argument named \"x\".", "1:22", "1:28", "1:34"));
}
