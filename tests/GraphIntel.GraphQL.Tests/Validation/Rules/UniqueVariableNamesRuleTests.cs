using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="UniqueVariableNamesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class UniqueVariableNamesRuleTests
{
    private static readonly UniqueVariableNamesRule Rule = UniqueVariableNamesRule.Instance;

    [Fact]
    public Task AcceptsDistinctVariables() => ExpectValidAsGraphqlJs(Rule,
        """
        query Q($a: Int, $b: Int) { dog { isAtLocation(x: $a, y: $b) } }
        """);

    [Fact]
    public Task RejectsRepeatedVariableOnce() => ExpectErrorsAsGraphqlJs(Rule,
        """
        query Q($a: Int, $a: Int, $a: String) { dog { isAtLocation(x: $a) } }
        """,
        Error("There can be only one variable named \"$a\".", "1:10", "1:19", "1:28"));
}
