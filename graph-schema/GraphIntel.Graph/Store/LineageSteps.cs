using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store;

/// <summary>
/// Which way a lineage relationship leads. Most lineage types read "later → earlier" (KIB SPLIT_FROM IMU,
/// KIB UNDER_UMBRELLA_OF ISIS-K: the target is the ancestor), but REBRANDED_AS and MERGED_INTO read
/// "earlier → later" (JA REBRANDED_AS TTT: JA is TTT's ancestor), so for them the ancestor is the source.
/// Both backends walk lineage with these rules.
/// </summary>
public static class LineageSteps
{
    /// <summary>True when <paramref name="type"/> points from the later organization to the one it came from.</summary>
    public static bool PointsToAncestor(RelationshipType type) =>
        type is not (RelationshipType.RebrandedAs or RelationshipType.MergedInto);

    /// <summary>Whether following a relationship of <paramref name="type"/> out of (or into) an entity reaches an ancestor.</summary>
    public static bool LeadsToAncestor(RelationshipType type, bool outgoing) => outgoing == PointsToAncestor(type);

    /// <summary>Whether following the relationship from <paramref name="entityId"/> goes the way <paramref name="direction"/> asks.</summary>
    public static bool Follows(LineageDirection direction, RelationshipType type, string fromId, string entityId) => direction switch
    {
        LineageDirection.Ancestors => LeadsToAncestor(type, fromId == entityId),
        LineageDirection.Descendants => !LeadsToAncestor(type, fromId == entityId),
        _ => true,
    };
}
