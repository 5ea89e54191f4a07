using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="KnownFragmentNamesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class KnownFragmentNamesRuleTests
{
    private static readonly KnownFragmentNamesRule Rule = KnownFragmentNamesRule.Instance;

    [Fact]
    public Task AcceptsDefinedFragments() => ExpectValidAsGraphqlJs(Rule,
        """
        { dog { ...A ... on Dog { ...A } } }
        fragment A on Dog { name }
        """);

    [Fact]
    public Task RejectsUndefinedFragments() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { ...Nope mother { ...AlsoNope } } }
        """,
        Error("Unknown fragment \"Nope\".", "1:12"),
        Error("Unknown fragment \"AlsoNope\".", "1:29"));
}
