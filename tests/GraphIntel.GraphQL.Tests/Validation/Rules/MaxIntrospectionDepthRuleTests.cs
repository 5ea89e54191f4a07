using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="MaxIntrospectionDepthRule"/> alone, with messages and locations as graphql-js 16.15 reports them.</summary>
public sealed class MaxIntrospectionDepthRuleTests
{
    private static readonly MaxIntrospectionDepthRule Rule = MaxIntrospectionDepthRule.Instance;

    [Fact]
    public void AcceptsTheUsualIntrospectionDepth() => ExpectValid(Rule,
        """
        { __schema { types { fields { type { name ofType { name } } } interfaces { name } } } }
        """);

    [Fact]
    public void RejectsThreeNestedListFields() => ExpectErrors(Rule,
        """
        { __schema { types { fields { type { fields { type { fields { name } } } } } } } }
        """,
        Error("Maximum introspection depth exceeded", "1:3"));

    [Fact]
    public void FollowsFragments() => ExpectErrors(Rule,
        """
        { __type(name: "Dog") { ...A } }
        fragment A on __Type { interfaces { ...B } }
        fragment B on __Type { possibleTypes { interfaces { name } } }
        """,
        Error("Maximum introspection depth exceeded", "1:3"));
}
