using System.Text;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Validation;
using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation;

/// <summary><see cref="DocumentValidator"/>: rule selection, the error bound, and documents large enough to expose quadratic work.</summary>
public sealed class DocumentValidatorTests
{
    [Fact]
    public void AValidDocumentHasNoErrors() =>
        Assert.Empty(Validate("query Q($id: ID) { human(id: $id) { name pets { name ... on Dog { barks } } } }"));

    [Fact]
    public void RunsOnlyTheGivenRules()
    {
        const string query = "{ dog { unknownField } }\nfragment Unused on Dog { name }";
        Assert.Equal(2, Validate(query).Count);
        Assert.Equal(["Fragment \"Unused\" is never used. @ 2:1"], Validate(query, NoUnusedFragmentsRule.Instance).Select(Describe));
    }

    [Fact]
    public void ReportsErrorsInRuleOrderWithinANode()
    {
        var errors = Validate("query Q($a: Dog) { dog { name } }").Select(e => e.Message);
        Assert.Equal(
            ["Variable \"$a\" cannot be non-input type \"Dog\".", "Variable \"$a\" is never used in operation \"Q\"."],
            errors);
    }

    [Fact]
    public void StopsAfterMaxErrorsWithGraphQLJsAbortMessage()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 10).Select(i => $"unknown{i}")) + " }";
        var errors = DocumentValidator.Validate(Schema, Parser.Parse(query), maxErrors: 3);
        Assert.Equal(4, errors.Count);
        Assert.Equal("Cannot query field \"unknown0\" on type \"QueryRoot\".", errors[0].Message);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[3].Message);
        Assert.Null(errors[3].Locations);
    }

    [Fact]
    public void KeepsAllErrorsUpToTheBound()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 5).Select(i => $"unknown{i}")) + " }";
        Assert.Equal(5, DocumentValidator.Validate(Schema, Parser.Parse(query), maxErrors: 5).Count);
    }

    [Fact]
    public void AcceptsManyIdenticalFieldsUnderOneResponseName() =>
        Assert.Empty(Validate(ManyNames(500)));

    [Fact]
    public void AbortsLikeGraphQLJsWhenFieldComparisonsExhaustTheWorkBudget()
    {
        // 3,000 × 3,000 / 2 field pairs exceed OverlappingFieldsCanBeMerged's budget; graphql-js 16.15 also answers
        // with the single error "Validation aborted.".
        var error = Assert.Single(Validate(ManyNames(3000)));
        Assert.Equal("Validation aborted.", error.Message);
    }

    [Fact]
    public void ValidatesAWideDocumentOfManyFragments() =>
        Assert.Empty(Validate(ManyChainedFragments(100)));

    [Fact]
    public void AbortsLikeGraphQLJsWhenFragmentComparisonsExhaustTheWorkBudget() =>
        Assert.Equal(["Validation aborted."], Validate(ManyChainedFragments(400)).Select(e => e.Message));

    [Fact]
    public void FollowsFragmentsOfManyOperations() =>
        Assert.Empty(Validate(OperationsSpreadingAChain(200)));

    [Fact]
    public void AbortsLikeGraphQLJsWhenFollowingFragmentsExhaustsTheWorkBudget() =>
        Assert.Equal(["Validation aborted."], Validate(OperationsSpreadingAChain(300)).Select(e => e.Message));

    [Fact]
    public void FindsAConflictHiddenDeepInAChainOfFragments()
    {
        const int count = 200;
        var text = new StringBuilder("{ dog { x: name ...F0 } }\n");
        for (var i = 0; i < count; i++)
        {
            var body = i + 1 < count ? $"...F{i + 1}" : "x: nickname";
            text.Append($"fragment F{i} on Dog {{ {body} }}\n");
        }
        var errors = Validate(text.ToString(), OverlappingFieldsCanBeMergedRule.Instance);
        var error = Assert.Single(errors);
        Assert.Equal(
            "Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
            error.Message);
    }

    private static string ManyNames(int count) => "{ dog { " + string.Join(" ", Enumerable.Repeat("name", count)) + " } }";

    // count fragments all spread into one selection set, each also spreading the next.
    private static string ManyChainedFragments(int count)
    {
        var text = new StringBuilder("{ dog { ");
        for (var i = 0; i < count; i++)
        {
            text.Append("...F").Append(i).Append(' ');
        }
        text.Append("} }\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("fragment F").Append(i).Append(" on Dog { name barkVolume mother { name } ");
            if (i + 1 < count)
            {
                text.Append("...F").Append(i + 1);
            }
            text.Append(" }\n");
        }
        return text.ToString();
    }

    // count operations, operation i spreading fragment i of a chain in which each fragment spreads the next: every
    // operation reaches a different set of fragments, so following them costs count² / 2.
    private static string OperationsSpreadingAChain(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append($"query Q{i} {{ dog {{ ...F{i} }} }}\n");
        }
        for (var i = 0; i < count; i++)
        {
            text.Append($"fragment F{i} on Dog {{ name {(i + 1 < count ? $"...F{i + 1}" : "")} }}\n");
        }
        return text.ToString();
    }
}
