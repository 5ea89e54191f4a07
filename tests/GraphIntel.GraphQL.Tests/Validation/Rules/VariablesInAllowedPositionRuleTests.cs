using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="VariablesInAllowedPositionRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class VariablesInAllowedPositionRuleTests
{
    private static readonly VariablesInAllowedPositionRule Rule = VariablesInAllowedPositionRule.Instance;

    [Fact]
    public Task AcceptsNullableVariableWithDefaultInNonNullPosition() => ExpectValidAsGraphqlJs(Rule,
        """
        query Q($x: Int = 1, $b: Boolean = true) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $x) } dog @include(if: $b) { name } }
        """);

    [Fact]
    public Task AcceptsNullableVariableWhereTheArgumentHasADefault() => ExpectValidAsGraphqlJs(Rule,
        """
        query Q($x: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $x) } }
        """);

    [Fact]
    public Task RejectsNullableVariableInNonNullPosition() => ExpectErrorsAsGraphqlJs(Rule,
        """
        query Q($x: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $x) } }
        """,
        Error("Variable \"$x\" of type \"Int\" used in position expecting type \"Int!\".", "1:9", "1:72"));

    [Fact]
    public Task RejectsListVariableWithNullableItems() => ExpectErrorsAsGraphqlJs(Rule,
        """
        query Q($l: [String]) { complicatedArgs { stringListNonNullArgField(stringListNonNullArg: $l) } }
        """,
        Error("Variable \"$l\" of type \"[String]\" used in position expecting type \"[String!]\".", "1:9", "1:91"));

    [Fact]
    public Task RejectsNullableVariableInOneOfField() => ExpectErrorsAsGraphqlJs(Rule,
        """
        query Q($c: FurColor) { complicatedArgs { oneOfArgField(lookup: { byColor: $c }) } }
        """,
        Error("Variable \"$c\" is of type \"FurColor\" but must be non-nullable to be used for OneOf Input Object \"PetLookup\".", "1:9", "1:76"));
}
