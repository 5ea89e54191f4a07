using System.Text.Json;
using CsCheck;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Tests.Conformance;
using GraphIntel.Testing.Fuzz;

namespace GraphIntel.GraphQL.Tests.Language;

/// <summary>
/// Property-based fuzzing of the lexer and parser (CsCheck; generators in tests/Shared/Fuzz, shared with the long run
/// `GraphIntel.Benchmarks -- fuzz`): generated valid documents, mutations of them and of the real corpus (the kitchen
/// sinks, the README's queries, the API's schema, the benchmark queries) and deep nesting. Every document parses or
/// fails with a located syntax error — nothing else escapes; valid documents round-trip through the printer; and
/// graphql-js agrees on which documents are valid, where the error is, and how a valid one prints.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly IReadOnlyList<string> Corpus = FuzzCorpus.Documents(KitchenSink.Query, KitchenSink.Schema);

    [Fact]
    public void Generated_valid_documents_parse_and_round_trip_through_the_printer() =>
        GraphQLDocumentGen.ValidDocument.Sample(text => Holds(ParserProperties.ParsesAndRoundTrips(text)), iter: 2_000);

    [Fact]
    public void Mutated_documents_parse_or_fail_with_a_located_syntax_error() =>
        GraphQLDocumentGen.Mutated(Corpus).Sample(text => Holds(ParserProperties.ParsesOrFailsWithALocatedSyntaxError(text)), iter: 3_000);

    [Fact]
    public void Deeply_nested_documents_fail_with_a_located_syntax_error_not_a_stack_overflow() =>
        GraphQLDocumentGen.DeeplyNested.Sample(text => Holds(ParserProperties.ParsesOrFailsWithALocatedSyntaxError(text)), iter: 200);

    [Fact]
    public void Every_corpus_document_parses_and_round_trips()
    {
        foreach (var text in Corpus) Holds(ParserProperties.ParsesAndRoundTrips(text));
    }

    [Fact]
    public async Task Graphql_js_accepts_and_refuses_the_same_documents_at_the_same_places_and_prints_them_alike()
    {
        // A fixed sample (seeded: the same documents every run), so a difference found once is found again. No deep
        // nesting: graphql-js's recursive descent has no depth limit and overflows its stack on it.
        var valid = FixedSample.Of(GraphQLDocumentGen.ValidDocument, 500, seed: 11);
        var mutated = FixedSample.Of(GraphQLDocumentGen.Mutated(Corpus), 1_500, seed: 12);
        string[] documents = [.. valid, .. mutated];
        var file = Path.Combine(Path.GetTempPath(), $"graphintel-parse-oracle-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "[" + string.Join(",", documents.Select(JsonString)) + "]");
        try
        {
            var run = await NodeRunner.RunScriptAsync("parse-oracle.mjs", file);
            Assert.True(run.ExitCode == 0, run.ToString());
            var oracle = JsonDocument.Parse(run.StandardOutput).RootElement.EnumerateArray().ToArray();
            Assert.Equal(documents.Length, oracle.Length);
            var differences = new List<string>();
            for (var i = 0; i < documents.Length; i++)
            {
                if (Difference(documents[i], oracle[i]) is { } difference) differences.Add($"{difference}\n  document: {JsonSerializer.Serialize(documents[i])}");
            }
            Assert.True(differences.Count == 0, $"{differences.Count} of {documents.Length} documents differ from graphql-js:\n" + string.Join("\n", differences.Take(10)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? Difference(string text, JsonElement oracle)
    {
        Assert.False(oracle.TryGetProperty("crash", out var crash), $"graphql-js crashed: {crash}");
        DocumentNode? document = null;
        GraphQLSyntaxException? error = null;
        try { document = Parser.Parse(text, new ParseOptions { MaxDepth = 10_000, MaxTokens = 1_000_000 }); }
        catch (GraphQLSyntaxException e) { error = e; }
        catch (InsufficientExecutionStackException) { return null; } // graphql-js has no depth limit; ours with a huge one may still run out of stack.
        var ok = oracle.GetProperty("ok").GetBoolean();
        if (ok && error is not null) return $"graphql-js accepts it, we refuse it: {error.Message}";
        if (!ok && document is not null) return $"graphql-js refuses it ({oracle.GetProperty("message").GetString()}), we accept it";
        if (ok)
        {
            var printed = Printer.Print(document!);
            var expected = oracle.GetProperty("printed").GetString();
            return printed == expected ? null : $"printed differently:\n  ours:       {printed}\n  graphql-js: {expected}";
        }
        var location = error!.Location;
        var (line, column) = (oracle.GetProperty("line").GetInt32(), oracle.GetProperty("column").GetInt32());
        return location.Line == line && location.Column == column ? null
            : $"error at {location.Line}:{location.Column} ({error.Message}), graphql-js at {line}:{column} ({oracle.GetProperty("message").GetString()})";
    }

    /// <summary>
    /// A JSON string with every character but printable ASCII escaped as \uXXXX, so lone surrogates reach graphql-js as
    /// they are (System.Text.Json and UTF-8 would replace them with U+FFFD).
    /// </summary>
    private static string JsonString(string text)
    {
        var json = new System.Text.StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~' and not ('"' or '\\')) json.Append(c);
            else json.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return json.Append('"').ToString();
    }

    private static void Holds(string? failure) => Assert.True(failure is null, failure);
}
