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
/// and expected.json must be what graphql-js answers today (<c>expected.mjs --check</c>), holding only graphql-js's errors
/// per document id (the document and its rule are the corpus's).
/// </summary>
public sealed class CorpusConformanceTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusDocument>> LazyCorpus = new(LoadCorpus);
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> LazyExpected = new(LoadExpected);

    /// <summary>Every corpus document's id.</summary>
    public static TheoryData<string> DocumentIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in LazyCorpus.Value.Keys)
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
        var corpus = LazyCorpus.Value;
        var expected = LazyExpected.Value;
        Assert.True(
            corpus.Keys.Order(StringComparer.Ordinal).SequenceEqual(expected.Keys.Order(StringComparer.Ordinal)),
            "expected.json does not match invalid-documents.json; run: node tests/conformance/validation/expected.mjs");
        Assert.True(corpus.Values.Count(d => d.Rule is not null) >= 170, "the corpus needs at least 170 invalid documents");
        Assert.True(corpus.Values.Count(d => d.Rule is null) >= 40, "the corpus needs at least 40 valid documents");
        var rulesCovered = corpus.Values.Where(d => d.Rule is not null).Select(d => d.Rule!).ToHashSet();
        Assert.All(SpecifiedRules.All, rule => Assert.Contains(rule.Name, rulesCovered));
    }

    /// <summary>
    /// expected.json holds only graphql-js's answers: a result carries its id and errors, nothing the corpus implies (the
    /// document and its rule) or the errors imply (validity, count). No document appears twice in the corpus
    /// (expected.mjs refuses that, so <see cref="ExpectedResultsAreWhatGraphQLJsAnswersToday"/> fails on it).
    /// </summary>
    [Fact]
    public void ExpectedResultsHoldNothingTheCorpusImplies()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(ValidationHarness.Folder, "expected.json")));
        Assert.All(json.RootElement.GetProperty("results").EnumerateArray(),
            result => Assert.Equal(["id", "errors"], result.EnumerateObject().Select(p => p.Name)));
    }

    [Theory]
    [MemberData(nameof(DocumentIds))]
    public void AgreesWithGraphQLJsOnValidityAndErrorCount(string id)
    {
        var expected = LazyExpected.Value[id];
        var query = LazyCorpus.Value[id].Query;
        var actual = Validate(query);
        Assert.True(
            expected.Count == actual.Count,
            $"{id}: graphql-js reports {expected.Count} error(s), this engine {actual.Count}.\n"
                + $"graphql-js:\n  {string.Join("\n  ", expected)}\nthis engine:\n  {string.Join("\n  ", actual)}\ndocument:\n{query}");
    }

    [Theory]
    [MemberData(nameof(DocumentIds))]
    public void AgreesWithGraphQLJsOnMessagesAndLocations(string id)
    {
        Assert.Equal(LazyExpected.Value[id], Validate(LazyCorpus.Value[id].Query));
    }

    [Fact]
    public void ReportsHowManyDocumentsAgreeExactly()
    {
        var all = LazyCorpus.Value.Select(d => (Actual: Validate(d.Value.Query), Expected: LazyExpected.Value[d.Key])).ToList();
        var sameValidity = all.Count(e => (e.Actual.Count == 0) == (e.Expected.Count == 0));
        var sameCount = all.Count(e => e.Actual.Count == e.Expected.Count);
        var exact = all.Count(e => e.Actual.SequenceEqual(e.Expected));
        output.WriteLine($"{all.Count} documents: {sameValidity} same validity, {sameCount} same error count, {exact} same messages and locations.");
        Assert.Equal(all.Count, sameValidity);
    }

    private static List<string> Validate(string query) =>
        [.. DocumentValidator.Validate(ValidationHarness.Schema, Parser.Parse(query)).Select(ValidationHarness.Describe)];

    /// <summary>Every corpus document by id: "&lt;Rule&gt;/&lt;index&gt;" for invalid ones, "valid/&lt;index&gt;" for valid ones.</summary>
    private static IReadOnlyDictionary<string, CorpusDocument> LoadCorpus()
    {
        using var corpus = JsonDocument.Parse(File.ReadAllText(Path.Combine(ValidationHarness.Folder, "invalid-documents.json")));
        var documents = new Dictionary<string, CorpusDocument>();
        foreach (var rule in corpus.RootElement.GetProperty("invalid").EnumerateObject())
        {
            var index = 0;
            foreach (var query in rule.Value.EnumerateArray())
            {
                documents[$"{rule.Name}/{index++}"] = new CorpusDocument(query.GetString()!, rule.Name);
            }
        }
        var validIndex = 0;
        foreach (var query in corpus.RootElement.GetProperty("valid").EnumerateArray())
        {
            documents[$"valid/{validIndex++}"] = new CorpusDocument(query.GetString()!, null);
        }
        return documents;
    }

    /// <summary>graphql-js's errors for every document by id, each as "message @ line:column …".</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> LoadExpected()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(ValidationHarness.Folder, "expected.json")));
        var results = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
        {
            results[result.GetProperty("id").GetString()!] = result.GetProperty("errors").EnumerateArray()
                .Select(e => e.GetProperty("message").GetString() + " @ " + string.Join(" ",
                    e.GetProperty("locations").EnumerateArray().Select(l => $"{l.GetProperty("line").GetInt32()}:{l.GetProperty("column").GetInt32()}")))
                .ToList();
        }
        return results;
    }

    private sealed record CorpusDocument(string Query, string? Rule);
}
