using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store;

/// <summary>
/// Counts for dashboards, and the days the data is dated on.
/// <para>
/// <see cref="FirstDay"/> and <see cref="LastDay"/> are the earliest and latest day on which an asOf answer can turn:
/// the bounded day numbers of every stored <see cref="Model.TemporalProfile"/> (facts, retracted ones left out, and
/// entities' founded/dissolved) — possible start and end, core, evidence spans (attestations and bounded ends) — and of
/// every event's date (its earliest and latest day). A side of a bound that no asOf date can tell apart is in none of
/// them: a fact begun <c>[..2010]</c> whose end is unknown is POSSIBLE on every date, so it dates nothing. asOf dates
/// wholly before <see cref="FirstDay"/> all get the same answers, as do those wholly after <see cref="LastDay"/>. Both
/// null when nothing is dated.
/// </para>
/// </summary>
public sealed record GraphStatistics(
    int Sources,
    IReadOnlyDictionary<EntityKind, int> EntitiesByKind,
    IReadOnlyDictionary<RelationshipType, int> RelationshipsByType,
    IReadOnlyDictionary<ClaimStatus, int> RelationshipsByStatus,
    int StrengthEstimates,
    int Citations,
    DateOnly? FirstDay,
    DateOnly? LastDay);
