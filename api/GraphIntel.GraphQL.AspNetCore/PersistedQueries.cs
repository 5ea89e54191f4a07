using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>The <c>extensions.code</c> values of automatic persisted queries (Apollo's where Apollo has one).</summary>
public static class PersistedQueryErrorCodes
{
    /// <summary>A hash without a document that the store doesn't hold (message <c>PersistedQueryNotFound</c>, HTTP 200): send the document with the hash.</summary>
    public const string NotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>A hash without a document where persisted queries are off (message <c>PersistedQueryNotSupported</c>).</summary>
    public const string NotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";

    /// <summary>The document's SHA-256 is not the hash sent with it (HTTP 400); nothing is stored or executed.</summary>
    public const string HashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";

    /// <summary><c>extensions.persistedQuery</c> is not an object, its <c>version</c> is not 1, or its <c>sha256Hash</c> is not 64 lowercase hex digits (HTTP 400).</summary>
    public const string Invalid = "PERSISTED_QUERY_INVALID";
}

/// <summary>
/// Resolves the document of a request carrying <c>extensions.persistedQuery</c>: from the store when only the hash is
/// sent, or the sent document once its SHA-256 is verified (to be stored when it validates).
/// </summary>
internal static class PersistedQueries
{
    public const string ExtensionName = "persistedQuery";

    /// <summary>The message Apollo clients look for to send the document with the hash.</summary>
    public const string NotFoundMessage = "PersistedQueryNotFound";

    public const string NotSupportedMessage = "PersistedQueryNotSupported";

    public static bool IsRequested(IReadOnlyDictionary<string, object?>? extensions) =>
        extensions is not null && extensions.TryGetValue(ExtensionName, out var value) && value is not null;

    /// <summary>
    /// The document to run and, when it was sent with a verified hash, the hash to store it under once it validates;
    /// or the problem to answer with.
    /// </summary>
    public static (string? Query, string? HashToStore, GraphQLHttpRequestProblem? Problem) Resolve(
        GraphQLHttpRequestParameters parameters, PersistedQueryStore? store)
    {
        if (!IsRequested(parameters.Extensions))
        {
            return (parameters.Query, null, null);
        }
        if (store is null)
        {
            return parameters.Query is { } plain
                ? (plain, null, null)
                : Fail(StatusCodes.Status400BadRequest, NotSupportedMessage, PersistedQueryErrorCodes.NotSupported);
        }
        if (parameters.Extensions![ExtensionName] is not IReadOnlyDictionary<string, object?> persisted)
        {
            return Fail(StatusCodes.Status400BadRequest,
                "extensions.persistedQuery must be an object { \"version\": 1, \"sha256Hash\": \"<64 lowercase hex digits>\" }.", PersistedQueryErrorCodes.Invalid);
        }
        var version = persisted.GetValueOrDefault("version");
        if (version is not long and not double || Convert.ToDouble(version, System.Globalization.CultureInfo.InvariantCulture) != 1)
        {
            return Fail(StatusCodes.Status400BadRequest,
                $"extensions.persistedQuery.version is {Describe(version)}; the only supported version is 1.", PersistedQueryErrorCodes.Invalid);
        }
        if (persisted.GetValueOrDefault("sha256Hash") is not string hash || !IsSha256Hex(hash))
        {
            return Fail(StatusCodes.Status400BadRequest,
                $"extensions.persistedQuery.sha256Hash is {Describe(persisted.GetValueOrDefault("sha256Hash"))}; it must be the SHA-256 of the document's UTF-8 text as 64 lowercase hex digits.",
                PersistedQueryErrorCodes.Invalid);
        }
        if (parameters.Query is not { } query)
        {
            var found = store.TryGet(hash, out var stored);
            HttpTelemetry.PersistedQueryLookup(found ? "hit" : "miss");
            return found
                ? (stored, null, null)
                : Fail(StatusCodes.Status200OK, NotFoundMessage, PersistedQueryErrorCodes.NotFound);
        }
        var actual = Sha256Hex(query);
        if (!string.Equals(actual, hash, StringComparison.Ordinal))
        {
            return Fail(StatusCodes.Status400BadRequest,
                $"extensions.persistedQuery.sha256Hash is {hash}, but the SHA-256 of the query's UTF-8 text is {actual}.", PersistedQueryErrorCodes.HashMismatch);
        }
        HttpTelemetry.PersistedQueryLookup("register");
        return (query, hash, null);
    }

    /// <summary>The SHA-256 of the UTF-8 text as 64 lowercase hex digits.</summary>
    public static string Sha256Hex(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static bool IsSha256Hex(string hash)
    {
        if (hash.Length != 64) return false;
        foreach (var c in hash)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f'))) return false;
        }
        return true;
    }

    private static string Describe(object? value) => value switch
    {
        null => "missing (or null)",
        string s when s.Length > 80 => $"a string of {s.Length} characters",
        string s => $"\"{s}\"",
        long or double => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
        bool b => b ? "true" : "false",
        _ => "not a string or number",
    };

    private static (string?, string?, GraphQLHttpRequestProblem?) Fail(int status, string message, string code) =>
        (null, null, new GraphQLHttpRequestProblem(status, message, code));
}
