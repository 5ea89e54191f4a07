using GraphIntel.Graph.Store;
using GraphIntel.GraphQL.Types;
using GraphIntel.GraphQL.Validation.Limits;

namespace GraphIntel.Api.GraphQL;

/// <summary>
/// Prices GraphIntel's fields for the cost rule from the store's statistics (<see cref="CostStatistics"/>). A list
/// the query can't bound — every source, a source's citations, a record's citations, an entity's relationships (and
/// the views of them: umbrella, subgroups, leaders, timeline), an organization's estimates — is as long as the mean
/// such list in the data, with one of them as long as the longest (<see cref="FieldCostEstimate"/>); a large text
/// (a source's text, an audit entry's record) costs one per <see cref="ApiLimits.TextBytesPerCost"/> characters of the
/// longest source text. Before the statistics are known, and for lists they don't cover, the rule's default applies.
/// </summary>
public sealed class StatisticsCostEstimator(CostStatistics statistics, ApiLimits limits) : IFieldCostEstimator
{
    /// <inheritdoc />
    public long Version => statistics.Version;

    /// <inheritdoc />
    public FieldCostEstimate? Estimate(NamedType parentType, FieldDefinition field) =>
        statistics.Current is { } data ? Estimate(data, parentType.Name, field.Name, limits.TextBytesPerCost) : null;

    /// <summary>The estimate of <paramref name="typeName"/>.<paramref name="fieldName"/> under <paramref name="data"/>; null when the data says nothing.</summary>
    public static FieldCostEstimate? Estimate(StoreCardinalities data, string typeName, string fieldName, int textBytesPerCost)
    {
        var records = (long)data.Entities + data.Relationships + data.StrengthEstimates;
        var relationshipsPerEntity = List(2L * data.Relationships, data.Entities, data.MaxRelationshipsPerEntity);
        return (typeName, fieldName) switch
        {
            ("Query", "sources") => new FieldCostEstimate(MaxListSize: data.Sources),
            ("Source", "citations") => List(data.Citations, data.Sources, data.MaxCitationsPerSource),
            (_, "citations") => List(data.Citations, records, data.MaxCitationsPerRecord),
            ("Entity" or "Organization" or "Person" or "Place", "relationships" or "umbrella" or "subgroups" or "leaders" or "leadershipHistory" or "leadershipTerms")
                => relationshipsPerEntity,
            // A START and an END per relationship, and FOUNDED and DISSOLVED.
            ("Entity" or "Organization" or "Person" or "Place", "timeline")
                => List(2 * (2L * data.Relationships + 2L * data.Entities), data.Entities, 2L * data.MaxRelationshipsPerEntity + 2),
            ("Organization", "strengthEstimates") => List(data.StrengthEstimates, data.Organizations, data.MaxEstimatesPerOrganization),
            ("Source", "text") or ("AuditEntry", "before" or "after")
                => new FieldCostEstimate(Cost: 1 + data.MaxSourceTextLength / Math.Max(1, textBytesPerCost)),
            _ => null,
        };
    }

    // Items spread over owners: the mean per owner and the longest.
    private static FieldCostEstimate List(long items, long owners, long longest) =>
        new(ListSize: owners == 0 ? 0 : (double)items / owners, MaxListSize: longest);
}
