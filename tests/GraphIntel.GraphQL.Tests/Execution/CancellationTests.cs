using GraphIntel.GraphQL.Types;
using static GraphIntel.GraphQL.Tests.Execution.ExecutionHarness;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>The execution timeout and the caller's cancellation token.</summary>
public sealed class CancellationTests
{
    private static Schema BuildSchema(TaskCompletionSource<CancellationToken> tokenSeen) =>
        SchemaBuilder.FromSdl("type Query { slow: String stuck: String }")
            .BindResolver("Query", "slow", async c =>
            {
                tokenSeen.TrySetResult(c.CancellationToken);
                await Task.Delay(Timeout.Infinite, c.CancellationToken);
                return "never";
            })
            .BindResolver("Query", "stuck", _ => new ValueTask<object?>(new TaskCompletionSource<object?>().Task))
            .Build();

    [Theory]
    [InlineData("{ slow }")]
    [InlineData("{ stuck }")]
    public async Task The_execution_timeout_ends_the_request_with_a_clear_error(string query)
    {
        var clock = new ManualTimeProvider();
        var service = new GraphQLService(
            BuildSchema(new TaskCompletionSource<CancellationToken>()),
            new GraphQLServiceOptions { ExecutionTimeout = TimeSpan.FromSeconds(5), TimeProvider = clock });

        var execution = service.ExecuteAsync(new GraphQLRequest { Query = query });
        Assert.False(execution.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(5));
        var result = await execution;

        AssertJson(
            """{"errors":[{"message":"Execution exceeded the time limit of 5000 ms and was cancelled.","extensions":{"code":"EXECUTION_TIMEOUT"}}],"data":null}""",
            result.ToJson());
    }

    [Fact]
    public async Task Resolvers_see_the_request_token_and_caller_cancellation_throws()
    {
        var tokenSeen = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var caller = new CancellationTokenSource();
        var service = new GraphQLService(BuildSchema(tokenSeen), new GraphQLServiceOptions { ExecutionTimeout = null });

        var execution = service.ExecuteAsync(new GraphQLRequest { Query = "{ slow }" }, caller.Token);
        var token = await tokenSeen.Task;
        Assert.False(token.IsCancellationRequested);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => execution);
        Assert.True(token.IsCancellationRequested);
    }
}
