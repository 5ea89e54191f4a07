using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;
using static GraphIntel.GraphQL.Tests.Execution.ExecutionHarness;

namespace GraphIntel.GraphQL.Tests.Execution;

public sealed class ExecutorTests
{
    private const string Sdl = """
        type Query {
          hero(id: ID = "1"): Person
          people: [Person!]!
          nullable: String
          nonNull: String!
          failing: String
          failingNonNull: String!
          nested: Nested
          number(value: Int!): Int
          echo(text: String = "default"): String
          asyncValue: String
        }
        type Nested { inner: Inner! other: String }
        type Inner { value: String! }
        type Person { id: ID! name: String! friends: [Person] age: Int }
        type Mutation { add(amount: Int!): Int! }
        """;

    public sealed record Person(string Id, string Name, int? Age, string[] FriendIds);

    private static readonly Dictionary<string, Person> People = new()
    {
        ["1"] = new Person("1", "Luke", 19, ["2", "3"]),
        ["2"] = new Person("2", "Leia", 19, ["1"]),
        ["3"] = new Person("3", "Han", null, ["1", "404"]),
    };

    private static Schema BuildSchema(Func<IResolveFieldContext, object?>? nested = null, Counter? counter = null) =>
        SchemaBuilder.FromSdl(Sdl)
            .BindType<Person>("Person")
            .BindResolver("Person", "friends", c => ((Person)c.Source!).FriendIds.Select(id => People.GetValueOrDefault(id)).ToList())
            .BindResolver("Query", "hero", c => People.GetValueOrDefault(c.GetArgument<string>("id")))
            .BindResolver("Query", "people", _ => People.Values)
            .BindResolver("Query", "nullable", _ => null)
            .BindResolver("Query", "nonNull", _ => null)
            .BindResolver("Query", "failing", _ => throw new InvalidOperationException("Boom."))
            .BindResolver("Query", "failingNonNull", _ => throw new InvalidOperationException("Bang."))
            .BindResolver("Query", "nested", nested ?? (_ => new object()))
            .BindResolver("Query", "number", c => c.GetArgument<int>("value"))
            .BindResolver("Query", "echo", c => c.GetArgument<string?>("text"))
            .BindResolver("Query", "asyncValue", async _ =>
            {
                await Task.Yield();
                return "later";
            })
            .BindResolver("Nested", "inner", _ => null)
            .BindResolver("Nested", "other", _ => "other")
            .BindResolver("Inner", "value", _ => "value")
            .BindResolver("Mutation", "add", c => (counter ?? new Counter()).Add(c.GetArgument<int>("amount")))
            .Build();

    public sealed class Counter
    {
        private int _total;
        public List<int> Seen { get; } = [];

        public async Task<int> AddAsync(int amount)
        {
            var before = _total;
            await Task.Delay(1);
            _total = before + amount;
            Seen.Add(_total);
            return _total;
        }

        public int Add(int amount) => AddAsync(amount).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Executes_fields_in_selection_order_with_aliases_and_typename()
    {
        var json = await ExecuteJsonAsync(BuildSchema(), "{ b: hero(id: \"2\") { name __typename } a: hero { id name } }");
        AssertJson("""{"data":{"b":{"name":"Leia","__typename":"Person"},"a":{"id":"1","name":"Luke"}}}""", json);
    }

    [Fact]
    public async Task Merges_fragments_and_inline_fragments_into_one_field()
    {
        var json = await ExecuteJsonAsync(BuildSchema(), """
            query { hero { ...Names ... on Person { id name } friends { ...Names } } }
            fragment Names on Person { name }
            """);
        AssertJson("""{"data":{"hero":{"name":"Luke","id":"1","friends":[{"name":"Leia"},{"name":"Han"}]}}}""", json);
    }

    [Theory]
    [InlineData(true, false, """{"data":{"hero":{"id":"1"}}}""")]
    [InlineData(false, false, """{"data":{"hero":{"id":"1","name":"Luke"}}}""")]
    [InlineData(false, true, """{"data":{"hero":{"id":"1","name":"Luke","age":19}}}""")]
    public async Task Skip_and_include_follow_variables(bool skip, bool include, string expected)
    {
        var json = await ExecuteJsonAsync(
            BuildSchema(),
            "query($skip: Boolean!, $include: Boolean!) { hero { id name @skip(if: $skip) age @include(if: $include) } }",
            Variables(("skip", skip), ("include", include)));
        AssertJson(expected, json);
    }

    [Fact]
    public async Task Null_in_a_nullable_field_is_just_null()
    {
        AssertJson("""{"data":{"nullable":null}}""", await ExecuteJsonAsync(BuildSchema(), "{ nullable }"));
    }

    [Fact]
    public async Task Null_in_a_non_null_root_field_nulls_the_data_with_a_located_error()
    {
        var json = await ExecuteJsonAsync(BuildSchema(), "{ nullable\n  nonNull }");
        AssertJson(
            """{"errors":[{"message":"Cannot return null for non-nullable field Query.nonNull.","locations":[{"line":2,"column":3}],"path":["nonNull"]}],"data":null}""",
            json);
    }

