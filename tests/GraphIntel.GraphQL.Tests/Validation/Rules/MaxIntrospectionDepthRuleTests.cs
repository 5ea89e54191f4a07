using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="MaxIntrospectionDepthRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class MaxIntrospectionDepthRuleTests
{
    private static readonly MaxIntrospectionDepthRule Rule = MaxIntrospectionDepthRule.Instance;

    [Fact]
    public Task AcceptsTheUsualIntrospectionDepth() => ExpectValidAsGraphqlJs(Rule,
        """
        { __schema { types { fields { type { name ofType { name } } } interfaces { name } } } }
        """);

    [Fact]
    public Task RejectsThreeNestedListFields() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { __schema { types { fields { type { fields { type { fields { name } } } } } } } }
        """,
        Error("Maximum introspection depth exceeded", "1:3"));

    [Fact]
    public Task FollowsFragments() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { __type(name: "Dog") { ...A } }
        fragment A on __Type { interfaces { ...B } }
        fragment B on __Type { possibleTypes { interfaces { name } } }
        """,
        Error("Maximum introspection depth exceeded", "1:3"));
}
