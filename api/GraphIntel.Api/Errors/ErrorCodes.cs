using GraphIntel.GraphQL.AspNetCore;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Validation.Limits;

namespace GraphIntel.Api.Errors;

/// <summary>
/// Every code the API puts in an error's <c>extensions.code</c>, in one place: the API's own, and the engine's limit
/// and persisted-query codes it serves (named here by the engine's and the HTTP layer's constants, not repeated). README.md's error-code table lists exactly
/// these (a test reads this class to check it).
/// </summary>
internal static class ErrorCodes
{
    // Refused before GraphQL runs (HTTP 401, 429).

    /// <summary>401: the API key is not valid, or reads need one and none was sent.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>429: the caller has used its requests for this window (with <c>Retry-After</c>).</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>503 on <c>/export/{format}</c>: <c>MaxConcurrentExports</c> exports are running (with <c>Retry-After</c>).</summary>
    public const string ExportBusy = "EXPORT_BUSY";

    // Refused by the engine's limits.

    /// <summary>The query is nested deeper than <c>MaxQueryDepth</c>; nothing was executed.</summary>
    public const string QueryTooDeep = MaxDepthRule.ErrorCode;

    /// <summary>The query's estimated cost exceeds <c>MaxQueryCost</c>; nothing was executed.</summary>
    public const string QueryTooComplex = MaxCostRule.ErrorCode;

    /// <summary>Execution and serialization took longer than <c>ExecutionTimeout</c>; <c>data</c> is null.</summary>
    public const string ExecutionTimeout = ExecutionErrors.TimeoutCode;

    /// <summary>The response would exceed <c>MaxResponseBytes</c>; <c>data</c> is null.</summary>
    public const string ResponseTooLarge = ExecutionErrors.ResultTooLargeCode;

    // Automatic persisted queries (extensions.persistedQuery), before parsing.

    /// <summary>HTTP 200, message <c>PersistedQueryNotFound</c>: the hash names no stored document; send it with the document.</summary>
    public const string PersistedQueryNotFound = PersistedQueryErrorCodes.NotFound;

    /// <summary>HTTP 400: the document's SHA-256 is not the hash sent with it; nothing stored or executed.</summary>
    public const string PersistedQueryHashMismatch = PersistedQueryErrorCodes.HashMismatch;

    /// <summary>HTTP 400: <c>persistedQuery</c> not an object, version not 1, or hash not 64 lowercase hex digits.</summary>
    public const string PersistedQueryInvalid = PersistedQueryErrorCodes.Invalid;

    /// <summary>HTTP 400: a hash or <c>documentId</c> sent while neither persisted queries nor trusted documents are on.</summary>
    public const string PersistedQueryNotSupported = PersistedQueryErrorCodes.NotSupported;

    // Trusted documents (GraphIntel:TrustedDocuments), before parsing; 200 (application/json) or 400 (application/graphql-response+json).

    /// <summary>Require mode: the document sent is not a trusted one (nor may extensions.persistedQuery register it).</summary>
    public const string TrustedDocumentRequired = TrustedDocumentErrorCodes.Required;

    /// <summary>The hash names no trusted document (Require mode, or no persisted-query store to look in).</summary>
    public const string TrustedDocumentNotFound = TrustedDocumentErrorCodes.NotFound;

    // Raised by the resolvers.

    /// <summary>An argument out of range or malformed (a page size, a cursor, a missing reason); it is named.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>A write the domain's validation refused, nothing written; <c>extensions.problems</c> lists every problem.</summary>
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>A mutation without an API key holding the editor role (checked before anything is read).</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>An id that names nothing of the kind asked for.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The graph store is unreachable or failed transiently; retrying later may succeed.</summary>
    public const string StoreUnavailable = "STORE_UNAVAILABLE";

    /// <summary>The graph store failed and retrying will not help.</summary>
    public const string StoreError = "STORE_ERROR";

    /// <summary>A subscription (SSE stream or WebSocket operation) beyond <c>MaxSubscriptions</c>; nothing is run.</summary>
    public const string TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS";

    /// <summary>An unexpected failure of the API, logged with the error id the message gives.</summary>
    public const string Internal = "INTERNAL_SERVER_ERROR";
}
