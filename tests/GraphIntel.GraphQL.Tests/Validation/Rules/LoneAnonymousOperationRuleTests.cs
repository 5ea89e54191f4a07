using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="LoneAnonymousOperationRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class LoneAnonymousOperationRuleTests
{
    private static readonly LoneAnonymousOperationRule Rule = LoneAnonymousOperationRule.Instance;

    [Fact]
    public Task AcceptsOneAnonymousOperationWithFragments() => ExpectValidAsGraphqlJs(Rule,
        """
        { dog { ...F } }
        fragment F on Dog { name }
        """);

    [Fact]
    public Task RejectsAnonymousOperationBesideNamedOne() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { name } }
        query Named { cat { name } }
        """,
        Error("This anonymous operation must be the only defined operation.", "1:1"));
}
