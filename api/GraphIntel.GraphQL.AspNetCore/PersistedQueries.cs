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
/// Resolves the document of a request: by hash (<c>documentId</c>, or <c>extensions.persistedQuery</c> without a query)
/// from the trusted documents first, then the automatic persisted queries' store; or the sent document, its hash verified
/// when one came with it (to be stored once it validates). In <see cref="TrustedDocumentMode.Require"/> only trusted
/// documents come through, unless the caller may bypass the list — and then nothing is registered either.
/// </summary>
internal static class PersistedQueries
{
    public const string ExtensionName = "persistedQuery";

    /// <summary>The message Apollo clients look for to send the document with the hash.</summary>
    public const string NotFoundMessage = "PersistedQueryNotFound";

    public const string NotSupportedMessage = "PersistedQueryNotSupported";

    private const string DocumentIdPrefix = "sha256:";

    public static bool IsRequested(IReadOnlyDictionary<string, object?>? extensions) =>
        extensions is not null && extensions.TryGetValue(ExtensionName, out var value) && value is not null;

    /// <summary>What a request's document resolved to.</summary>
    /// <param name="Query">The document to run.</param>
    /// <param name="HashToStore">When the document came with a verified hash and may be registered: the hash to store it under once it validates.</param>
    /// <param name="Trusted">Whether the document is a trusted one.</param>
    /// <param name="Problem">The answer instead, when the request can't run.</param>
    public readonly record struct Resolution(string? Query, string? HashToStore, bool Trusted, GraphQLHttpRequestProblem? Problem);

    /// <summary>
    /// The document to run and, when it was sent with a verified hash, the hash to store it under once it validates;
    /// or the problem to answer with. <paramref name="mayBypass"/>: the caller may send untrusted documents in
    /// <see cref="TrustedDocumentMode.Require"/>. <paramref name="mediaType"/> sets the status of request errors.
    /// </summary>
    public static Resolution Resolve(GraphQLHttpRequestParameters parameters, GraphQLHttpOptions options, bool mayBypass, string mediaType)
    {
        var trusted = options.TrustedDocumentMode == TrustedDocumentMode.Off ? null : options.TrustedDocuments;
        var require = trusted is not null && options.TrustedDocumentMode == TrustedDocumentMode.Require;
        // In Require mode the automatic persisted queries' store is neither read nor written: what it held would be
        // documents nobody vetted.
        var store = require ? null : options.PersistedQueries;
        var requestErrorStatus = mediaType == GraphQLMediaTypes.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        var apq = IsRequested(parameters.Extensions);

        if (parameters.DocumentId is { } documentId)
        {
            if (parameters.Query is not null || apq)
            {
                return Fail(StatusCodes.Status400BadRequest,
                    "The request has a \"documentId\" and also a \"query\" or extensions.persistedQuery: send the document one way only.", PersistedQueryErrorCodes.Invalid);
            }
            var hash = documentId.StartsWith(DocumentIdPrefix, StringComparison.Ordinal) ? documentId[DocumentIdPrefix.Length..] : documentId;
            if (!IsSha256Hex(hash))
            {
                return Fail(StatusCodes.Status400BadRequest,
                    $"The documentId {Describe(documentId)} is not a document identifier this endpoint knows: send \"sha256:<SHA-256 of the document's UTF-8 text as 64 lowercase hex digits>\".",
                    PersistedQueryErrorCodes.Invalid);
            }
            if (trusted is null && store is null)
            {
                return Fail(StatusCodes.Status400BadRequest,
                    "Persisted documents are not enabled on this endpoint: send the document itself in \"query\".", PersistedQueryErrorCodes.NotSupported);
            }
            return ByHash(hash, trusted, require, store, requestErrorStatus);
        }

        if (!apq)
        {
            return Sent(parameters.Query!, null, trusted, require, mayBypass, requestErrorStatus);
        }
        if (trusted is null && store is null)
        {
            return parameters.Query is { } plain
                ? new(plain, null, false, null)
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
        if (persisted.GetValueOrDefault("sha256Hash") is not string sha256Hash || !IsSha256Hex(sha256Hash))
        {
            return Fail(StatusCodes.Status400BadRequest,
                $"extensions.persistedQuery.sha256Hash is {Describe(persisted.GetValueOrDefault("sha256Hash"))}; it must be the SHA-256 of the document's UTF-8 text as 64 lowercase hex digits.",
                PersistedQueryErrorCodes.Invalid);
        }
        if (parameters.Query is not { } query)
        {
            return ByHash(sha256Hash, trusted, require, store, requestErrorStatus);
        }
        var actual = Sha256Hex(query);
        if (!string.Equals(actual, sha256Hash, StringComparison.Ordinal))
        {
            return Fail(StatusCodes.Status400BadRequest,
                $"extensions.persistedQuery.sha256Hash is {sha256Hash}, but the SHA-256 of the query's UTF-8 text is {actual}.", PersistedQueryErrorCodes.HashMismatch);
        }
        return Sent(query, actual, trusted, require, mayBypass, requestErrorStatus, register: store is not null);
    }

    /// <summary>A document named by its hash: trusted first, then (outside Require mode) the automatic persisted queries' store.</summary>
    private static Resolution ByHash(string hash, TrustedDocumentStore? trusted, bool require, PersistedQueryStore? store, int requestErrorStatus)
    {
        if (trusted is not null && trusted.TryGet(hash, out var document))
        {
            return new(document, null, true, null);
        }
        if (store is not null)
        {
            var found = store.TryGet(hash, out var stored);
            HttpTelemetry.PersistedQueryLookup(found ? "hit" : "miss");
            return found
                ? new(stored, null, false, null)
                : Fail(StatusCodes.Status200OK, NotFoundMessage, PersistedQueryErrorCodes.NotFound);
        }
        return Fail(requestErrorStatus,
            $"No trusted document has the hash {hash}" + (require
                ? ": only the operations registered with this server run here. Register the document (add it to the trusted documents and restart), or send the hash of one that is registered."
                : "."),
            TrustedDocumentErrorCodes.NotFound);
    }

    /// <summary>
    /// A document sent in full (<paramref name="hash"/>: its verified SHA-256, when sent with one): runs when it is
    /// trusted, or when trusted documents are not required (or the caller may bypass them); <paramref name="register"/>:
    /// to be kept in the automatic persisted queries' store once it validates (never in Require mode).
    /// </summary>
    private static Resolution Sent(string query, string? hash, TrustedDocumentStore? trusted, bool require, bool mayBypass, int requestErrorStatus, bool register = false)
    {
        var registering = hash is not null;
        if (trusted is not null && trusted.Contains(hash ??= Sha256Hex(query)))
        {
            return new(query, null, true, null);
        }
        if (require && !mayBypass)
        {
            return Fail(requestErrorStatus, registering
                ? $"Only trusted documents run here, and extensions.persistedQuery cannot register new ones: the document with SHA-256 {hash} is not trusted. Add it to the server's trusted documents (and restart)."
                : $"Only trusted documents run here, and this one (SHA-256 {hash}) is not registered: send the hash of a registered operation (\"documentId\": \"sha256:<hex>\"), or add the document to the server's trusted documents.",
                TrustedDocumentErrorCodes.Required);
        }
        if (register && registering) HttpTelemetry.PersistedQueryLookup("register");
        return new(query, register ? hash : null, false, null);
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

    private static Resolution Fail(int status, string message, string code) =>
        new(null, null, false, new GraphQLHttpRequestProblem(status, message, code));
}
