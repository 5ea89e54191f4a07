using GraphIntel.Api.Hosting;

namespace GraphIntel.Api.Telemetry;

/// <summary>
/// What the API exports (README "Telemetry"): the Prometheus scrape endpoint <c>/metrics</c> (on by default, for local
/// callers or callers with an API key), and OTLP export of traces and metrics when an endpoint is configured here or in
/// OpenTelemetry's own <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
/// </summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "GraphIntel:Telemetry";
    public const string MetricsVariable = "GRAPHINTEL_METRICS";
    public const string MetricsAccessVariable = "GRAPHINTEL_METRICS_ACCESS";

    /// <summary>OpenTelemetry's standard variable, read by its SDK when <see cref="OtlpEndpoint"/> is not set.</summary>
    public const string OtlpEndpointEnvironment = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string MetricsPath = "/metrics";

    /// <summary>Serve the Prometheus text format at <c>/metrics</c>.</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// Who may scrape <c>/metrics</c>: <c>local</c> (connections from a loopback address, or any caller with a valid API key
    /// of any role), <c>key</c> (a valid API key only — use it behind a reverse proxy on the same host), <c>open</c> (anyone).
    /// </summary>
    public string MetricsAccess { get; set; } = "local";

    /// <summary>The OTLP collector (<c>http://collector:4317</c> for gRPC, <c>http://collector:4318</c> with <see cref="OtlpProtocol"/> <c>http/protobuf</c>); null: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, else no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>; null: OpenTelemetry's default (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, else grpc).</summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>Put the GraphQL document on the operation span (<c>graphql.document</c>); off: documents may carry data.</summary>
    public bool IncludeDocument { get; set; }

    /// <summary>Distinct operation names that label metrics; later ones count as <c>_OTHER</c>.</summary>
    public int MaxOperationNames { get; set; } = 100;

    public void ApplyEnvironment(Func<string, string?> getVariable)
    {
        if (getVariable(MetricsVariable) is { Length: > 0 } metrics && bool.TryParse(metrics, out var on)) Metrics = on;
        if (getVariable(MetricsAccessVariable) is { Length: > 0 } access) MetricsAccess = access.Trim();
    }

    /// <summary>Whether anything is exported over OTLP (the key here or the standard variable).</summary>
    public bool ExportsOtlp(Func<string, string?> getVariable) =>
        !string.IsNullOrWhiteSpace(OtlpEndpoint) || !string.IsNullOrWhiteSpace(getVariable(OtlpEndpointEnvironment));

    /// <summary>The engine's share of these options.</summary>
    public GraphIntel.GraphQL.Diagnostics.GraphQLTelemetryOptions ForEngine() =>
        new() { IncludeDocument = IncludeDocument, MaxOperationNames = MaxOperationNames };

    /// <exception cref="StartupConfigurationException">A value that can't be used.</exception>
    public void Validate()
    {
        if (MetricsAccess is not ("local" or "key" or "open"))
            throw new StartupConfigurationException($"{SectionName}:{nameof(MetricsAccess)} must be local, key or open (got {MetricsAccess}).");
        if (OtlpEndpoint is { Length: > 0 } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            throw new StartupConfigurationException($"{SectionName}:{nameof(OtlpEndpoint)} must be an absolute http(s) URL (got {endpoint}).");
        if (OtlpProtocol is not (null or "" or "grpc" or "http/protobuf"))
            throw new StartupConfigurationException($"{SectionName}:{nameof(OtlpProtocol)} must be grpc or http/protobuf (got {OtlpProtocol}).");
        if (MaxOperationNames is < 0 or > 10_000)
            throw new StartupConfigurationException($"{SectionName}:{nameof(MaxOperationNames)} must be between 0 and 10000 (got {MaxOperationNames}).");
    }
}
