namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>
/// Options of the GraphQL-over-HTTP endpoint (<see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL"/>).
/// A plain class: bind it from configuration by name (<see cref="SectionName"/>) or set it in code.
/// </summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>The configuration section these options are usually bound from.</summary>
    public const string SectionName = "GraphQL:Http";

    /// <summary>
    /// The largest accepted request: the body of a POST, or the query string of a GET, in bytes.
    /// Larger requests are refused with 413 and a JSON error saying the limit. Default 256 KiB.
    /// </summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// The largest response body in bytes, or null for no limit (the default). The body is serialized into a buffer
    /// before anything is sent; one that would grow past the limit is dropped where it crosses it and the response is
    /// one <c>RESPONSE_TOO_LARGE</c> GraphQL error (data null) instead, so no more than the limit is ever held.
    /// </summary>
    public long? MaxResponseBytes { get; set; }

    /// <summary>
    /// Whether queries may be sent with GET (parameters in the query string). Mutations are never executed
    /// over GET (405), whatever this says. Default true.
    /// </summary>
    public bool AllowGet { get; set; } = true;

    /// <summary>Whether response JSON is indented, for reading by people. Default false.</summary>
    public bool IndentResponses { get; set; }

    /// <summary>
    /// Creates the per-request state resolvers see as <c>IResolveFieldContext.UserContext</c> (for example the
    /// caller's identity). Null: every request gets a new empty dictionary.
    /// </summary>
    public Func<Microsoft.AspNetCore.Http.HttpContext, IDictionary<string, object?>>? UserContextFactory { get; set; }

    /// <summary>
    /// Whether the request may use introspection (<c>__schema</c>, <c>__type</c>; <c>__typename</c> is always allowed).
    /// Null (the default): always. When it says no, a document selecting either field anywhere is refused with 401 before
    /// execution, and responses of such documents are never kept in the <see cref="ResponseCache"/>.
    /// </summary>
    public Func<Microsoft.AspNetCore.Http.HttpContext, bool>? AllowIntrospection { get; set; }

    /// <summary>
    /// Keeps whole responses of queries that ran without errors and answers the same request from it while the data's
    /// generation is unchanged (<see cref="GraphQLResponseCache"/>: read its conditions of correctness). Null (the
    /// default): every request is executed. Responses say <c>X-GraphQL-Cache: hit</c> or <c>miss</c> when it is set.
    /// </summary>
    public GraphQLResponseCache? ResponseCache { get; set; }

    /// <summary>
    /// Automatic persisted queries (Apollo's protocol): documents registered with <c>extensions.persistedQuery</c>
    /// (<c>version</c> 1, <c>sha256Hash</c>) and later sent by hash alone. Null (the default): off — a hash without a
    /// document is a <c>PERSISTED_QUERY_NOT_SUPPORTED</c> error, a hash with one is ignored.
    /// </summary>
    public PersistedQueryStore? PersistedQueries { get; set; }

    /// <summary>
    /// Trusted documents (persisted operations): operations registered by the SHA-256 of their text, loaded at startup
    /// (<see cref="TrustedDocumentStore.Load"/>). A request names one by <c>documentId</c> (<c>sha256:&lt;hex&gt;</c>) or
    /// <c>extensions.persistedQuery.sha256Hash</c>; they are looked up before <see cref="PersistedQueries"/>. What else
    /// may run says <see cref="TrustedDocumentMode"/>. Null (the default): none.
    /// </summary>
    public TrustedDocumentStore? TrustedDocuments { get; set; }

    /// <summary>
    /// <see cref="TrustedDocumentMode.Allow"/> (the default): trusted documents run by hash and any other document runs too.
    /// <see cref="TrustedDocumentMode.Require"/>: only trusted documents run — a document sent in full runs when its hash
    /// is a trusted one; any other, an unknown hash, and registering with <c>extensions.persistedQuery</c> are refused
    /// (<see cref="TrustedDocumentErrorCodes"/>; 400 with <c>application/graphql-response+json</c>, else 200), and the
    /// <see cref="PersistedQueries"/> store is not used. <see cref="TrustedDocumentMode.Off"/>: <see cref="TrustedDocuments"/> is ignored.
    /// </summary>
    public TrustedDocumentMode TrustedDocumentMode { get; set; } = TrustedDocumentMode.Allow;

    /// <summary>
    /// In <see cref="TrustedDocumentMode.Require"/>, callers this says yes to may still send other documents in full (an
    /// operator's GraphiQL, say); nothing they send is registered, and their answers to such documents are never kept
    /// in the <see cref="ResponseCache"/>. Null (the default): nobody.
    /// </summary>
    public Func<Microsoft.AspNetCore.Http.HttpContext, bool>? TrustedDocumentBypass { get; set; }

    /// <summary>
    /// The version of everything a query's answer is computed from: a string that changes whenever any answer could
    /// change (every write to the data; and a process restart, unless the version is shared and durable). Read once per
    /// request, before the answer is computed. When set, successful (200, no errors) GET answers carry a weak
    /// <c>ETag</c> derived from it and the request, and a GET whose <c>If-None-Match</c> holds that tag is answered
    /// <c>304 Not Modified</c> without executing. Null (the default), or a null return: no ETags.
    /// </summary>
    public Func<string?>? DataVersion { get; set; }

    /// <summary>
    /// Brings <see cref="DataVersion"/> up to date with writers elsewhere (other processes on one store), awaited before
    /// it is read on a GET. Null: the version is always current as it is.
    /// </summary>
    public Func<CancellationToken, ValueTask>? RefreshDataVersion { get; set; }

    /// <summary>
    /// The request headers that say who the caller is, when answers may differ by caller (introspection allowed or not, a
    /// bypass of trusted documents): an ETag covers their values, answers name them in <c>Vary</c>, and an answer to a
    /// request carrying any of them is <c>Cache-Control: private</c>. Default: <c>Authorization</c>.
    /// </summary>
    public IList<string> CallerHeaders { get; set; } = ["Authorization"];
}
