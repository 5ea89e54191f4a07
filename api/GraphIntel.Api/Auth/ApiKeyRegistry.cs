using System.Security.Cryptography;
using System.Text;
using GraphIntel.Api.Hosting;

namespace GraphIntel.Api.Auth;

/// <summary>
/// Looks keys up by their SHA-256 hash, comparing the presented key's hash with every configured one in constant time
/// (<see cref="CryptographicOperations.FixedTimeEquals"/>, no early exit), so response timing tells nothing about keys.
/// </summary>
internal sealed class ApiKeyRegistry
{
    private readonly (byte[] Hash, ApiPrincipal Principal)[] _keys;

    /// <exception cref="StartupConfigurationException">The keys are not usable (see <see cref="ApiKeyOptions.Validate"/>).</exception>
    public ApiKeyRegistry(ApiKeyOptions options)
    {
        options.Validate();
        RequireKeyForReads = options.RequireKeyForReads;
        _keys = options.Keys
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
