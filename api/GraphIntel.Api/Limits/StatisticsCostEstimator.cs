using GraphIntel.Graph.Store;
using GraphIntel.GraphQL.Types;
using GraphIntel.GraphQL.Validation.Limits;

namespace GraphIntel.Api.Limits;

/// <summary>
/// Prices GraphIntel's fields for the cost rule from the store's statistics (<see cref="CostStatistics"/>). A list
/// the query can't bound — every source, a source's citations, a record's citations, an entity's relationships (and
/// the views of them: umbrella, subgroups, leaders, timeline, events, an event's places and participants), an organization's estimates — is estimated at the
/// length-biased mean of such lists in the data (<see cref="ListLengths.LengthBiasedMean"/>: the list a followed link
/// lands in is likely a long one), with one of them as long as the longest (<see cref="FieldCostEstimate"/>). A large
/// text (a source's text, an audit entry's record) costs one per <see cref="ApiLimits.TextBytesPerCost"/> characters
/// of the longest source text. Before the statistics are known, and for lists they don't cover, the rule's default
/// list size applies.
/// </summary>
internal sealed class StatisticsCostEstimator(CostStatistics statistics, ApiLimits limits) : IFieldCostEstimator
{
    /// <inheritdoc />
    public long Version => statistics.Version;

    /// <inheritdoc />
    public FieldCostEstimate? Estimate(NamedType parentType, FieldDefinition field) =>
        statistics.Current is { } data ? Estimate(data, parentType.Name, field.Name, limits.TextBytesPerCost) : null;

    /// <summary>The estimate of <paramref name="typeName"/>.<paramref name="fieldName"/> under <paramref name="data"/>; null when the data says nothing.</summary>
    public static FieldCostEstimate? Estimate(StoreCardinalities data, string typeName, string fieldName, int textBytesPerCost) =>
        (typeName, fieldName) switch
        {
            ("Query", "sources") => new FieldCostEstimate(MaxListSize: data.Sources),
            ("Source", "citations") => List(data.CitationsPerSource),
            (_, "citations") => List(data.CitationsPerRecord),
            ("Entity" or "Organization" or "Person" or "Place" or "Event", "relationships" or "umbrella" or "subgroups" or "leaders" or "leadershipHistory" or "leadershipTerms")
                => List(data.RelationshipsPerEntity),
            // An entity's events and an event's places and participants are views of its relationships.
            ("Organization" or "Person" or "Place", "events") or ("Event", "places" or "participants") => List(data.RelationshipsPerEntity),
            // A START and an END per relationship, and FOUNDED and DISSOLVED.
            ("Entity" or "Organization" or "Person" or "Place" or "Event", "timeline")
                => new FieldCostEstimate(2 * data.RelationshipsPerEntity.LengthBiasedMean + 2, 2 * data.RelationshipsPerEntity.Longest + 2),
            ("Organization", "strengthEstimates") => List(data.EstimatesPerOrganization),
            ("Source", "text") or ("AuditEntry", "before" or "after")
                => new FieldCostEstimate(Cost: 1 + data.MaxSourceTextLength / Math.Max(1, textBytesPerCost)),
            _ => null,
        };

    private static FieldCostEstimate List(ListLengths lengths) => new(lengths.LengthBiasedMean, lengths.Longest);
}
