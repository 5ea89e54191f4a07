namespace GraphIntel.Api.Hosting;

/// <summary>Health check tags: live (the process runs) and ready (it can answer queries).</summary>
internal static class HealthTags
{
    public const string Live = "live";
    public const string Ready = "ready";
}
