using GraphIntel.Api.Tests.Support;
using GraphIntel.Graph.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphIntel.Api.Tests;

public sealed class CountingStoreHost : ApiHost
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IGraphStore>(sp => new CountingStore(Graph.Stores.GraphStoreFactory.Create(sp.GetRequiredService<Graph.Stores.GraphStoreOptions>())));

    public CountingStore Counter => (CountingStore)Store;
}

/// <summary>A list of N organizations with their leaders, umbrella ties and citations costs the same store calls for any N.</summary>
public sealed class BatchingTests(CountingStoreHost api) : IClassFixture<CountingStoreHost>
{
    private const string Dashboard = """
        query($n: Int!) { organizations(first: $n) { totalCount edges { node {
          id name aliases organizationKind founded
          leaders { person { name } from to endReason citations { source { title } quote } }
          umbrella { type to { id name } status citations { source { title } quote } }
          subgroups { from { id name } }
          strengthEstimates { min max estimatedBy }
          citations { source { id title } quote }
        } } } }
        """;

    [Fact]
    public async Task Fifty_organizations_cost_as_many_store_calls_as_five()
    {
        api.Counter.Reset();
        var five = (await api.QueryAsync(Dashboard, new { n = 5 })).Ok();
        var callsForFive = api.Counter.Total;
        var callsByOperationForFive = api.Counter.Calls.ToDictionary(kv => kv.Key, kv => kv.Value);

        api.Counter.Reset();
        var fifty = (await api.QueryAsync(Dashboard, new { n = 50 })).Ok();
        var callsForFifty = api.Counter.Total;

        Assert.Equal(5, five.GetProperty("organizations").GetProperty("edges").GetArrayLength());
        Assert.Equal(50, fifty.GetProperty("organizations").GetProperty("edges").GetArrayLength());
        Assert.True(callsForFifty == callsForFive,
            $"5 organizations took {callsForFive} store calls ({string.Join(", ", callsByOperationForFive)}); 50 took {callsForFifty} ({string.Join(", ", api.Counter.Calls)})");
        Assert.InRange(callsForFive, 1, 12);
    }
}
