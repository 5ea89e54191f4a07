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
