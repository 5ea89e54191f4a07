using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>
/// Response keys are encoded once per selection plan and written from there: the JSON must carry each object's own
/// keys (field names and aliases), in selection order, whichever plan (cached or not) produced the object.
/// </summary>
public sealed class ResponseKeyWritingTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("type Query { name: String n: Int self: Query list: [Query] }")
        .BindResolver("Query", "name", _ => "q")
        .BindResolver("Query", "n", _ => 1)
        .BindResolver("Query", "self", _ => new object())
        .BindResolver("Query", "list", _ => new object[] { new(), new() })
        .Build();

    [Fact]
    public async Task Aliases_and_field_names_are_written_exactly_per_object()
    {
        var service = new GraphQLService(Schema);
        const string query = "{ _a1: name n self { B_2: n name } list { x: n __typename } z9: self { self { n } } }";
        const string expected =
            """{"data":{"_a1":"q","n":1,"self":{"B_2":1,"name":"q"},"list":[{"x":1,"__typename":"Query"},{"x":1,"__typename":"Query"}],"z9":{"self":{"n":1}}}}""";

        // Twice: the second run writes from the cached plans.
        for (var run = 0; run < 2; run++)
        {
            var result = await service.ExecuteAsync(new GraphQLRequest { Query = query });
            Assert.Equal(expected, result.ToJson());
        }
    }
}
