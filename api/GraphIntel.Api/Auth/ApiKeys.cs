using System.Security.Cryptography;
using System.Text;

namespace GraphIntel.Api.Auth;

/// <summary>
/// API keys, their names and roles, from configuration (section <see cref="SectionName"/>) or the
/// <c>GRAPHINTEL_API_KEYS</c> variable: <c>name:key:role[+role…][,name:key:role…]</c>.
/// Reads are open unless <see cref="RequireKeyForReads"/>; writes always need a key with the editor role.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "GraphIntel:Auth";
    public const string KeysVariable = "GRAPHINTEL_API_KEYS";
    public const string RequireKeyVariable = "GRAPHINTEL_REQUIRE_KEY_FOR_READS";

    public List<ApiKeyEntry> Keys { get; set; } = [];
    public bool RequireKeyForReads { get; set; }

    public void ApplyEnvironment(Func<string, string?> getVariable)
    {
        if (getVariable(RequireKeyVariable) is { Length: > 0 } require && bool.TryParse(require, out var on)) RequireKeyForReads = on;
        if (getVariable(KeysVariable) is not { Length: > 0 } keys) return;
        foreach (var item in keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':');
            if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
                throw new InvalidOperationException($"{KeysVariable}: '{Mask(item)}' is not name:key:role[+role]");
            Keys.Add(new ApiKeyEntry { Name = parts[0], Key = parts[1], Roles = parts[2].Split('+').ToList() });
        }
    }

    private static string Mask(string item) => item.Split(':') is { Length: >= 2 } p ? $"{p[0]}:***" : "***";
}

public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

/// <summary>The roles a key may carry.</summary>
public static class Roles
{
    /// <summary>May write: create, assert, retract, merge.</summary>
    public const string Editor = "editor";
    /// <summary>May read when reads require a key.</summary>
    public const string Reader = "reader";
}

/// <summary>Who a request is: the name of its API key and the key's roles.</summary>
public sealed record ApiPrincipal(string Name, IReadOnlySet<string> Roles)
{
    public bool IsEditor => Roles.Contains(GraphIntel.Api.Auth.Roles.Editor);
}

/// <summary>Looks keys up by their SHA-256 hash and compares in constant time.</summary>
public sealed class ApiKeyRegistry
{
    private readonly (byte[] Hash, ApiPrincipal Principal)[] _keys;

    public ApiKeyRegistry(ApiKeyOptions options)
    {
        RequireKeyForReads = options.RequireKeyForReads;
        var duplicate = options.Keys.GroupBy(k => k.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"API keys of {string.Join(" and ", duplicate.Select(k => k.Name))} are the same key");
        _keys = options.Keys
            .Where(k => k.Key.Length > 0)
            .Select(k => (Hash(k.Key), new ApiPrincipal(k.Name, k.Roles.Select(r => r.Trim().ToLowerInvariant()).ToHashSet())))
            .ToArray();
    }

    public bool RequireKeyForReads { get; }

    public ApiPrincipal? Find(string key)
    {
        var hash = Hash(key);
        ApiPrincipal? found = null;
        foreach (var (candidate, principal) in _keys)
            if (CryptographicOperations.FixedTimeEquals(candidate, hash)) found = principal;
        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