    [Fact]
    public async Task Null_propagates_to_the_nearest_nullable_parent()
    {
        var json = await ExecuteJsonAsync(BuildSchema(), "{ nested { other inner { value } } nullable }");
        AssertJson(
            """{"errors":[{"message":"Cannot return null for non-nullable field Nested.inner.","locations":[{"line":1,"column":18}],"path":["nested","inner"]}],"data":{"nested":null,"nullable":null}}""",
            json);
    }

    [Fact]
    public async Task Resolver_exceptions_become_field_errors_with_path()
    {
        var json = await ExecuteJsonAsync(BuildSchema(), "{ failing nullable }");
        AssertJson(
            """{"errors":[{"message":"Boom.","locations":[{"line":1,"column":3}],"path":["failing"]}],"data":{"failing":null,"nullable":null}}""",
            json);
    }

    [Fact]
    public async Task Exception_in_non_null_field_propagates_once()
    {
        var json = await ExecuteJsonAsync(BuildSchema(), "{ failingNonNull }");
        AssertJson("""{"errors":[{"message":"Bang.","locations":[{"line":1,"column":3}],"path":["failingNonNull"]}],"data":null}""", json);
    }

    [Fact]
    public async Task Null_list_items_of_nullable_type_stay_null_and_paths_carry_indices()
    {
        var json = await ExecuteJsonAsync(BuildSchema(), "{ hero(id: \"3\") { friends { name } } }");
        AssertJson("""{"data":{"hero":{"friends":[{"name":"Luke"},null]}}}""", json);
    }

    [Fact]
    public async Task Error_inside_list_item_has_index_in_path()
    {
        var schema = SchemaBuilder.FromSdl("type Query { items: [Item] } type Item { value: Int! }")
            .BindResolver("Query", "items", _ => new object?[] { 1, 2.5, 3 })
            .BindResolver("Item", "value", c => c.Source)
            .Build();
        var json = await ExecuteJsonAsync(schema, "{ items { value } }");
        AssertJson(
            """{"errors":[{"message":"Int cannot represent non-integer value: 2.5","locations":[{"line":1,"column":11}],"path":["items",1,"value"]}],"data":{"items":[{"value":1},null,{"value":3}]}}""",
            json);
    }

    [Fact]
    public async Task Non_iterable_for_list_field_is_an_error()
    {
        var schema = SchemaBuilder.FromSdl("type Query { list: [Int] }").BindResolver("Query", "list", _ => "not a list").Build();
        var json = await ExecuteJsonAsync(schema, "{ list }");
        AssertJson(
            """{"errors":[{"message":"Expected Iterable, but did not find one for field \"Query.list\".","locations":[{"line":1,"column":3}],"path":["list"]}],"data":{"list":null}}""",
            json);
    }

    [Fact]
    public async Task Arguments_use_literals_variables_and_defaults()
    {
        var schema = BuildSchema();
        AssertJson("""{"data":{"a":42,"b":7,"c":"default","d":null}}""", await ExecuteJsonAsync(
            schema, "query($n: Int!) { a: number(value: 42) b: number(value: $n) c: echo d: echo(text: null) }", Variables(("n", 7L))));
    }

    [Fact]
    public async Task Async_resolvers_complete()
    {
        AssertJson("""{"data":{"asyncValue":"later","nullable":null}}""", await ExecuteJsonAsync(BuildSchema(), "{ asyncValue nullable }"));
    }

    [Fact]
    public async Task Mutation_root_fields_run_serially_in_document_order()
    {
        var counter = new Counter();
        var schema = SchemaBuilder.FromSdl(Sdl).UseDefaultFieldResolver()
            .BindResolver("Mutation", "add", c => counter.AddAsync(c.GetArgument<int>("amount")))
            .Build();
        var json = await ExecuteJsonAsync(schema, "mutation { first: add(amount: 1) second: add(amount: 10) third: add(amount: 100) }");
        AssertJson("""{"data":{"first":1,"second":11,"third":111}}""", json);
        Assert.Equal([1, 11, 111], counter.Seen);
    }

    [Fact]
    public async Task Query_fields_start_before_earlier_siblings_finish()
    {
        var firstRelease = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = false;
        var schema = SchemaBuilder.FromSdl("type Query { first: String second: String }")
            .BindResolver("Query", "first", _ => new ValueTask<object?>(firstRelease.Task))
            .BindResolver("Query", "second", _ =>
            {
                secondStarted = true;
                firstRelease.SetResult("released by second");
                return "second";
            })
            .Build();
        var json = await ExecuteJsonAsync(schema, "{ first second }");
        Assert.True(secondStarted);
        AssertJson("""{"data":{"first":"released by second","second":"second"}}""", json);
    }

    [Fact]
    public async Task Result_maps_are_ordered_and_enumerable()
    {
        var result = await ExecuteAsync(BuildSchema(), "{ hero { name id } }");
        var hero = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result.Data!["hero"]);
        Assert.Equal(["name", "id"], hero.Keys);
        Assert.Null(result.Errors);
    }

    [Fact]
    public async Task A_task_returned_as_a_value_is_a_clear_field_error()
    {
        var schema = SchemaBuilder.FromSdl("type Query { value: Int }")
            .BindResolver("Query", "value", (FieldResolver)(_ => new ValueTask<object?>((object)Task.FromResult(1))))
            .Build();
        var result = await ExecuteAsync(schema, "{ value }");
        Assert.StartsWith("The resolver of Query.value returned a Task as the field's value;", Assert.Single(result.Errors!).Message);
    }
}
