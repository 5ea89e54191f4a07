using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="KnownArgumentNamesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class KnownArgumentNamesRuleTests
{
    private static readonly KnownArgumentNamesRule Rule = KnownArgumentNamesRule.Instance;

    [Fact]
    public Task AcceptsDefinedArguments() => ExpectValidAsGraphqlJs(Rule,
        """
        { dog @include(if: true) { doesKnowCommand(dogCommand: SIT) isAtLocation(x: 1, y: 2) } }
        """);

    [Fact]
    public Task RejectsUnknownFieldArgumentWithSuggestion() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { isAtLocation(x: 1, z: 2) } }
        """,
        Error("Unknown argument \"z\" on field \"Dog.isAtLocation\". Did you mean \"x\" or \"y\"?", "1:28"));

    [Fact]
    public Task RejectsUnknownDirectiveArgument() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog @include(if: true, unless: false) { name } }
        """,
        Error("Unknown argument \"unless\" on directive \"@include\".", "1:26"));
}
