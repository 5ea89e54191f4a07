using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="NoUnusedVariablesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class NoUnusedVariablesRuleTests
{
    private static readonly NoUnusedVariablesRule Rule = NoUnusedVariablesRule.Instance;

    [Fact]
    public Task AcceptsVariablesUsedInFragmentsAndDirectives() => ExpectValidAsGraphqlJs(Rule,
        """
        query Q($x: Int, $b: Boolean!) { dog @include(if: $b) { ...F } }
        fragment F on Dog { isAtLocation(x: $x) }
        """);

    [Fact]
    public Task RejectsUnusedVariables() => ExpectErrorsAsGraphqlJs(Rule,
        """
        query Q($x: Int, $y: Int) { dog { isAtLocation(x: $x) } }
        query ($z: Int) { dog { name } }
        """,
        Error("Variable \"$y\" is never used in operation \"Q\".", "1:18"),
        Error("Variable \"$z\" is never used.", "2:8"));
}
