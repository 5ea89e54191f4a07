using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="KnownTypeNamesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class KnownTypeNamesRuleTests
{
    private static readonly KnownTypeNamesRule Rule = KnownTypeNamesRule.Instance;

    [Fact]
    public Task AcceptsKnownTypes() => ExpectValidAsGraphqlJs(Rule,
        """
        query Q($a: [String!], $b: ComplexInput) { dog { ... on Pet { name } } complicatedArgs { stringListArgField(stringListArg: $a) complexArgField(complexArg: $b) } }
        """);

    [Fact]
    public Task SuggestsCloseTypeNames() => ExpectErrorsAsGraphqlJs(Rule,
        """
        query Q($a: Strng) { dog { ... on Pett { name } } }
        """,
        Error("Unknown type \"Strng\". Did you mean \"String\" or \"Being\"?", "1:13"),
        Error("Unknown type \"Pett\". Did you mean \"Pet\"?", "1:35"));
}
