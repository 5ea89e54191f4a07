using System.Text.Json;
using GraphIntel.GraphQL.Types;
using static GraphIntel.GraphQL.Tests.Execution.ExecutionHarness;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>The request pipeline: document cache, parse, validate, operation selection, variables, execute.</summary>
public sealed class GraphQLServiceTests
{
    private const string Sdl = "type Query { a: Int b(x: Int!): Int } type Mutation { m: Int }";

    private static Schema BuildSchema() => SchemaBuilder.FromSdl(Sdl)
        .BindResolver("Query", "a", _ => 1)
        .BindResolver("Query", "b", c => c.GetArgument<int>("x"))
        .BindResolver("Mutation", "m", _ => 2)
        .Build();

    private static async Task<string> RunAsync(GraphQLService service, string? query, string? operationName = null) =>
        (await service.ExecuteAsync(new GraphQLRequest { Query = query, OperationName = operationName })).ToJson();

    [Fact]
    public async Task Selects_operations_by_name_with_graphql_js_messages()
    {
        const string document = "query A { a } query B { b(x: 5) }";
        string?[] operationNames = [null, "C", "B", "A"];
        // The same schema in graphql-js: a answers 1, b its argument x (execute-oracle.mjs).
        var expected = await GraphqlJsResponsesAsync(new
        {
            sdl = Sdl,
            root = new { a = 1 },
            echo = new Dictionary<string, string[]> { ["b"] = ["x"] },
            queries = operationNames.Select(name => new { query = document, operationName = name }),
        });
        var service = new GraphQLService(BuildSchema());
        for (var i = 0; i < operationNames.Length; i++) AssertJson(expected[i], await RunAsync(service, document, operationNames[i]));
    }

    [Fact]
    public async Task Request_errors_have_no_data_entry()
    {
        var service = new GraphQLService(BuildSchema());
        AssertJson("""{"errors":[{"message":"Must provide query string."}]}""", await RunAsync(service, null));
        var syntax = JsonDocument.Parse(await RunAsync(service, "{ a"));
        Assert.False(syntax.RootElement.TryGetProperty("data", out _));
        Assert.StartsWith("Syntax Error:", syntax.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
        var invalid = JsonDocument.Parse(await RunAsync(service, "{ nope }"));
        Assert.False(invalid.RootElement.TryGetProperty("data", out _));
        Assert.Equal("Cannot query field \"nope\" on type \"Query\".", invalid.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Valid_documents_are_cached_by_text_and_invalid_ones_are_not()
    {
        var service = new GraphQLService(BuildSchema(), new GraphQLServiceOptions { DocumentCacheSize = 2 });
        await RunAsync(service, "{ a }");
        await RunAsync(service, "{ a }");
        Assert.Equal(1, service.CachedDocumentCount);
        await RunAsync(service, "{ nope }");
        Assert.Equal(1, service.CachedDocumentCount);
        var first = service.Prepare(new GraphQLRequest { Query = "{ a }" });
        var second = service.Prepare(new GraphQLRequest { Query = "{ a }" });
        Assert.Same(first.Document, second.Document);
        await RunAsync(service, "{ b(x: 1) }");
        await RunAsync(service, "{ b(x: 2) }");
        Assert.Equal(2, service.CachedDocumentCount);
        Assert.NotSame(first.Document, service.Prepare(new GraphQLRequest { Query = "{ a }" }).Document);
    }

    [Fact]
    public void Prepare_tells_mutations_before_execution()
    {
        var service = new GraphQLService(BuildSchema());
        var mutation = service.Prepare(new GraphQLRequest { Query = "mutation { m }" });
        Assert.True(mutation.IsValid);
        Assert.True(mutation.IsMutation);
        Assert.False(service.Prepare(new GraphQLRequest { Query = "{ a }" }).IsMutation);
        var invalid = service.Prepare(new GraphQLRequest { Query = "{" });
        Assert.False(invalid.IsValid);
        Assert.Null(invalid.Operation);
    }

    [Fact]
    public async Task Executes_a_prepared_request_with_its_variables()
    {
        var service = new GraphQLService(BuildSchema());
        var request = new GraphQLRequest { Query = "query($x: Int!) { b(x: $x) }", Variables = Variables(("x", 41L)) };
        var result = await service.ExecuteAsync(service.Prepare(request), request);
        AssertJson("""{"data":{"b":41}}""", result.ToJson());
    }

    [Fact]
    public void FromJson_reads_the_request_shape_and_rejects_wrong_types()
    {
        using var json = JsonDocument.Parse("""{"query":"{ a }","operationName":null,"variables":{"x":1,"y":[1.5,"s",true,null],"z":{"k":"v"}},"extensions":{"e":1}}""");
        var request = GraphQLRequest.FromJson(json.RootElement);
        Assert.Equal("{ a }", request.Query);
        Assert.Null(request.OperationName);
        Assert.Equal(1L, Assert.IsType<long>(request.Variables!["x"]));
        Assert.Equal(new List<object?> { 1.5, "s", true, null }, request.Variables["y"]);
        Assert.Equal("v", ((IReadOnlyDictionary<string, object?>)request.Variables["z"]!)["k"]);
        Assert.Equal(1L, Assert.IsType<long>(request.Extensions!["e"]));

        using var bad = JsonDocument.Parse("""{"query":"{ a }","variables":[1]}""");
        Assert.Equal("The request's \"variables\" must be an object or null, not an array.",
            Assert.Throws<FormatException>(() => GraphQLRequest.FromJson(bad.RootElement)).Message);
    }

    [Fact]
    public async Task Unsupported_operation_types_are_execution_errors()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: Int }").BindResolver("Query", "a", _ => 1).Build();
        var result = await new GraphQLService(schema).ExecuteAsync(new GraphQLRequest { Query = "mutation { a }" });
        AssertJson(
            """{"errors":[{"message":"Schema is not configured to execute mutation operation.","locations":[{"line":1,"column":1}]}],"data":null}""",
            result.ToJson());
    }
}
