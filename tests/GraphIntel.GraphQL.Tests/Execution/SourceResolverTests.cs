using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;
using static GraphIntel.GraphQL.Tests.Execution.ExecutionHarness;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>
/// Context-free resolvers (<see cref="SchemaBuilder.BindSourceResolver{TSource}"/>, and a resolver behind a first try
/// from the parent value) and the response paths the executor makes only on demand: in errors and for resolvers that
/// ask for theirs, at every depth of objects and lists.
/// </summary>
public sealed class SourceResolverTests
{
    private const string Sdl = """
        type Query { book: Book shelf: [Book!]! wrong: Book matrix: [[Cell]] }
        type Book { title: String! shout: String! author: Author chapters: [Chapter!]! }
        type Author { name: String! }
        type Chapter { number: Int! where: String! bad: Int }
        type Cell { where: String! bad: Int! }
        """;

    private sealed record Book(string Title, string AuthorId, int Chapters);

    private sealed record Chapter(int Number);

    private sealed record Cell(int Row, int Column);

    private sealed class Authors
    {
        public Dictionary<string, string> InMemory { get; } = new() { ["a1"] = "Ursula" };

        public int ResolverCalls { get; set; }
    }

    private static Schema BuildSchema(Authors authors) =>
        SchemaBuilder.FromSdl(Sdl)
            .BindResolver("Query", "book", _ => new Book("Earthsea", "a1", 2))
            .BindResolver("Query", "shelf", _ => new[] { new Book("Earthsea", "a1", 1), new Book("Tehanu", "a2", 3) })
            .BindResolver("Query", "wrong", _ => "not a book")
            .BindResolver("Query", "matrix", _ => new[] { new[] { new Cell(0, 0) }, new[] { new Cell(1, 0), new Cell(1, 1) } })
            .BindSourceResolver<Book>("Book", "title", book => book.Title)
            .BindSourceResolver<Book>("Book", "shout", book => book.Title.ToUpperInvariant() + "!")
            .BindResolver("Book", "author",
                (Book book, out object? author) =>
                {
                    var found = authors.InMemory.TryGetValue(book.AuthorId, out var name);
                    author = name;
                    return found;
                },
                c =>
                {
                    authors.ResolverCalls++;
                    return new ValueTask<object?>("Loaded " + ((Book)c.Source!).AuthorId);
                })
            .BindSourceResolver<string>("Author", "name", name => name)
            .BindSourceResolver<Book>("Book", "chapters", book => Enumerable.Range(1, book.Chapters).Select(n => new Chapter(n)).ToList())
            .BindSourceResolver<Chapter>("Chapter", "number", chapter => chapter.Number)
            .BindResolver("Chapter", "where", c => c.Path.ToString())
            .BindSourceResolver<Chapter>("Chapter", "bad", chapter => chapter.Number == 3 ? throw new InvalidOperationException("Torn page.") : chapter.Number)
            .BindResolver("Cell", "where", c => c.Path.ToString())
            .BindSourceResolver<Cell>("Cell", "bad", cell => cell.Column == 1 ? null : cell.Row)
            .Build();

    [Fact]
    public async Task A_source_resolver_answers_from_the_parent_value()
    {
        var json = await ExecuteJsonAsync(BuildSchema(new Authors()), "{ book { title shout } }");
        AssertJson("""{"data":{"book":{"title":"Earthsea","shout":"EARTHSEA!"}}}""", json);
    }

    [Fact]
    public async Task A_parent_of_another_type_is_a_field_error_naming_both_types()
    {
        var json = await ExecuteJsonAsync(BuildSchema(new Authors()), "{ wrong { title } }");
        AssertJson(
            """{"errors":[{"message":"Field Book.title reads a Book, but the parent value is a String.","locations":[{"line":1,"column":11}],"path":["wrong","title"]}],"data":{"wrong":null}}""",
            json);
    }

    [Fact]
    public async Task The_first_try_answers_without_calling_the_resolver_and_the_resolver_answers_the_rest()
    {
        var authors = new Authors();
        var json = await ExecuteJsonAsync(BuildSchema(authors), "{ shelf { author { name } } }");

        AssertJson("""{"data":{"shelf":[{"author":{"name":"Ursula"}},{"author":{"name":"Loaded a2"}}]}}""", json);
        Assert.Equal(1, authors.ResolverCalls);
    }

    [Fact]
    public async Task A_resolver_asking_for_its_path_gets_it_through_lists_and_objects()
    {
        var json = await ExecuteJsonAsync(BuildSchema(new Authors()), "{ shelf { chapters { where } } matrix { where } }");
        AssertJson(
            """
            {"data":{
              "shelf":[{"chapters":[{"where":"shelf[0].chapters[0].where"}]},
                       {"chapters":[{"where":"shelf[1].chapters[0].where"},{"where":"shelf[1].chapters[1].where"},{"where":"shelf[1].chapters[2].where"}]}],
              "matrix":[[{"where":"matrix[0][0].where"}],[{"where":"matrix[1][0].where"},{"where":"matrix[1][1].where"}]]}}
            """,
            json);
    }

    [Fact]
    public async Task Errors_below_lists_carry_the_full_path()
    {
        var json = await ExecuteJsonAsync(BuildSchema(new Authors()), "{ shelf { chapters { bad } } matrix { bad } }");
        AssertJson(
            """
            {"errors":[
              {"message":"Torn page.","locations":[{"line":1,"column":22}],"path":["shelf",1,"chapters",2,"bad"]},
              {"message":"Cannot return null for non-nullable field Cell.bad.","locations":[{"line":1,"column":39}],"path":["matrix",1,1,"bad"]}],
             "data":{"shelf":[{"chapters":[{"bad":1}]},{"chapters":[{"bad":1},{"bad":2},{"bad":null}]}],
                     "matrix":[[{"bad":0}],[{"bad":1},null]]}}
            """,
            json);
    }

    [Fact]
    public void Binding_a_source_resolver_to_an_unknown_field_is_a_schema_error()
    {
        var error = Assert.Throws<SchemaValidationException>(() =>
            SchemaBuilder.FromSdl("type Query { a: String }").BindSourceResolver<string>("Query", "b", s => s).Build());
        Assert.Contains("BindResolver(\"Query\", \"b\"): field \"Query.b\" is not defined in the schema.", error.Message);
    }
}
