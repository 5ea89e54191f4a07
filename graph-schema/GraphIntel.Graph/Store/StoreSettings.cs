namespace GraphIntel.Graph.Store;

/// <summary>How every store setting reads the environment: a variable counts when set and not blank, trimmed.</summary>
public static class StoreSettings
{
    /// <summary>The variable's trimmed value, or null when it is unset or blank.</summary>
    public static string? Variable(Func<string, string?> getVariable, string name)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return getVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }

    /// <summary>
    /// Refuses the resilience settings a section holds when any is outside what its pipeline accepts: timeouts of 10 ms
    /// to a day, a retry delay of at most a day, retries of 0 or more, a breaker ratio above 0 and at most 1, at least 2
    /// calls sampled over at least half a second, a break of half a second to a day. The message names every key.
    /// </summary>
    public static void CheckResilience(string section, ResilienceSettings settings)
    {
        var problems = new List<string>();
        void Between(string name, TimeSpan value, TimeSpan min, TimeSpan max)
        {
            if (value < min || value > max) problems.Add($"{section}:{name} must be between {min:c} and {max:c} (got {value:c})");
        }
        var day = TimeSpan.FromDays(1);
        Between("OperationTimeout", settings.OperationTimeout, TimeSpan.FromMilliseconds(10), day);
        Between("AttemptTimeout", settings.AttemptTimeout, TimeSpan.FromMilliseconds(10), day);
        Between("RetryBaseDelay", settings.RetryBaseDelay, TimeSpan.Zero, day);
        Between("BreakerSamplingDuration", settings.BreakerSamplingDuration, TimeSpan.FromMilliseconds(500), day);
        Between("BreakDuration", settings.BreakDuration, TimeSpan.FromMilliseconds(500), day);
        if (settings.MaxRetries < 0) problems.Add($"{section}:{settings.MaxRetriesKey} must be 0 or more (got {settings.MaxRetries})");
        if (settings.BreakerFailureRatio is not (> 0 and <= 1) || double.IsNaN(settings.BreakerFailureRatio))
            problems.Add($"{section}:BreakerFailureRatio must be above 0 and at most 1 (got {settings.BreakerFailureRatio.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        if (settings.BreakerMinimumThroughput < 2) problems.Add($"{section}:BreakerMinimumThroughput must be at least 2 (got {settings.BreakerMinimumThroughput})");
        if (problems.Count > 0) throw new GraphStoreException(string.Join("; ", problems), isTransient: false);
    }
}

/// <summary>A backend's resilience settings, with the names of the keys that differ between backends.</summary>
public sealed record ResilienceSettings(
    TimeSpan OperationTimeout, TimeSpan AttemptTimeout, int MaxRetries, string MaxRetriesKey, TimeSpan RetryBaseDelay,
    double BreakerFailureRatio, int BreakerMinimumThroughput, TimeSpan BreakerSamplingDuration, TimeSpan BreakDuration);
