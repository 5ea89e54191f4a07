using System.Diagnostics.Metrics;
using System.Net;
using GraphIntel.Api.Auth;
using GraphIntel.Api.Errors;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL.AspNetCore;
using GraphIntel.GraphQL.Diagnostics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GraphIntel.Api.Telemetry;

/// <summary>
/// OpenTelemetry for the API (README "Telemetry"): service <c>graphintel-api</c>; metrics of ASP.NET Core, the .NET
/// runtime, the GraphQL engine and HTTP layer (<see cref="GraphQLTelemetry"/>) and the store (<see cref="StoreTelemetry"/>),
/// scraped at <c>/metrics</c> and/or exported over OTLP; traces (ASP.NET Core's request span, the GraphQL operation
/// and its stages, store calls) exported over OTLP when an endpoint is configured. Nothing configured, nothing listens
/// to the traces, and the engine's spans cost nothing.
/// </summary>
internal static class TelemetryHosting
{
    public const string ServiceName = "graphintel-api";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = new TelemetryOptions();
        builder.Configuration.GetSection(TelemetryOptions.SectionName).Bind(options);
        options.ApplyEnvironment(Environment.GetEnvironmentVariable);
        options.Validate();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp => new StoreTelemetry(sp.GetRequiredService<IMeterFactory>(), () => CacheStatisticsOf(sp)));

        var otlp = options.ExportsOtlp(Environment.GetEnvironmentVariable);
        if (!options.Metrics && !otlp) return builder;

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(GraphQLTelemetry.Name, StoreTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation();
            if (options.Metrics) metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
            if (otlp) metrics.AddOtlpExporter(otlpExporter => Configure(otlpExporter, options));
        });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(GraphQLTelemetry.Name, StoreTelemetry.Name)
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = http => !http.Request.Path.StartsWithSegments(TelemetryOptions.MetricsPath))
                .AddOtlpExporter(otlpExporter => Configure(otlpExporter, options)));
        }
        return builder;
    }

    /// <summary><c>/metrics</c> in the Prometheus text format, for the callers <see cref="TelemetryOptions.MetricsAccess"/> admits.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (!options.Metrics) return app;
        if (options.MetricsAccess != "open")
        {
            var keys = app.Services.GetRequiredService<ApiKeyRegistry>();
            app.UseWhen(c => c.Request.Path.StartsWithSegments(TelemetryOptions.MetricsPath), branch => branch.Use(async (context, next) =>
            {
                if (MayScrape(context, options.MetricsAccess, keys))
                {
                    await next(context).ConfigureAwait(false);
                    return;
                }
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await HttpRefusal.WriteAsync(context.Response,
                    options.MetricsAccess == "key"
                        ? "/metrics needs an API key (any role): send it as `Authorization: Bearer <key>`."
                        : "/metrics answers local callers, or callers with an API key (any role): send it as `Authorization: Bearer <key>`.",
                    ErrorCodes.Unauthenticated, context.RequestAborted).ConfigureAwait(false);
            }));
        }
        app.MapPrometheusScrapingEndpoint(TelemetryOptions.MetricsPath);
        return app;
    }

    private static bool MayScrape(HttpContext context, string access, ApiKeyRegistry keys)
    {
        if (ApiKeyMiddleware.ReadKey(context.Request) is { } key && keys.Find(key) is not null) return true;
        return access == "local" && context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
    }

    private static void Configure(OtlpExporterOptions exporter, TelemetryOptions options)
    {
        if (options.OtlpEndpoint is { Length: > 0 } endpoint) exporter.Endpoint = new Uri(endpoint);
        if (options.OtlpProtocol is { Length: > 0 } protocol)
            exporter.Protocol = protocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
    }

    private static CacheStatistics? CacheStatisticsOf(IServiceProvider services)
    {
        try
        {
            return (services.GetService<IGraphStore>() as CachingGraphStore)?.Statistics;
        }
        catch (ObjectDisposedException)
        {
            return null; // a collection racing the host's shutdown
        }
    }
}
