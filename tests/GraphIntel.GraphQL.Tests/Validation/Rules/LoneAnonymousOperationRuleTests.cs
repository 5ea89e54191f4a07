using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="LoneAnonymousOperationRule"/> alone, with messages and locations as graphql-js 16.15 reports them.</summary>
public sealed class LoneAnonymousOperationRuleTests
{
    private static readonly LoneAnonymousOperationRule Rule = LoneAnonymousOperationRule.Instance;

    [Fact]
    public void AcceptsOneAnonymousOperationWithFragments() => ExpectValid(Rule,
        """
        { dog { ...F } }
        fragment F on Dog { name }
        """);

    [Fact]
    public void RejectsAnonymousOperationBesideNamedOne() => ExpectErrors(Rule,
        """
        { dog { name } }
        query Named { cat { name } }
        """,
        Error("This anonymous operation must be the only defined operation.", "1:1"));
}
