using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="PossibleFragmentSpreadsRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class PossibleFragmentSpreadsRuleTests
{
    private static readonly PossibleFragmentSpreadsRule Rule = PossibleFragmentSpreadsRule.Instance;

    [Fact]
    public Task AcceptsOverlappingTypes() => ExpectValidAsGraphqlJs(Rule,
        """
        { pet { ... on Dog { name } ... on CatOrDog { __typename } ...F } }
        fragment F on Being { name }
        """);

    [Fact]
    public Task RejectsDisjointObjectTypes() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { ... on Cat { meows } ...F } }
        fragment F on Cat { name }
        """,
        Error("Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".", "1:9"),
        Error("Fragment \"F\" cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".", "1:30"));

    [Fact]
    public Task RejectsDisjointAbstractTypes() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { catOrDog { ... on HumanOrAlien { __typename } } intelligent { ... on Pet { name } } }
        """,
        Error("Fragment cannot be spread here as objects of type \"CatOrDog\" can never be of type \"HumanOrAlien\".", "1:14"),
        Error("Fragment cannot be spread here as objects of type \"Intelligent\" can never be of type \"Pet\".", "1:65"));
}
