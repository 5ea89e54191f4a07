using System.Text;
using System.Text.Json;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Tests.Language;

public sealed class GraphQLErrorTests
{
    private static string Json(GraphQLError error)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            error.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Writes_only_the_message_when_nothing_else_is_known()
    {
        Assert.Equal("{\"message\":\"Boom.\"}", Json(new GraphQLError("Boom.")));
    }

    [Fact]
    public void Writes_locations_path_and_extensions_in_the_spec_shape()
    {
        var error = new GraphQLError(
            "Cannot return null.",
            [new SourceLocation(2, 3), new SourceLocation(4, 5)],
            ["groups", 1, "name"],
            new Dictionary<string, object?>
            {
                ["code"] = "STORE_UNAVAILABLE",
                ["retryable"] = true,
                ["attempts"] = 3,
                ["detail"] = new Dictionary<string, object?> { ["store"] = "neo4j", ["ids"] = new[] { "a", "b" } },
                ["nothing"] = null,
                ["counts"] = new Dictionary<string, int> { ["groups"] = 2 },
            });
        Assert.Equal(
            "{\"message\":\"Cannot return null.\",\"locations\":[{\"line\":2,\"column\":3},{\"line\":4,\"column\":5}],"
            + "\"path\":[\"groups\",1,\"name\"],\"extensions\":{\"code\":\"STORE_UNAVAILABLE\",\"retryable\":true,\"attempts\":3,"
            + "\"detail\":{\"store\":\"neo4j\",\"ids\":[\"a\",\"b\"]},\"nothing\":null,\"counts\":{\"groups\":2}}}",
            Json(error));
        Assert.Equal(Json(error), error.ToJson());
    }

    [Fact]
    public void Takes_locations_from_nodes()
    {
        var document = Parser.Parse("{\n  a\n  b\n}");
        var fields = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        var error = new GraphQLError("Conflict.", [fields[0], fields[1]]);
        Assert.Equal([new SourceLocation(2, 3), new SourceLocation(3, 3)], error.Locations);
        Assert.Same(fields[0], error.Nodes![0]);
        Assert.Equal("Conflict. (2:3) (3:3)", error.ToString());
    }

    [Fact]
    public void Nodes_without_locations_give_no_locations()
    {
        var error = new GraphQLError("No place.", [new NameNode { Value = "x" }]);
        Assert.Null(error.Locations);
        Assert.Equal("{\"message\":\"No place.\"}", Json(error));
    }

    [Fact]
    public void Rejects_path_segments_that_are_neither_string_nor_int()
    {
        var error = new GraphQLError("Bad path.", path: ["a", 1.5]);
        var failure = Assert.Throws<InvalidOperationException>(() => Json(error));
        Assert.Contains("path segment 1 is a Double", failure.Message);
    }

    [Fact]
    public void WithPath_keeps_everything_else()
    {
        var cause = new TimeoutException("slow");
        var error = new GraphQLError("Timed out.", [new SourceLocation(1, 2)]) { OriginalError = cause }.WithPath(["a"]);
        Assert.Equal(["a"], error.Path!);
        Assert.Equal([new SourceLocation(1, 2)], error.Locations);
        Assert.Same(cause, error.OriginalError);
    }

    [Fact]
    public void GraphQLException_carries_its_errors()
    {
        var single = new GraphQLException(new GraphQLError("One."));
        Assert.Equal("One.", single.Message);
        Assert.Single(single.Errors);

        var several = new GraphQLException([new GraphQLError("First."), new GraphQLError("Second.")]);
        Assert.Equal("First. (and 1 more errors)", several.Message);
        Assert.Equal(2, several.Errors.Count);
        Assert.Throws<ArgumentException>(() => new GraphQLException(Array.Empty<GraphQLError>()));
    }

    [Fact]
    public void Source_computes_line_and_column_across_all_line_terminators()
    {
        var source = new Source("a\nb\r\nc\rd");
        Assert.Equal(new SourceLocation(1, 1), source.GetLocation(0));
        Assert.Equal(new SourceLocation(2, 1), source.GetLocation(2));
        Assert.Equal(new SourceLocation(3, 1), source.GetLocation(5));
        Assert.Equal(new SourceLocation(4, 1), source.GetLocation(7));
        Assert.Equal(new SourceLocation(4, 2), source.GetLocation(8));
        Assert.Equal("GraphQL request", source.Name);
    }
}
