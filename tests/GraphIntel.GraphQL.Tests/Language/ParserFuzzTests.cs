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
        var differences = await GraphqlJsParse.DifferencesAsync(documents);
        Assert.True(differences.Count == 0, $"{differences.Count} of {documents.Length} documents differ from graphql-js:\n" + string.Join("\n", differences.Take(10)));
    }

    private static void Holds(string? failure) => Assert.True(failure is null, failure);
}
