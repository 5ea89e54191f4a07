using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="NoUndefinedVariablesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class NoUndefinedVariablesRuleTests
{
    private static readonly NoUndefinedVariablesRule Rule = NoUndefinedVariablesRule.Instance;

    [Fact]
    public Task AcceptsVariablesDefinedByEachOperation() => ExpectValidAsGraphqlJs(Rule,
        """
        query A($x: Int) { dog { ...F } }
        query B($x: Int) { dog { ...F } }
        fragment F on Dog { isAtLocation(x: $x) }
        """);

    [Fact]
    public Task RejectsVariableUndefinedInOneOperation() => ExpectErrorsAsGraphqlJs(Rule,
        """
        query A($x: Int) { dog { ...F } }
        query B { dog { ...F } }
        fragment F on Dog { isAtLocation(x: $x) }
        """,
        Error("Variable \"$x\" is not defined by operation \"B\".", "3:37", "2:1"));

    [Fact]
    public Task RejectsVariableOfAnonymousOperation() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { isAtLocation(x: $x) } }
        """,
        Error("Variable \"$x\" is not defined.", "1:25", "1:1"));
}
