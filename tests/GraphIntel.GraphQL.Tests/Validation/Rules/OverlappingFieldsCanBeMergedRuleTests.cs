using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation.Rules;

/// <summary><see cref="OverlappingFieldsCanBeMergedRule"/> alone, with messages and locations as graphql-js 16.15 reports them (each expectation is asked of graphql-js in the test).</summary>
public sealed class OverlappingFieldsCanBeMergedRuleTests
{
    private static readonly OverlappingFieldsCanBeMergedRule Rule = OverlappingFieldsCanBeMergedRule.Instance;

    [Fact]
    public Task AcceptsIdenticalFieldsAndDisjointObjectTypes() => ExpectValidAsGraphqlJs(Rule,
        """
        { dog { name name otherName: nickname } catOrDog { ... on Dog { x: nickname } ... on Cat { x: nickname } } }
        """);

    [Fact]
    public Task RejectsDifferentFieldsUnderOneAlias() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { x: name x: barks } }
        """,
        Error("Fields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:9", "1:17"));

    [Fact]
    public Task RejectsDifferingArguments() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { isAtLocation(x: 1) isAtLocation(x: 2) } }
        """,
        Error("Fields \"isAtLocation\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", "1:9", "1:28"));

    [Fact]
    public Task RejectsConflictingReturnTypesOnDisjointObjects() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { catOrDog { ... on Dog { x: barkVolume } ... on Cat { x: name } } }
        """,
        Error("Fields \"x\" conflict because they return conflicting types \"Int\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.", "1:27", "1:56"));

    [Fact]
    public Task ReportsConflictingSubfieldsThroughFragments() => ExpectErrorsAsGraphqlJs(Rule,
        """
        { dog { ...A ...B } }
        fragment A on Dog { mother { n: name } }
        fragment B on Dog { mother { n: nickname } }
        """,
        Error("Fields \"mother\" conflict because subfields \"n\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "2:21", "2:30", "3:21", "3:30"));
}
