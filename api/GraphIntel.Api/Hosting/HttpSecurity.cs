using System.Globalization;
using System.Threading.RateLimiting;
using GraphIntel.Api.Auth;
using GraphIntel.Api.Errors;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace GraphIntel.Api.Hosting;

/// <summary>
/// HTTP hygiene: security headers on every response, CORS for the configured origins (preflights answered before
/// any key check), and the rate limiter (429 with Retry-After) per API key or client address.
/// </summary>
internal static class HttpSecurity
{
    /// <summary>
    /// The default for every response: nothing may frame it. The GraphiQL page sets a fuller policy of its own
    /// (<see cref="GraphiQL.ContentSecurityPolicy"/>).
    /// </summary>
    public const string DefaultContentSecurityPolicy = "frame-ancestors 'none'";

    public static WebApplicationBuilder AddHttpSecurity(this WebApplicationBuilder builder)
    {
        var options = new HttpSecurityOptions();
        builder.Configuration.GetSection(HttpSecurityOptions.SectionName).Bind(options);
        options.ApplyEnvironment(Environment.GetEnvironmentVariable);
        options.Validate();
        builder.Services.AddSingleton(options);

        if (options.CorsEnabled)
        {
            builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
            {
                if (options.CorsOrigins.Contains("*")) policy.AllowAnyOrigin();
                else policy.WithOrigins(options.CorsOrigins.Select(o => o.TrimEnd('/')).ToArray());
                policy.WithMethods(HttpMethods.Get, HttpMethods.Post)
                    .WithHeaders(HeaderNames.ContentType, HeaderNames.Accept, HeaderNames.Authorization, "X-Api-Key")
                    .WithExposedHeaders(HeaderNames.RetryAfter, "X-GraphQL-Cache")
                    .SetPreflightMaxAge(options.CorsMaxAge);
            }));
        }

        if (options.RateLimitEnabled)
        {
            builder.Services.AddRateLimiter(limiter =>
            {
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    !(context.Request.Path.StartsWithSegments("/graphql") || context.Request.Path.StartsWithSegments("/export")) || HttpMethods.IsOptions(context.Request.Method)
                        ? RateLimitPartition.GetNoLimiter("unlimited")
                        : RateLimitPartition.GetFixedWindowLimiter(CallerOf(context), _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.RateLimitPermits,
                            Window = options.RateLimitWindow,
                            QueueLimit = 0,
                        }));
                limiter.OnRejected = RefuseAsync;
            });
        }
        return builder;
    }

    /// <summary>The headers, CORS and the limiter, in that order: before the GraphiQL page and the key check.</summary>
    public static WebApplication UseHttpSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<HttpSecurityOptions>();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy)) headers.ContentSecurityPolicy = DefaultContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        if (options.CorsEnabled) app.UseCors();
        if (options.RateLimitEnabled) app.UseRateLimiter();
        return app;
    }

    /// <summary>Who is rate limited: the name of a valid API key, else the client address (an unknown key counts as its address).</summary>
    private static string CallerOf(HttpContext context)
    {
        var registry = context.RequestServices.GetRequiredService<ApiKeyRegistry>();
        if (ApiKeyMiddleware.ReadKey(context.Request) is { } key && registry.Find(key) is { } principal) return "key:" + principal.Name;
        return "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await HttpRefusal.WriteAsync(response,
            $"Too many requests: this API takes a limited number of requests per caller; retry after {seconds} seconds.",
            ErrorCodes.RateLimited, cancellationToken).ConfigureAwait(false);
    }
}
