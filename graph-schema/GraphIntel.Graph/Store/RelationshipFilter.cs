using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store;

/// <summary>
/// Which relationships to return. Without statuses, every status but RETRACTED. An empty list of types or statuses is
/// the same as none given (see <see cref="ListFilter"/>).
/// </summary>
public sealed record RelationshipFilter
{
    public static readonly RelationshipFilter Default = new();

    /// <summary>Null (or empty) means every type, or the default types of the traversal that takes the filter.</summary>
    public IReadOnlyCollection<RelationshipType>? Types { get; init => field = ListFilter.NullIfEmpty(value); }
    public Direction Direction { get; init; } = Direction.Both;
    /// <summary>Only relationships in force at some moment of this date's span (see <see cref="TemporalProfile"/>).</summary>
    public PartialDate? AsOf { get; init; }
    /// <summary>With <see cref="AsOf"/>: KNOWN facts only (the default), or POSSIBLE ones too.</summary>
    public TemporalCertainty Certainty { get; init; } = TemporalCertainty.Known;
    /// <summary>Null (or empty) means every status except <see cref="ClaimStatus.Retracted"/>.</summary>
    public IReadOnlyCollection<ClaimStatus>? Statuses { get; init => field = ListFilter.NullIfEmpty(value); }

    public bool Matches(Relationship r) =>
        (Types is null || Types.Contains(r.Type)) &&
        (Statuses is null ? r.Status != ClaimStatus.Retracted : Statuses.Contains(r.Status)) &&
        (AsOf is null || TemporalProfile.Admits(Certainty, TemporalProfile.Of(r).StatusOn(AsOf.Value)));

    /// <summary>Whether a relationship seen from <paramref name="entityId"/> goes the way this filter asks.</summary>
    public bool MatchesDirection(Relationship r, string entityId) => Direction switch
    {
        Direction.Outgoing => r.FromId == entityId,
        Direction.Incoming => r.ToId == entityId,
        _ => true,
    };
}
