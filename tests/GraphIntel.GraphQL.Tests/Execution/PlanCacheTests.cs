using GraphIntel.GraphQL.Types;
using static GraphIntel.GraphQL.Tests.Execution.ExecutionHarness;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>Cached CollectFields plans must never carry one request's variables into another.</summary>
public sealed class PlanCacheTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("type Query { a: Int b: Int c(x: Int): Int nested: Query }")
        .BindResolver("Query", "a", _ => 1)
        .BindResolver("Query", "b", _ => 2)
        .BindResolver("Query", "c", c => c.GetArgument<int?>("x"))
        .BindResolver("Query", "nested", _ => new object())
        .Build();

    [Fact]
    public async Task Skip_and_include_on_variables_are_evaluated_per_request()
    {
        var service = new GraphQLService(Schema);
        const string query = """
            query($skip: Boolean!, $x: Int) { a @skip(if: $skip) nested { ...F @include(if: $skip) c(x: $x) } }
            fragment F on Query { b }
            """;
        async Task<string> RunAsync(bool skip, long x) =>
            (await service.ExecuteAsync(new GraphQLRequest { Query = query, Variables = Variables(("skip", skip), ("x", x)) })).ToJson();

        AssertJson("""{"data":{"nested":{"b":2,"c":7}}}""", await RunAsync(true, 7));
        AssertJson("""{"data":{"a":1,"nested":{"c":8}}}""", await RunAsync(false, 8));
        AssertJson("""{"data":{"nested":{"b":2,"c":9}}}""", await RunAsync(true, 9));
        Assert.Equal(1, service.CachedDocumentCount);
    }

    [Fact]
    public async Task Constant_arguments_and_literal_skips_are_reused()
    {
        var service = new GraphQLService(Schema);
        const string query = "{ c(x: 3) skipped: a @skip(if: true) nested { c(x: 4) } }";
        for (var i = 0; i < 3; i++)
        {
            var result = await service.ExecuteAsync(new GraphQLRequest { Query = query });
            AssertJson("""{"data":{"c":3,"nested":{"c":4}}}""", result.ToJson());
        }
    }
}
