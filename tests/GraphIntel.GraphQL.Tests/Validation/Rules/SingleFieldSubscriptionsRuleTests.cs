using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="SingleFieldSubscriptionsRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class SingleFieldSubscriptionsRuleTests
{
    private static readonly SingleFieldSubscriptionsRule Rule = SingleFieldSubscriptionsRule.Instance;

    [Fact]
    public Task AcceptsOneRootFieldEvenWhenRepeated() => ExpectValidAsGraphqlJs(Rule,
        """
        subscription S { dogBarked { name } dogBarked { barks } }
        """);

    [Fact]
    public Task RejectsSecondRootFieldFromAFragment() => ExpectErrorsAsGraphqlJs(Rule,
        """
        subscription S { dogBarked { name } ...F }
        fragment F on SubscriptionRoot { catMeowed { name } }
        """,
        Error("Subscription \"S\" must select only one top level field.", "2:34"));

    [Fact]
    public Task RejectsIntrospectionRootField() => ExpectErrorsAsGraphqlJs(Rule,
        """
        subscription { __typename }
        """,
        Error("Anonymous Subscription must not select an introspection top level field.", "1:16"));

    [Fact]
    public Task IgnoresSelectionsSkippedByLiteralDirectives() => ExpectValidAsGraphqlJs(Rule,
        """
        subscription S { dogBarked { name } catMeowed @include(if: false) { name } }
        """);
}
