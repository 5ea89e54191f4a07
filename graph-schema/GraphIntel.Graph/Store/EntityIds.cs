using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store;

/// <summary>The shape of ids: entities and sources carry a prefix naming their kind ("org/isis-k", "source/unama-2021").</summary>
public static class EntityIds
{
    public const string SourcePrefix = "source/";

    public static string PrefixOf(EntityKind kind) => kind switch
    {
        EntityKind.Organization => "org/",
        EntityKind.Person => "person/",
        EntityKind.Place => "place/",
        EntityKind.Event => "event/",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown entity kind"),
    };

    /// <summary>Whether <paramref name="id"/> carries the prefix of an entity kind (an organization, person or place).</summary>
    public static bool IsEntityId(string id) =>
        Enum.GetValues<EntityKind>().Any(kind => id.StartsWith(PrefixOf(kind), StringComparison.Ordinal));

    /// <summary>Null when <paramref name="id"/> is a well-formed id of an entity of <paramref name="kind"/>; else why not.</summary>
    public static string? CheckEntityId(string? id, EntityKind kind) => CheckPrefixed(id, PrefixOf(kind), $"{kind.ToString().ToLowerInvariant()} id");

    /// <summary>Null when <paramref name="id"/> is a well-formed source id; else why not.</summary>
    public static string? CheckSourceId(string? id) => CheckPrefixed(id, SourcePrefix, "source id");

    /// <summary>Null when <paramref name="id"/> is usable as a fact id (non-empty, no white space); else why not.</summary>
    public static string? CheckFactId(string? id) =>
        string.IsNullOrEmpty(id) ? "the id is empty"
        : id.Any(char.IsWhiteSpace) ? $"the id '{id}' contains white space"
        : null;

    private static string? CheckPrefixed(string? id, string prefix, string what)
    {
        if (string.IsNullOrEmpty(id)) return $"the {what} is empty";
        if (!id.StartsWith(prefix, StringComparison.Ordinal)) return $"the {what} '{id}' does not start with '{prefix}'";
        if (id.Length == prefix.Length) return $"the {what} '{id}' has nothing after '{prefix}'";
        if (id.Any(char.IsWhiteSpace)) return $"the {what} '{id}' contains white space";
        return null;
    }
}
