using System.Text.Json;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Tests.Conformance;
using GraphIntel.GraphQL.Validation;
using Xunit.Abstractions;

namespace GraphIntel.GraphQL.Tests.Validation;

/// <summary>
/// The validation corpus (tests/conformance/validation/invalid-documents.json) against graphql-js's results for it
/// (expected.json, written by <c>node tests/conformance/validation/expected.mjs</c>): for every document this engine
/// must agree with graphql-js on valid/invalid and on the number of errors, and should agree on every message and location;
/// and expected.json must be what graphql-js answers today (<c>expected.mjs --check</c>).
/// </summary>
public sealed class CorpusConformanceTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyDictionary<string, ExpectedResult>> LazyExpected = new(LoadExpected);

    /// <summary>Every corpus document's id.</summary>
    public static TheoryData<string> DocumentIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in LazyExpected.Value.Keys)
        {
            data.Add(id);
        }
        return data;
    }

    [Fact]
    public async Task ExpectedResultsAreWhatGraphQLJsAnswersToday()
    {
        var run = await NodeRunner.RunScriptAsync(Path.Combine("validation", "expected.mjs"), "--check");

        Assert.True(run.ExitCode == 0, $"expected.json is stale, the corpus is wrong or graphql-js failed: {run}");
    }

    [Fact]
    public void ExpectedResultsAreThoseOfTheCurrentCorpus()
    {
        using var corpus = JsonDocument.Parse(File.ReadAllText(Path.Combine(ValidationHarness.Folder, "invalid-documents.json")));
        var documents = new Dictionary<string, string>();
        foreach (var rule in corpus.RootElement.GetProperty("invalid").EnumerateObject())
        {
            var index = 0;
            foreach (var query in rule.Value.EnumerateArray())
            {
                documents[$"{rule.Name}/{index++}"] = query.GetString()!;
            }
        }
        var validIndex = 0;
        foreach (var query in corpus.RootElement.GetProperty("valid").EnumerateArray())
        {
            documents[$"valid/{validIndex++}"] = query.GetString()!;
        }

        var expected = LazyExpected.Value;
        Assert.True(
            documents.Count == expected.Count && documents.All(d => expected.TryGetValue(d.Key, out var e) && e.Query == d.Value),
            "expected.json does not match invalid-documents.json; run: node tests/conformance/validation/expected.mjs");
        Assert.True(expected.Values.Count(e => e.Rule is not null) >= 170, "the corpus needs at least 170 invalid documents");
        Assert.True(expected.Values.Count(e => e.Rule is null) >= 40, "the corpus needs at least 40 valid documents");
        var rulesCovered = expected.Values.Where(e => e.Rule is not null).Select(e => e.Rule!).ToHashSet();
        Assert.All(SpecifiedRules.All, rule => Assert.Contains(rule.Name, rulesCovered));
    }

    [Theory]
    [MemberData(nameof(DocumentIds))]
    public void AgreesWithGraphQLJsOnValidityAndErrorCount(string id)
    {
        var expected = LazyExpected.Value[id];
        var actual = Validate(expected.Query);
        Assert.True(
            expected.Errors.Count == actual.Count,
            $"{id}: graphql-js reports {expected.Errors.Count} error(s), this engine {actual.Count}.\n"
                + $"graphql-js:\n  {string.Join("\n  ", expected.Errors)}\nthis engine:\n  {string.Join("\n  ", actual)}\ndocument:\n{expected.Query}");
    }

    [Theory]
    [MemberData(nameof(DocumentIds))]
    public void AgreesWithGraphQLJsOnMessagesAndLocations(string id)
    {
        var expected = LazyExpected.Value[id];
        Assert.Equal(expected.Errors, Validate(expected.Query));
    }

    [Fact]
    public void ReportsHowManyDocumentsAgreeExactly()
    {
        var all = LazyExpected.Value.Values.ToList();
        var sameValidity = all.Count(e => (Validate(e.Query).Count == 0) == (e.Errors.Count == 0));
        var sameCount = all.Count(e => Validate(e.Query).Count == e.Errors.Count);
        var exact = all.Count(e => Validate(e.Query).SequenceEqual(e.Errors));
        output.WriteLine($"{all.Count} documents: {sameValidity} same validity, {sameCount} same error count, {exact} same messages and locations.");
        Assert.Equal(all.Count, sameValidity);
    }

    private static List<string> Validate(string query) =>
        [.. DocumentValidator.Validate(ValidationHarness.Schema, Parser.Parse(query)).Select(ValidationHarness.Describe)];

    private static IReadOnlyDictionary<string, ExpectedResult> LoadExpected()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(ValidationHarness.Folder, "expected.json")));
        var results = new Dictionary<string, ExpectedResult>();
        foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
        {
            var errors = result.GetProperty("errors").EnumerateArray()
                .Select(e => e.GetProperty("message").GetString() + " @ " + string.Join(" ",
                    e.GetProperty("locations").EnumerateArray().Select(l => $"{l.GetProperty("line").GetInt32()}:{l.GetProperty("column").GetInt32()}")))
                .ToList();
            var rule = result.GetProperty("rule");
            results[result.GetProperty("id").GetString()!] = new ExpectedResult(
                result.GetProperty("query").GetString()!,
                rule.ValueKind == JsonValueKind.Null ? null : rule.GetString(),
                errors);
        }
        return results;
    }

    private sealed record ExpectedResult(string Query, string? Rule, IReadOnlyList<string> Errors);
}
