using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="UniqueInputFieldNamesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class UniqueInputFieldNamesRuleTests
{
    private static readonly UniqueInputFieldNamesRule Rule = UniqueInputFieldNamesRule.Instance;

    [Fact]
    public Task AcceptsDistinctInputFields() => ExpectValidAsGraphqlJs(Rule,
        """
        { complicatedArgs { complexArgField(complexArg: { requiredField: true, nested: { requiredField: true } }) } }
        """);

    [Fact]
    public Task RejectsRepeatedInputFieldsAtEachLevel() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { complicatedArgs { complexArgField(complexArg: { requiredField: true, nested: { requiredField: true, requiredField: false }, requiredField: false }) } }
        """,
        Error("There can be only one input field named \"requiredField\".", "1:82", "1:103"),
        Error("There can be only one input field named \"requiredField\".", "1:51", "1:127"));
}
