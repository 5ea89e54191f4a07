using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="VariablesAreInputTypesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class VariablesAreInputTypesRuleTests
{
    private static readonly VariablesAreInputTypesRule Rule = VariablesAreInputTypesRule.Instance;

    [Fact]
    public Task AcceptsInputTypes() => ExpectValidAsGraphqlJs(Rule,
        """
        query Q($a: String, $b: [FurColor!]!, $c: ComplexInput) { dog { name } }
        """);

    [Fact]
    public Task RejectsOutputTypes() => ExpectErrorsAsGraphqlJs(Rule,
        """
        query Q($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { dog { name } }
        """,
        Error("Variable \"$a\" cannot be non-input type \"Dog\".", "1:13"),
        Error("Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\".", "1:22"),
        Error("Variable \"$c\" cannot be non-input type \"Pet\".", "1:42"));
}
