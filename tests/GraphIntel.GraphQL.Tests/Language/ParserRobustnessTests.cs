using GraphIntel.GraphQL.Tests.Conformance;
using GraphIntel.Testing.Fuzz;

namespace GraphIntel.GraphQL.Tests.Language;

/// <summary>
/// Broken documents — seeded mutations of the kitchen sinks (so reproducible) and every prefix of the query kitchen
/// sink — must each parse (and then print to a fixed point) or fail with a <c>GraphQLSyntaxException</c> located at
/// its position; no other exception may escape, the whole batch must finish within a time bound (a parser that loops
/// fails the test instead of hanging it), and graphql-js must accept the same documents and refuse the others at the
/// same line and column (tests/conformance/parse-oracle.mjs).
/// </summary>
public sealed class ParserRobustnessTests
{
    /// <summary>Parsing a batch of a few hundred kitchen-sink-sized documents takes milliseconds; this is a hang.</summary>
    private static readonly TimeSpan BatchBound = TimeSpan.FromSeconds(30);

    private static readonly string[] Fragments =
    [
        "{", "}", "(", ")", "[", "]", ":", "=", "@", "$", "!", "&", "|", ".", "...", "\"", "\"\"\"", "\\", "\\u", "\\u{",
        " ", "\n", "\r", "\t", ",", "#", "-", "+", "e", "0", "7", "x", "_", "on ", "query ", "extend ", "fragment ",
        "\u00e9", "\U0001F600", "\u2028", "\uFEFF", "\uD800",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Mutated_documents_parse_or_fail_with_a_located_syntax_error_as_graphql_js_does(int seed)
    {
        var random = new Random(seed);
        string[] originals = [KitchenSink.Query, KitchenSink.Schema];
        var documents = Enumerable.Range(0, 500).Select(i => Mutate(originals[i % originals.Length], random)).ToArray();
        await AssertRobustAsync(documents);
    }

    [Fact]
    public async Task Every_prefix_of_the_kitchen_sink_parses_or_fails_with_a_located_syntax_error_as_graphql_js_does()
    {
        var documents = Enumerable.Range(0, KitchenSink.Query.Length + 1).Select(length => KitchenSink.Query[..length]).ToArray();
        // Most prefixes are refused; the empty one included ("Syntax Error: Unexpected <EOF>." in graphql-js too).
        await AssertRobustAsync(documents);
    }

    private static async Task AssertRobustAsync(IReadOnlyList<string> documents)
    {
        var checking = Task.Run(() => documents
            .Select(text => ParserProperties.ParsesOrFailsWithALocatedSyntaxError(text) is { } failure
                ? $"{failure}\n  document: {System.Text.Json.JsonSerializer.Serialize(text)}"
                : null)
            .OfType<string>()
            .ToList());
        Assert.True(await Task.WhenAny(checking, Task.Delay(BatchBound)) == checking,
            $"parsing {documents.Count} documents did not finish within {BatchBound}");
        var failures = await checking;
        Assert.True(failures.Count == 0, $"{failures.Count} of {documents.Count} documents:\n" + string.Join("\n", failures.Take(10)));

        var differences = await GraphqlJsParse.DifferencesAsync(documents);
        Assert.True(differences.Count == 0, $"{differences.Count} of {documents.Count} documents differ from graphql-js:\n" + string.Join("\n", differences.Take(10)));
    }

    private static string Mutate(string text, Random random)
    {
        for (var edits = random.Next(1, 5); edits > 0; edits--)
        {
            var position = random.Next(text.Length + 1);
            var choice = random.Next(3);
            if (choice == 0)
            {
                text = text.Insert(position, Fragments[random.Next(Fragments.Length)]);
            }
            else if (choice == 1)
            {
                text = text.Remove(position, Math.Min(random.Next(1, 6), text.Length - position));
            }
            else
            {
                var length = Math.Min(random.Next(1, 40), text.Length - position);
                text = text.Insert(position, text.Substring(position, length));
            }
        }
        return text;
    }
}
