using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Tests.Conformance;
using GraphIntel.GraphQL.Types;
using GraphIntel.GraphQL.Validation;

namespace GraphIntel.GraphQL.Tests.Validation;

/// <summary>
/// The validation test schema (tests/conformance/validation/schema.graphql, the one graphql-js validates the corpus
/// against), built without resolvers, and helpers that validate a document with chosen rules and compare errors.
/// </summary>
internal static class ValidationHarness
{
    private static readonly Lazy<Schema> LazySchema = new(() =>
        SchemaBuilder.FromSdl(File.ReadAllText(Path.Combine(Folder, "schema.graphql")), "schema.graphql")
            .UseDefaultFieldResolver()
            .Build());

    /// <summary>tests/conformance/validation: schema, corpus and graphql-js's expected results.</summary>
    public static string Folder => Path.Combine(RepositoryPaths.Conformance, "validation");

    /// <summary>The test schema.</summary>
    public static Schema Schema => LazySchema.Value;

    /// <summary>Validates <paramref name="query"/> against the test schema with <paramref name="rules"/> (all specified rules when empty).</summary>
    public static IReadOnlyList<GraphQLError> Validate(string query, params IValidationRule[] rules) =>
        DocumentValidator.Validate(Schema, Parser.Parse(query), rules.Length == 0 ? null : rules);

    /// <summary>Asserts that <paramref name="rule"/> alone accepts <paramref name="query"/>.</summary>
    public static void ExpectValid(IValidationRule rule, string query)
    {
        var errors = Validate(query, rule);
        Assert.True(errors.Count == 0, $"{rule.Name} rejected a valid document:\n  {string.Join("\n  ", errors)}\n{query}");
    }

    /// <summary>
    /// Asserts that <paramref name="rule"/> alone reports exactly <paramref name="expected"/>: each a message followed by
    /// its locations as "line:column", e.g. <c>("Unknown fragment \"F\".", "1:12")</c>.
    /// </summary>
    public static void ExpectErrors(IValidationRule rule, string query, params (string Message, string[] Locations)[] expected)
    {
        var errors = Validate(query, rule);
        var actual = errors.Select(Describe).ToList();
        Assert.Equal(Describe(expected), actual);
    }

    /// <summary>
    /// For a rule of graphql-js's <c>specifiedRules</c>: asserts that graphql-js, running <paramref name="rule"/> alone,
    /// accepts <paramref name="query"/> (so the expectation is graphql-js's), then that our rule does (<see cref="ExpectValid"/>).
    /// </summary>
    public static async Task ExpectValidAsGraphqlJs(IValidationRule rule, string query)
    {
        var graphqlJs = await GraphqlJsValidation.ErrorsAsync(rule.Name, query);
        Assert.True(graphqlJs.Count == 0, $"graphql-js's {rule.Name} rejects it:\n  {string.Join("\n  ", graphqlJs)}\n{query}");
        ExpectValid(rule, query);
    }

    /// <summary>
    /// For a rule of graphql-js's <c>specifiedRules</c>: asserts that graphql-js, running <paramref name="rule"/> alone,
    /// reports exactly <paramref name="expected"/> (so the expectation written in the test is graphql-js's), then that our
    /// rule does (<see cref="ExpectErrors"/>).
    /// </summary>
    public static async Task ExpectErrorsAsGraphqlJs(IValidationRule rule, string query, params (string Message, string[] Locations)[] expected)
    {
        Assert.Equal(Describe(expected), await GraphqlJsValidation.ErrorsAsync(rule.Name, query));
        ExpectErrors(rule, query, expected);
    }

    /// <summary>An expected error: message and locations.</summary>
    public static (string Message, string[] Locations) Error(string message, params string[] locations) => (message, locations);

    private static List<string> Describe((string Message, string[] Locations)[] expected) =>
        [.. expected.Select(e => e.Message + " @ " + string.Join(" ", e.Locations))];

    /// <summary>"message @ 1:2 3:4" — one line per error, for readable comparisons.</summary>
    public static string Describe(GraphQLError error) =>
        error.Message + " @ " + string.Join(" ", (error.Locations ?? []).Select(l => $"{l.Line}:{l.Column}"));
}
