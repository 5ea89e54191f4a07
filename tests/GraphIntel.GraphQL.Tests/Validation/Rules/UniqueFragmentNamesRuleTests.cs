using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="UniqueFragmentNamesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class UniqueFragmentNamesRuleTests
{
    private static readonly UniqueFragmentNamesRule Rule = UniqueFragmentNamesRule.Instance;

    [Fact]
    public Task AcceptsDistinctFragmentNames() => ExpectValidAsGraphqlJs(Rule,
        """
        { dog { ...A ...B } }
        fragment A on Dog { name }
        fragment B on Dog { barks }
        """);

    [Fact]
    public Task RejectsRepeatedFragmentName() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { ...A } }
        fragment A on Dog { name }
        fragment A on Dog { barks }
        """,
        Error("There can be only one fragment named \"A\".", "2:10", "3:10"));
}
