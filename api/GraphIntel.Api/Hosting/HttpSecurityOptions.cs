namespace GraphIntel.Api.Hosting;

/// <summary>
/// Cross-origin access and the rate limit (section <see cref="SectionName"/>). CORS is off until origins are listed;
/// the rate limit is off until <see cref="RateLimitPermits"/> is set.
/// </summary>
internal sealed class HttpSecurityOptions
{
    public const string SectionName = "GraphIntel:Http";
    public const string CorsOriginsVariable = "GRAPHINTEL_CORS_ORIGINS";
    public const string RateLimitVariable = "GRAPHINTEL_RATE_LIMIT";

    /// <summary>
    /// Origins (<c>https://dashboard.example.org</c>) whose pages may call the API from a browser; <c>*</c> allows any.
    /// Empty (the default): no CORS headers, so browsers keep other origins out.
    /// </summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>How long browsers may cache a preflight answer.</summary>
    public TimeSpan CorsMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Requests to <c>/graphql</c> each caller may make per <see cref="RateLimitWindow"/>: a caller is its API key when it
    /// sends a valid one, else its client address. 0 (the default): no limit.
    /// </summary>
    public int RateLimitPermits { get; set; }

    /// <summary>The window of <see cref="RateLimitPermits"/>. Default one minute.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    public bool CorsEnabled => CorsOrigins.Count > 0;
    public bool RateLimitEnabled => RateLimitPermits > 0;

    /// <summary>
    /// <c>GRAPHINTEL_CORS_ORIGINS</c> (comma-separated origins) replaces the configured list;
    /// <c>GRAPHINTEL_RATE_LIMIT</c> is <c>permits</c> or <c>permits/window</c> (a TimeSpan: <c>600/00:01:00</c>).
    /// </summary>
    public void ApplyEnvironment(Func<string, string?> getVariable)
    {
        if (getVariable(CorsOriginsVariable) is { Length: > 0 } origins)
            CorsOrigins = origins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (getVariable(RateLimitVariable) is { Length: > 0 } limit)
        {
            var parts = limit.Split('/', 2, StringSplitOptions.TrimEntries);
            if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var permits))
                throw new StartupConfigurationException($"{RateLimitVariable}='{limit}' is not permits or permits/window (600 or 600/00:01:00)");
            RateLimitPermits = permits;
            if (parts.Length == 2)
            {
                if (!TimeSpan.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var window))
                    throw new StartupConfigurationException($"{RateLimitVariable}='{limit}': '{parts[1]}' is not a window such as 00:01:00");
                RateLimitWindow = window;
            }
        }
    }

    /// <exception cref="StartupConfigurationException">An origin is not scheme://host[:port], or the limit is negative or its window not positive.</exception>
    public void Validate()
    {
        foreach (var origin in CorsOrigins)
        {
            if (origin == "*") continue;
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") ||
                uri.GetLeftPart(UriPartial.Authority) != origin.TrimEnd('/'))
                throw new StartupConfigurationException(
                    $"CORS origin '{origin}' ({SectionName}:{nameof(CorsOrigins)} / {CorsOriginsVariable}) is not an origin such as https://dashboard.example.org (scheme, host, optional port; no path)");
        }
        if (RateLimitPermits < 0)
            throw new StartupConfigurationException($"{SectionName}:{nameof(RateLimitPermits)} must be 0 (off) or more (got {RateLimitPermits})");
        if (RateLimitEnabled && RateLimitWindow <= TimeSpan.Zero)
            throw new StartupConfigurationException($"{SectionName}:{nameof(RateLimitWindow)} must be positive (got {RateLimitWindow})");
    }
}
