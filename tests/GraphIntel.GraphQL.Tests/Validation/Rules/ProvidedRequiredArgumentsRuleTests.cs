using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="ProvidedRequiredArgumentsRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class ProvidedRequiredArgumentsRuleTests
{
    private static readonly ProvidedRequiredArgumentsRule Rule = ProvidedRequiredArgumentsRule.Instance;

    [Fact]
    public Task AcceptsDefaultsAndNullableArguments() => ExpectValidAsGraphqlJs(Rule,
        """
        { complicatedArgs { nonNullFieldWithDefault multipleOpts multipleOptAndReq(req1: 1, req2: 2) } }
        """);

    [Fact]
    public Task RejectsMissingFieldArguments() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { complicatedArgs { multipleOptAndReq(req2: 2) } }
        """,
        Error("Field \"multipleOptAndReq\" argument \"req1\" of type \"Int!\" is required, but it was not provided.", "1:21"));

    [Fact]
    public Task RejectsMissingDirectiveArguments() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog @skip { name } }
        """,
        Error("Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", "1:7"));
}
