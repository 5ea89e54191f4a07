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
}
