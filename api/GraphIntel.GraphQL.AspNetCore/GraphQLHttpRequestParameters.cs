namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// The GraphQL-over-HTTP request parameters ("Request Parameters"), as read from a GET query string or a
/// POST body, before the engine sees them.
/// </summary>
/// <param name="Query">The document text; null only when <paramref name="DocumentId"/> is given or <paramref name="Extensions"/> hold a <c>persistedQuery</c> (a hash names the document).</param>
/// <param name="OperationName">The operation to run, or null.</param>
/// <param name="Variables">The variable values, or null.</param>
/// <param name="Extensions">The request extensions, or null.</param>
/// <param name="DocumentId">The persisted document's identifier (GraphQL over HTTP, "Persisted Documents": <c>sha256:&lt;hex&gt;</c>), or null.</param>
internal sealed record GraphQLHttpRequestParameters(
    string? Query,
    string? OperationName,
    IReadOnlyDictionary<string, object?>? Variables,
    IReadOnlyDictionary<string, object?>? Extensions,
    string? DocumentId = null);

/// <summary>
/// A request that could not be read: the HTTP status code to answer with, a message saying what and where, and an
/// <c>extensions.code</c> where clients branch on one (persisted queries).
/// </summary>
internal sealed record GraphQLHttpRequestProblem(int StatusCode, string Message, string? Code = null);
