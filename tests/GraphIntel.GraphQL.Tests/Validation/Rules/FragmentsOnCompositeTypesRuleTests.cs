using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="FragmentsOnCompositeTypesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class FragmentsOnCompositeTypesRuleTests
{
    private static readonly FragmentsOnCompositeTypesRule Rule = FragmentsOnCompositeTypesRule.Instance;

    [Fact]
    public Task AcceptsObjectInterfaceAndUnionConditions() => ExpectValidAsGraphqlJs(Rule,
        """
        { dog { ... on Dog { name } ... on Pet { name } ... on CatOrDog { __typename } ... { name } } }
        """);

    [Fact]
    public Task RejectsScalarConditions() => ExpectErrorsAsGraphqlJs(Rule,
        """
        fragment F on Int { x }
        { dog { ... on Boolean { y } } }
        """,
        Error("Fragment \"F\" cannot condition on non composite type \"Int\".", "1:15"),
        Error("Fragment cannot condition on non composite type \"Boolean\".", "2:16"));
}
