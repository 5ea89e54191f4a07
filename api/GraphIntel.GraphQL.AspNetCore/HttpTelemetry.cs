using System.Diagnostics.Metrics;
using GraphIntel.GraphQL.Diagnostics;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>The HTTP layer's metrics, on the engine's meter (<see cref="GraphQLTelemetry.Meter"/>).</summary>
public static class HttpTelemetry
{
    /// <summary>The label of both counters: <c>hit</c> or <c>miss</c> (and <c>register</c> for a persisted query sent with its document).</summary>
    public const string ResultAttribute = "graphintel.cache.result";

    /// <summary>Metric names.</summary>
    public const string ResponseCacheMetric = "graphql.server.response_cache.lookups",
        PersistedQueryMetric = "graphql.server.persisted_query.lookups";

    private static readonly Counter<long> ResponseCache = GraphQLTelemetry.Meter.CreateCounter<long>(ResponseCacheMetric, "{lookup}",
        "Lookups of the whole-response cache by result (hit: answered without parsing or executing).");

    private static readonly Counter<long> PersistedQueries = GraphQLTelemetry.Meter.CreateCounter<long>(PersistedQueryMetric, "{lookup}",
        "Automatic persisted queries by result: hit (hash found), miss (PersistedQueryNotFound), register (document sent with its hash).");

    internal static void ResponseCacheLookup(bool hit)
    {
        if (ResponseCache.Enabled) ResponseCache.Add(1, new KeyValuePair<string, object?>(ResultAttribute, hit ? "hit" : "miss"));
    }

    internal static void PersistedQueryLookup(string result)
    {
        if (PersistedQueries.Enabled) PersistedQueries.Add(1, new KeyValuePair<string, object?>(ResultAttribute, result));
    }
}
