using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="KnownDirectivesRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class KnownDirectivesRuleTests
{
    private static readonly KnownDirectivesRule Rule = KnownDirectivesRule.Instance;

    [Fact]
    public Task AcceptsDirectivesInTheirLocations() => ExpectValidAsGraphqlJs(Rule,
        """
        query Q($v: Int @onVariableDefinition) @onQuery { dog @include(if: true) { ...F @onFragmentSpread ... @onInlineFragment { isAtLocation(x: $v) } } }
        fragment F on Dog @onFragmentDefinition { name @onField }
        """);

    [Fact]
    public Task RejectsUnknownDirectives() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog @nope { name } }
        """,
        Error("Unknown directive \"@nope\".", "1:7"));

    [Fact]
    public Task RejectsMisplacedDirectives() => ExpectErrorsAsGraphqlJs(Rule,
        """
        query Q @onField { dog @onQuery { name } }
        """,
        Error("Directive \"@onField\" may not be used on QUERY.", "1:9"),
        Error("Directive \"@onQuery\" may not be used on FIELD.", "1:24"));
}
