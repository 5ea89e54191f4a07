using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Embedded;

/// <summary>A <see cref="RelationshipFilter"/> compiled to bit masks and day numbers for the traversal loops.</summary>
internal readonly struct EdgeFilter
{
    private readonly uint _types;
    private readonly uint _statuses;
    private readonly bool _dated;
    private readonly int _asOfStart;
    private readonly int _asOfEnd;
    private readonly TemporalCertainty _certainty;

    public EdgeFilter(RelationshipFilter filter, IReadOnlyCollection<RelationshipType>? defaultTypes = null)
    {
        var types = filter.Types ?? defaultTypes;
        _types = types is null ? uint.MaxValue : types.Aggregate(0u, (mask, t) => mask | 1u << (int)t);
        _statuses = filter.Statuses is null
            ? uint.MaxValue & ~(1u << (int)ClaimStatus.Retracted)
            : filter.Statuses.Aggregate(0u, (mask, s) => mask | 1u << (int)s);
        _dated = filter.AsOf is not null;
        _asOfStart = filter.AsOf?.Start.DayNumber ?? int.MinValue;
        _asOfEnd = filter.AsOf?.End.DayNumber ?? int.MaxValue;
        _certainty = filter.Certainty;
    }

    /// <summary>Whether the relationship passes type, status and asOf (its profile's status on the asOf span, with the certainty asked).</summary>
    public bool Allows(in EdgeRef edge) =>
        (_types & 1u << (int)edge.Type) != 0 &&
        (_statuses & 1u << (int)edge.Status) != 0 &&
        (!_dated || TemporalProfile.Admits(_certainty, edge.Time.StatusOn(_asOfStart, _asOfEnd)));
}
