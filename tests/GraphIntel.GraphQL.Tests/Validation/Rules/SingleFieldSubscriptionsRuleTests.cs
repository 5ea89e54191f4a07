using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="SingleFieldSubscriptionsRule"/> alone, with messages and locations as graphql-js 16.15 reports them.</summary>
public sealed class SingleFieldSubscriptionsRuleTests
{
    private static readonly SingleFieldSubscriptionsRule Rule = SingleFieldSubscriptionsRule.Instance;

    [Fact]
    public void AcceptsOneRootFieldEvenWhenRepeated() => ExpectValid(Rule,
        """
        subscription S { dogBarked { name } dogBarked { barks } }
        """);

    [Fact]
    public void RejectsSecondRootFieldFromAFragment() => ExpectErrors(Rule,
        """
        subscription S { dogBarked { name } ...F }
        fragment F on SubscriptionRoot { catMeowed { name } }
        """,
        Error("Subscription \"S\" must select only one top level field.", "2:34"));

    [Fact]
    public void RejectsIntrospectionRootField() => ExpectErrors(Rule,
        """
        subscription { __typename }
        """,
        Error("Anonymous Subscription must not select an introspection top level field.", "1:16"));

    [Fact]
    public void IgnoresSelectionsSkippedByLiteralDirectives() => ExpectValid(Rule,
        """
        subscription S { dogBarked { name } catMeowed @include(if: false) { name } }
        """);
}
