using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="FieldsOnCorrectTypeRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class FieldsOnCorrectTypeRuleTests
{
    private static readonly FieldsOnCorrectTypeRule Rule = FieldsOnCorrectTypeRule.Instance;

    [Fact]
    public Task AcceptsDefinedAndMetaFields() => ExpectValidAsGraphqlJs(Rule,
        """
        { __typename dog { __typename name } catOrDog { __typename } }
        """);

    [Fact]
    public Task SuggestsSimilarFieldNames() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { barkVolum } }
        """,
        Error("Cannot query field \"barkVolum\" on type \"Dog\". Did you mean \"barkVolume\"?", "1:9"));

    [Fact]
    public Task SuggestsInlineFragmentsMostCommonFirst() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { being { barks } catOrDog { nickname } }
        """,
        Error("Cannot query field \"barks\" on type \"Being\". Did you mean to use an inline fragment on \"Dog\"?", "1:11"),
        Error("Cannot query field \"nickname\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"?", "1:30"));

    [Fact]
    public Task ReportsNoSuggestionOnUnion() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { humanOrAlien { nothingLikeIt } }
        """,
        Error("Cannot query field \"nothingLikeIt\" on type \"HumanOrAlien\".", "1:18"));
}
