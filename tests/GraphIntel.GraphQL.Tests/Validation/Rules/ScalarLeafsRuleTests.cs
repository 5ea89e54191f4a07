using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="ScalarLeafsRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class ScalarLeafsRuleTests
{
    private static readonly ScalarLeafsRule Rule = ScalarLeafsRule.Instance;

    [Fact]
    public Task AcceptsLeavesWithoutSelectionsAndObjectsWithThem() => ExpectValidAsGraphqlJs(Rule,
        """
        { dog { name barks mother { name } } }
        """);

    [Fact]
    public Task RejectsObjectWithoutSelection() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { mother } }
        """,
        Error("Field \"mother\" of type \"Dog\" must have a selection of subfields. Did you mean \"mother { ... }\"?", "1:9"));

    [Fact]
    public Task RejectsSelectionOnScalarAndEnum() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { name { x } } cat { furColor { y } } }
        """,
        Error("Field \"name\" must not have a selection since type \"String\" has no subfields.", "1:14"),
        Error("Field \"furColor\" must not have a selection since type \"FurColor\" has no subfields.", "1:37"));
}
