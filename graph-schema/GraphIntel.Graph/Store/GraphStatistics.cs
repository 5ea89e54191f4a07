using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store;

public sealed record GraphStatistics(
    int Sources,
    IReadOnlyDictionary<EntityKind, int> EntitiesByKind,
    IReadOnlyDictionary<RelationshipType, int> RelationshipsByType,
    IReadOnlyDictionary<ClaimStatus, int> RelationshipsByStatus,
    int StrengthEstimates,
    int Citations);
