using GraphIntel.GraphQL.Types;
using static GraphIntel.GraphQL.Tests.Execution.ExecutionHarness;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>
/// An execution stops as soon as its result outgrows <see cref="GraphQLServiceOptions.MaxResultBytes"/> or its time
/// is up, also while values complete without waiting (everything at hand in memory) — never building the rest.
/// </summary>
public sealed class ResultBoundsTests
{
    private const int ItemCount = 100_000;

    // items: 100,000 objects whose `value` resolver counts its calls (and may move the clock).
    private static Schema Items(Action onValue) =>
        SchemaBuilder.FromSdl("type Query { items: [Item!]! } type Item { value: String! }")
            .BindResolver("Query", "items", _ => new ValueTask<object?>(Enumerable.Range(0, ItemCount).Select(i => (object)i).ToArray()))
            .BindResolver("Item", "value", c =>
            {
                onValue();
                return new ValueTask<object?>("value " + c.Source);
            })
            .Build();

    [Fact]
    public async Task A_result_past_the_byte_limit_stops_execution_with_RESPONSE_TOO_LARGE()
    {
        var calls = 0;
        var service = new GraphQLService(Items(() => calls++), new GraphQLServiceOptions { MaxResultBytes = 200_000 });

        var result = await service.ExecuteAsync(new GraphQLRequest { Query = "{ items { value } }" });

        AssertJson(
            """{"errors":[{"message":"The response is larger than the limit of 200000 bytes and was not sent; select fewer fields, or page through lists with smaller pages.","extensions":{"code":"RESPONSE_TOO_LARGE","limit":200000}}],"data":null}""",
            result.ToJson());
        // The list's brackets and commas take 100,001 bytes; each item at least {"value":"value N"}, 20 more: the
        // remaining 99,999 bytes hold fewer than 5,000 items, so no more values than that were resolved (not 100,000).
        Assert.InRange(calls, 1, 5_000);
    }

    [Fact]
    public async Task A_result_within_the_byte_limit_is_complete()
    {
        var calls = 0;
        var service = new GraphQLService(Items(() => calls++), new GraphQLServiceOptions { MaxResultBytes = 100_000_000 });

        var result = await service.ExecuteAsync(new GraphQLRequest { Query = "{ items { value } }" });

        Assert.Null(result.Errors);
        Assert.Equal(ItemCount, calls);
    }

    [Fact]
    public async Task The_timeout_stops_a_completion_that_never_waits()
    {
        // Every value is at hand, so the executor never yields; each value takes one (manual) second.
        var clock = new ManualTimeProvider();
        var calls = 0;
        var service = new GraphQLService(
            Items(() => { calls++; clock.Advance(TimeSpan.FromSeconds(1)); }),
            new GraphQLServiceOptions { ExecutionTimeout = TimeSpan.FromSeconds(5), TimeProvider = clock });

        var result = await service.ExecuteAsync(new GraphQLRequest { Query = "{ items { value } }" });

        AssertJson(
            """{"errors":[{"message":"Execution exceeded the time limit of 5000 ms and was cancelled.","extensions":{"code":"EXECUTION_TIMEOUT"}}],"data":null}""",
            result.ToJson());
        Assert.Equal(5, calls);
    }
}
