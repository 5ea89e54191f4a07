using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="NoUnusedFragmentsRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class NoUnusedFragmentsRuleTests
{
    private static readonly NoUnusedFragmentsRule Rule = NoUnusedFragmentsRule.Instance;

    [Fact]
    public Task AcceptsFragmentsUsedTransitively() => ExpectValidAsGraphqlJs(Rule,
        """
        { dog { ...A } }
        fragment A on Dog { ...B }
        fragment B on Dog { name }
        """);

    [Fact]
    public Task RejectsFragmentsNoOperationReaches() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { ...A } }
        fragment A on Dog { name }
        fragment B on Dog { ...C }
        fragment C on Dog { name }
        """,
        Error("Fragment \"B\" is never used.", "3:1"),
        Error("Fragment \"C\" is never used.", "4:1"));
}
