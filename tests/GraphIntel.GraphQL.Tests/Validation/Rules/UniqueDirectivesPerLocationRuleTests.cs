using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="UniqueDirectivesPerLocationRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class UniqueDirectivesPerLocationRuleTests
{
    private static readonly UniqueDirectivesPerLocationRule Rule = UniqueDirectivesPerLocationRule.Instance;

    [Fact]
    public Task AcceptsRepeatableAndDistinctDirectives() => ExpectValidAsGraphqlJs(Rule,
        """
        { dog @repeatable @repeatable @include(if: true) @skip(if: false) { name } }
        """);

    [Fact]
    public Task RejectsRepeatedNonRepeatableDirective() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { name @onField @onField } }
        """,
        Error("The directive \"@onField\" can only be used once at this location.", "1:14", "1:23"));
}
