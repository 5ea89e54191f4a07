using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Http;

/// <summary>
/// The one place Neo4j's status codes are read. Neo4j classifies every error as ClientError, ClientNotification,
/// TransientError or DatabaseError (Neo.{Classification}.{Category}.{Title}); only TransientError is worth retrying.
/// </summary>
internal static class Neo4jErrors
{
    /// <summary>Used when an error in a response body carries no code.</summary>
    public const string UnknownCode = "Neo.DatabaseError.General.UnknownError";

    public static bool IsTransient(string code) => code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);

    public static GraphStoreException ToException(string code, string message) =>
        new Neo4jServerException(code, message, IsTransient(code));
}

/// <summary>An error Neo4j reported in a response body.</summary>
internal sealed class Neo4jServerException(string code, string message, bool isTransient)
    : GraphStoreException($"Neo4j {code}: {message}", isTransient)
{
    public string Code { get; } = code;
}

/// <summary>
/// The request never reached Neo4j, or it reached it and the connection broke or an unexpected status came back.
/// <see cref="MayHaveCommitted"/> is false only when the request provably was not served (no connection was made;
/// 408, 429, 503).
/// </summary>
internal sealed class Neo4jTransportException(string message, bool mayHaveCommitted, Exception? inner = null)
    : GraphStoreException(message, isTransient: true, inner)
{
    public bool MayHaveCommitted { get; } = mayHaveCommitted;
}

/// <summary>A write failed in a way that leaves unknown whether its transaction committed; it was not retried.</summary>
internal sealed class Neo4jWriteOutcomeUnknownException(string message, Exception inner)
    : GraphStoreException(message, isTransient: false, inner);
