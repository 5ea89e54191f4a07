using GraphIntel.Graph.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphIntel.Api.Hosting;

/// <summary>Ready when the store is initialized and answers a round trip.</summary>
internal sealed class StoreHealthCheck(IGraphStore store, StoreState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Problem is { } problem) return HealthCheckResult.Unhealthy($"store not initialized: {problem}");
        var health = await store.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        return health.Available
            ? HealthCheckResult.Healthy($"{health.Backend}: {health.Detail}")
            : HealthCheckResult.Unhealthy($"{health.Backend} unavailable: {health.Detail}");
    }
}
