using GraphIntel.Api.Hosting;

namespace GraphIntel.Api.Auth;

/// <summary>
/// API keys, their names and roles, from configuration (section <see cref="SectionName"/>) or the
/// <c>GRAPHINTEL_API_KEYS</c> variable: <c>name:key:role[+role…][,name:key:role…]</c>.
/// Reads are open unless <see cref="RequireKeyForReads"/>; writes always need a key with the editor role.
/// </summary>
internal sealed class ApiKeyOptions
{
    public const string SectionName = "GraphIntel:Auth";
    public const string KeysVariable = "GRAPHINTEL_API_KEYS";
    public const string RequireKeyVariable = "GRAPHINTEL_REQUIRE_KEY_FOR_READS";
    public const string AnonymousIntrospectionVariable = "GRAPHINTEL_ANONYMOUS_INTROSPECTION";

    /// <summary>The fewest characters a key may have: shorter keys can be guessed.</summary>
    public const int MinKeyLength = 32;

    public List<ApiKeyEntry> Keys { get; set; } = [];
    public bool RequireKeyForReads { get; set; }

    /// <summary>
    /// Whether callers without a key may use introspection (<c>__schema</c>, <c>__type</c>). Default true: GraphiQL's
    /// documentation explorer needs it. False: anonymous introspection is refused with 401.
    /// </summary>
    public bool AnonymousIntrospection { get; set; } = true;

    /// <summary>Adds the keys of <c>GRAPHINTEL_API_KEYS</c>.</summary>
    /// <exception cref="StartupConfigurationException">An entry is not <c>name:key:role[+role]</c>.</exception>
    public void ApplyEnvironment(Func<string, string?> getVariable)
    {
        if (getVariable(RequireKeyVariable) is { Length: > 0 } require && bool.TryParse(require, out var on)) RequireKeyForReads = on;
        if (getVariable(AnonymousIntrospectionVariable) is { Length: > 0 } introspection && bool.TryParse(introspection, out var open)) AnonymousIntrospection = open;
        if (getVariable(KeysVariable) is not { Length: > 0 } keys) return;
        var number = 0;
        foreach (var item in keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            number++;
            var parts = item.Split(':');
            if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
                throw new StartupConfigurationException($"{KeysVariable} entry {number} ('{Mask(item)}') is not name:key:role[+role]");
            Keys.Add(new ApiKeyEntry { Name = parts[0], Key = parts[1], Roles = parts[2].Split('+').ToList(), Origin = $"{KeysVariable} entry {number}" });
        }
    }

    /// <summary>
    /// Every key has a name, a key of at least <see cref="MinKeyLength"/> characters without spaces or control
    /// characters, and known roles; names and keys are unique.
    /// </summary>
    /// <exception cref="StartupConfigurationException">The first problem found, naming the entry but never its key.</exception>
    public void Validate()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Keys.Count; i++)
        {
            var entry = Keys[i];
            var where = entry.Origin ?? $"{SectionName}:Keys:{i}";
            if (string.IsNullOrWhiteSpace(entry.Name)) throw new StartupConfigurationException($"API key {where} has no name");
            where += $" ('{entry.Name}')";
            if (entry.Key.Length < MinKeyLength)
                throw new StartupConfigurationException($"API key {where} is {entry.Key.Length} characters long; keys need at least {MinKeyLength}");
            if (entry.Key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                throw new StartupConfigurationException($"API key {where} contains spaces or control characters");
            if (entry.Roles.Count == 0 || entry.Roles.All(string.IsNullOrWhiteSpace))
                throw new StartupConfigurationException($"API key {where} has no role; roles are {string.Join(", ", Roles.All)}");
            foreach (var role in entry.Roles)
            {
                if (!Roles.All.Contains(role.Trim().ToLowerInvariant()))
                    throw new StartupConfigurationException($"API key {where} has the unknown role '{role}'; roles are {string.Join(", ", Roles.All)}");
            }
            if (!names.TryAdd(entry.Name, where)) throw new StartupConfigurationException($"API key {where} has the same name as {names[entry.Name]}");
            if (!keys.TryAdd(entry.Key, where)) throw new StartupConfigurationException($"API key {where} is the same key as {keys[entry.Key]}");
        }
    }

    private static string Mask(string item) => item.Split(':') is { Length: >= 2 } p ? $"{p[0]}:***" : "***";
}

/// <summary>One configured key: a name for it, the key itself and its roles.</summary>
internal sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public List<string> Roles { get; set; } = [];

    /// <summary>Where the entry came from, for error messages (null: the configuration section).</summary>
    internal string? Origin { get; set; }
}
