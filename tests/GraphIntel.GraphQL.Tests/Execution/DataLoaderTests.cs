using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;
using static GraphIntel.GraphQL.Tests.Execution.ExecutionHarness;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>Batched loading: the keys of a whole level reach the batch function in one call, whatever the list length.</summary>
public sealed class DataLoaderTests
{
    private const string Sdl = """
        type Query { people(count: Int!): [Person!]! }
        type Person { id: Int! name: String! bestFriend: Person friends: [Person!]! }
        """;

    /// <summary>A fake store: person n is named "P{n}", their best friend is n+1, their friends are n+1 and n+2.</summary>
    private sealed class Store
    {
        public List<IReadOnlyList<int>> NameBatches { get; } = [];

        public List<IReadOnlyList<int>> FriendBatches { get; } = [];

        public async Task<IReadOnlyDictionary<int, string>> LoadNamesAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
        {
            lock (NameBatches)
            {
                NameBatches.Add(ids.ToArray());
            }
            await Task.Yield(); // a real round trip completes on another thread
            return ids.ToDictionary(id => id, id => "P" + id);
        }

        public async Task<IReadOnlyDictionary<int, int[]>> LoadFriendsAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
        {
            lock (FriendBatches)
            {
                FriendBatches.Add(ids.ToArray());
            }
            await Task.Delay(1, cancellationToken);
            return ids.ToDictionary(id => id, id => new[] { id + 1, id + 2 });
        }
    }

    private static Schema BuildSchema(Store store) =>
        SchemaBuilder.FromSdl(Sdl)
            .BindResolver("Query", "people", c => Enumerable.Range(1, c.GetArgument<int>("count")).Cast<object>().ToList())
            .BindResolver("Person", "id", c => c.Source)
            .BindResolver("Person", "name", async c =>
                await c.GetDataLoader<int, string>("names", store.LoadNamesAsync).LoadAsync((int)c.Source!))
            .BindResolver("Person", "bestFriend", c => (int)c.Source! + 1)
            .BindResolver("Person", "friends", async c =>
                await c.GetDataLoader<int, int[]>("friends", store.LoadFriendsAsync).LoadAsync((int)c.Source!))
            .Build();

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(250)]
    public async Task A_list_of_N_objects_costs_one_batch_call(int count)
    {
        var store = new Store();
        var result = await ExecuteAsync(BuildSchema(store), "query($n: Int!) { people(count: $n) { name } }", Variables(("n", count)));

        Assert.Null(result.Errors);
        var batch = Assert.Single(store.NameBatches);
        Assert.Equal(Enumerable.Range(1, count), batch);
        var people = Assert.IsAssignableFrom<IReadOnlyList<object?>>(result.Data!["people"]);
        Assert.Equal("P" + count, ((IReadOnlyDictionary<string, object?>)people[count - 1]!)["name"]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public async Task Nested_levels_cost_a_constant_number_of_calls(int count)
    {
        var store = new Store();
        var result = await ExecuteAsync(
            BuildSchema(store),
            "query($n: Int!) { people(count: $n) { name friends { name bestFriend { name } friends { name } } } }",
            Variables(("n", count)));

        Assert.Null(result.Errors);
        // friends: level 1 and level 2; names: level 1, friends' names together with friends' best friends, then level 3.
        Assert.Equal(2, store.FriendBatches.Count);
        Assert.Equal(3, store.NameBatches.Count);
        Assert.Equal(Enumerable.Range(1, count), store.FriendBatches[0]);
        // Every person 1..count+4 appears at some level and is fetched exactly once.
        Assert.Equal(Enumerable.Range(1, count + 4), store.NameBatches.SelectMany(b => b).Order());
    }

    [Fact]
    public async Task Repeated_keys_are_loaded_once_per_request()
    {
        var store = new Store();
        await ExecuteAsync(BuildSchema(store), "{ people(count: 3) { name again: name friends { name } } }");
        var allNames = store.NameBatches.SelectMany(b => b).ToList();
        Assert.Equal(allNames.Distinct().Count(), allNames.Count);
    }

    [Fact]
    public async Task A_failing_batch_fails_each_field_that_waited_on_it()
    {
        var schema = SchemaBuilder.FromSdl("type Query { items: [Item] } type Item { value: String }")
            .BindResolver("Query", "items", _ => new object[] { 1, 2 })
            .BindResolver("Item", "value", async c => await c.GetDataLoader<int, string>(
                "failing", (_, _) => Task.FromException<IReadOnlyDictionary<int, string>>(new TimeoutException("The store did not answer."))).LoadAsync((int)c.Source!))
            .Build();
        var json = await ExecuteJsonAsync(schema, "{ items { value } }");
        AssertJson(
            """
            {"errors":[
              {"message":"The store did not answer.","locations":[{"line":1,"column":11}],"path":["items",0,"value"]},
              {"message":"The store did not answer.","locations":[{"line":1,"column":11}],"path":["items",1,"value"]}],
             "data":{"items":[{"value":null},{"value":null}]}}
            """,
            json);
    }

    [Fact]
    public async Task Keys_missing_from_the_batch_result_load_as_null()
    {
        var schema = SchemaBuilder.FromSdl("type Query { items: [Item] } type Item { value: String }")
            .BindResolver("Query", "items", _ => new object[] { 1, 2 })
            .BindResolver("Item", "value", async c => await c.GetDataLoader<int, string>(
                "partial", (_, _) => Task.FromResult<IReadOnlyDictionary<int, string>>(new Dictionary<int, string> { [2] = "two" })).LoadAsync((int)c.Source!))
            .Build();
        AssertJson("""{"data":{"items":[{"value":null},{"value":"two"}]}}""", await ExecuteJsonAsync(schema, "{ items { value } }"));
    }
}
