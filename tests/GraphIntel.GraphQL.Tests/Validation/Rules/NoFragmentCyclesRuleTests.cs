using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="NoFragmentCyclesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class NoFragmentCyclesRuleTests
{
    private static readonly NoFragmentCyclesRule Rule = NoFragmentCyclesRule.Instance;

    [Fact]
    public Task AcceptsSpreadingAFragmentTwice() => ExpectValidAsGraphqlJs(Rule,
        """
        { dog { ...A } }
        fragment A on Dog { ...B ...B }
        fragment B on Dog { name }
        """);

    [Fact]
    public Task RejectsDirectSelfSpread() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { ...A } }
        fragment A on Dog { name ...A }
        """,
        Error("Cannot spread fragment \"A\" within itself.", "2:26"));

    [Fact]
    public Task RejectsIndirectCycleNamingThePath() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { ...A } }
        fragment A on Dog { ...B }
        fragment B on Dog { mother { ...C } }
        fragment C on Dog { ...A }
        """,
        Error("Cannot spread fragment \"A\" within itself via \"B\", \"C\".", "2:21", "3:30", "4:21"));
}
