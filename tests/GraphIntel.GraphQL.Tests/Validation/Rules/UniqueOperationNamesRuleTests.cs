using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="UniqueOperationNamesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class UniqueOperationNamesRuleTests
{
    private static readonly UniqueOperationNamesRule Rule = UniqueOperationNamesRule.Instance;

    [Fact]
    public Task AcceptsDistinctNames() => ExpectValidAsGraphqlJs(Rule,
        """
        query A { dog { name } }
        query B { dog { name } }
        { cat { name } }
        """);

    [Fact]
    public Task RejectsARepeatedNameAcrossOperationTypes() => ExpectErrorsAsGraphqlJs(Rule,
        """
        query Foo { dog { name } }
        mutation Foo { adoptDog(name: "Rex") { name } }
        """,
        Error("There can be only one operation named \"Foo\".", "1:7", "2:10"));

    [Fact]
    public Task ReportsEachRepeatAgainstTheFirst() => ExpectErrorsAsGraphqlJs(Rule,
        """
        query A { dog { name } }
        query A { dog { name } }
        query A { dog { name } }
        """,
        Error("There can be only one operation named \"A\".", "1:7", "2:7"),
        Error("There can be only one operation named \"A\".", "1:7", "3:7"));
}
