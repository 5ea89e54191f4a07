using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="KnownArgumentNamesRule"/> alone, with messages and locations as graphql-js 16.15 reports them.</summary>
public sealed class KnownArgumentNamesRuleTests
{
    private static readonly KnownArgumentNamesRule Rule = KnownArgumentNamesRule.Instance;

    [Fact]
    public void AcceptsDefinedArguments() => ExpectValid(Rule,
        """
        { dog @include(if: true) { doesKnowCommand(dogCommand: SIT) isAtLocation(x: 1, y: 2) } }
        """);

    [Fact]
    public void RejectsUnknownFieldArgumentWithSuggestion() => ExpectErrors(Rule,
        """
        { dog { isAtLocation(x: 1, z: 2) } }
        """,
        Error("Unknown argument \"z\" on field \"Dog.isAtLocation\". Did you mean \"x\" or \"y\"?", "1:28"));

    [Fact]
    public void RejectsUnknownDirectiveArgument() => ExpectErrors(Rule,
        """
        { dog @include(if: true, unless: false) { name } }
        """,
        Error("Unknown argument \"unless\" on directive \"@include\".", "1:26"));
}
