using System.Text;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Validation;
using GraphIntel.GraphQL.Validation.Rules;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation;

/// <summary>
/// <see cref="DocumentValidator"/>: rule selection, the error bound, and documents large enough to expose quadratic work;
/// every document's errors are graphql-js's (asked in the test), the counts asserted here only say what each case shows.
/// </summary>
public sealed class DocumentValidatorTests
{
    [Fact]
    public async Task AValidDocumentHasNoErrors() =>
        Assert.Empty(await ValidateLikeGraphqlJsAsync("query Q($id: ID) { human(id: $id) { name pets { name ... on Dog { barks } } } }"));

    [Fact]
    public async Task RunsOnlyTheGivenRules()
    {
        const string query = "{ dog { unknownField } }\nfragment Unused on Dog { name }";
        Assert.Equal(2, (await ValidateLikeGraphqlJsAsync(query)).Count);
        Assert.Single(await ValidateLikeGraphqlJsAsync(query, NoUnusedFragmentsRule.Instance));
    }

    [Fact]
    public async Task ReportsErrorsInRuleOrderWithinANode() =>
        Assert.Equal(2, (await ValidateLikeGraphqlJsAsync("query Q($a: Dog) { dog { name } }")).Count);

    [Fact]
    public async Task StopsAfterMaxErrorsWithGraphQLJsAbortMessage()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 10).Select(i => $"unknown{i}")) + " }";
        var errors = await ValidateLikeGraphqlJsAsync(query, maxErrors: 3);
        Assert.Equal(4, errors.Count);
        Assert.EndsWith(" @ ", errors[3]); // the abort has no location
    }

    [Fact]
    public async Task KeepsAllErrorsUpToTheBound()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 5).Select(i => $"unknown{i}")) + " }";
        Assert.Equal(5, (await ValidateLikeGraphqlJsAsync(query, maxErrors: 5)).Count);
    }

    [Fact]
    public async Task AcceptsManyIdenticalFieldsUnderOneResponseName() =>
        Assert.Empty(await ValidateLikeGraphqlJsAsync(ManyNames(500)));

    // 3,000 × 3,000 / 2 field pairs exceed OverlappingFieldsCanBeMerged's work budget: the single error "Validation aborted.".
    [Fact]
    public async Task AbortsLikeGraphQLJsWhenFieldComparisonsExhaustTheWorkBudget() =>
        Assert.Single(await ValidateLikeGraphqlJsAsync(ManyNames(3000)));

    [Fact]
    public async Task ValidatesAWideDocumentOfManyFragments() =>
        Assert.Empty(await ValidateLikeGraphqlJsAsync(ManyChainedFragments(100)));

    [Fact]
    public async Task AbortsLikeGraphQLJsWhenFragmentComparisonsExhaustTheWorkBudget() =>
        Assert.Single(await ValidateLikeGraphqlJsAsync(ManyChainedFragments(400)));

    [Fact]
    public async Task FollowsFragmentsOfManyOperations() =>
        Assert.Empty(await ValidateLikeGraphqlJsAsync(OperationsSpreadingAChain(200)));

    [Fact]
    public async Task AbortsLikeGraphQLJsWhenFollowingFragmentsExhaustsTheWorkBudget() =>
        Assert.Single(await ValidateLikeGraphqlJsAsync(OperationsSpreadingAChain(300)));

    [Fact]
    public async Task FindsAConflictHiddenDeepInAChainOfFragments()
    {
        const int count = 200;
        var text = new StringBuilder("{ dog { x: name ...F0 } }\n");
        for (var i = 0; i < count; i++)
        {
            var body = i + 1 < count ? $"...F{i + 1}" : "x: nickname";
            text.Append($"fragment F{i} on Dog {{ {body} }}\n");
        }
        Assert.Single(await ValidateLikeGraphqlJsAsync(text.ToString(), OverlappingFieldsCanBeMergedRule.Instance));
    }

    /// <summary>
    /// Validates <paramref name="query"/> with all specified rules (or <paramref name="rule"/> alone) and the default
    /// error bound (or <paramref name="maxErrors"/>), asserts graphql-js reports the same errors (messages and locations,
    /// in order; validate-oracle.mjs), and returns them ("message @ line:column …").
    /// </summary>
    private static async Task<IReadOnlyList<string>> ValidateLikeGraphqlJsAsync(string query, IValidationRule? rule = null, int? maxErrors = null)
    {
        var ours = DocumentValidator.Validate(Schema, Parser.Parse(query), rule is null ? null : [rule], maxErrors ?? DocumentValidator.DefaultMaxErrors)
            .Select(Describe).ToList();
        Assert.Equal(await GraphqlJsValidation.ErrorsAsync(rule?.Name, query, maxErrors), ours);
        return ours;
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
