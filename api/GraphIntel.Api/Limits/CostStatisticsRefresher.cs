using GraphIntel.Api.Hosting;

namespace GraphIntel.Api.Limits;

/// <summary>
/// Keeps <see cref="CostStatistics"/> current: once the store is initialized, every
/// <see cref="ApiLimits.StatisticsRefreshInterval"/> it asks the store's write generation whether anything was written and, if so,
/// reads the statistics again. A failed read is logged and retried at the next tick; until the first read succeeds
/// the cost rule assumes <see cref="ApiLimits.DefaultListSize"/>.
/// </summary>
internal sealed class CostStatisticsRefresher(
    CostStatistics statistics, StoreState state, ApiLimits limits, TimeProvider time, ILogger<CostStatisticsRefresher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(limits.StatisticsRefreshInterval, time);
        do
        {
            if (!state.IsInitialized) continue;
            try
            {
                var before = statistics.Version;
                var current = await statistics.RefreshAsync(ct: stoppingToken).ConfigureAwait(false);
                if (statistics.Version != before)
                    log.LogInformation("Query cost statistics: {Statistics}", current);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogWarning("Reading the store's statistics for query costs failed ({Message}); retrying in {Interval}.",
                    e.Message, limits.StatisticsRefreshInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
