using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store;

public sealed record GraphSnapshot(
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<Relationship> Relationships,
    IReadOnlyList<StrengthEstimate> StrengthEstimates,
    IReadOnlyList<EntityMerge> Merges);
