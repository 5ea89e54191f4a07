using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Tests.Language;

/// <summary>
/// Mutated documents (seeded, so reproducible) must either parse — and then print to a fixed point — or fail with a
/// located syntax error; nothing else may escape the parser.
/// </summary>
public sealed class ParserRobustnessTests
{
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
    public void Mutated_documents_parse_or_fail_with_a_located_syntax_error(int seed)
    {
        var random = new Random(seed);
        string[] documents = [KitchenSink.Query, KitchenSink.Schema];
        for (var i = 0; i < 500; i++)
        {
            var text = Mutate(documents[i % documents.Length], random);
            DocumentNode document;
            try
            {
                document = Parser.Parse(text);
            }
            catch (GraphQLSyntaxException e)
            {
                var location = Assert.Single(e.Errors[0].Locations!);
                Assert.InRange(e.Position, 0, text.Length);
                Assert.Equal(new Source(text).GetLocation(e.Position), location);
                continue;
            }
            var printed = Printer.Print(document);
            Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
        }
    }

    [Fact]
    public void Every_prefix_of_the_kitchen_sink_parses_or_fails_with_a_syntax_error()
    {
        for (var length = 0; length <= KitchenSink.Query.Length; length++)
        {
            try
            {
                Parser.Parse(KitchenSink.Query[..length]);
            }
            catch (GraphQLSyntaxException)
            {
            }
        }
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
