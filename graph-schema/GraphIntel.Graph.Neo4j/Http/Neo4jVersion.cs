using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j.Http;

/// <summary>The server's version, read at discovery; it chooses schema-statement syntax.</summary>
internal readonly record struct Neo4jVersion(int Major, int Minor) : IComparable<Neo4jVersion>
{
    public static Neo4jVersion Parse(string? text)
    {
        var parts = (text ?? "").Split('.', '-');
        return parts.Length >= 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor)
            ? new Neo4jVersion(major, minor)
            : throw new GraphStoreException($"Neo4j reported an unreadable version '{text}'", isTransient: false);
    }

    public int CompareTo(Neo4jVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public override string ToString() => $"{Major}.{Minor}";
}
