using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="UniqueDirectivesPerLocationRule"/> alone, with messages and locations as graphql-js 16.15 reports them.</summary>
public sealed class UniqueDirectivesPerLocationRuleTests
{
    private static readonly UniqueDirectivesPerLocationRule Rule = UniqueDirectivesPerLocationRule.Instance;

    [Fact]
    public void AcceptsRepeatableAndDistinctDirectives() => ExpectValid(Rule,
        """
        { dog @repeatable @repeatable @include(if: true) @skip(if: false) { name } }
        """);

    [Fact]
    public void RejectsRepeatedNonRepeatableDirective() => ExpectErrors(Rule,
        """
        { dog { name @onField @onField } }
        """,
        Error("The directive \"@onField\" can only be used once at this location.", "1:14", "1:23"));
}
