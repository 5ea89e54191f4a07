using System.Runtime.CompilerServices;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Store;

namespace GraphIntel.Api.Resolvers;

/// <summary>
/// How a relationship read for an <c>asOf</c> date reports its <c>temporalStatus</c> (KNOWN or POSSIBLE on that date).
/// Relationships reach the GraphQL Relationship type from many fields (lists, subgraphs, paths, mutations), and a warm
/// store hands out one shared instance of each record, so the status cannot ride on the record: a read for a date returns
/// copies of its records, each registered here with its status on that date; a record not read for a date (a shared
/// instance) has none. The table holds the copies weakly: an entry lives as long as the response that holds it.
/// </summary>
internal static class DatedReads
{
    private static readonly ConditionalWeakTable<Relationship, object> Statuses = new();

    // One box per status: registering a copy allocates nothing else.
    private static readonly object[] Boxed = [TemporalStatus.Known, TemporalStatus.Possible, TemporalStatus.Excluded];

    /// <summary>The relationships as read for <paramref name="asOf"/> (each a copy carrying its status); unchanged without a date.</summary>
    public static IReadOnlyList<Relationship> At(IReadOnlyList<Relationship> relationships, PartialDate? asOf)
    {
        if (asOf is not { } date || relationships.Count == 0) return relationships;
        var dated = new Relationship[relationships.Count];
        for (var i = 0; i < dated.Length; i++) dated[i] = At(relationships[i], date);
        return dated;
    }

    /// <summary>A subgraph whose relationships are read for <paramref name="asOf"/>.</summary>
    public static Subgraph At(Subgraph subgraph, PartialDate? asOf) =>
        asOf is null ? subgraph : subgraph with { Relationships = At(subgraph.Relationships, asOf) };

    /// <summary>Paths whose relationships are read for <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<GraphPath> At(IReadOnlyList<GraphPath> paths, PartialDate? asOf) =>
        asOf is null ? paths : paths.Select(p => p with { Relationships = At(p.Relationships, asOf) }).ToList();

    /// <summary>How the relationship stood on the date it was read for, or null when it was read without one.</summary>
    public static TemporalStatus? StatusOf(Relationship relationship) =>
        Statuses.TryGetValue(relationship, out var status) ? (TemporalStatus)status : null;

    private static Relationship At(Relationship relationship, PartialDate asOf)
    {
        var copy = relationship with { };
        Statuses.AddOrUpdate(copy, Boxed[(int)TemporalProfile.Of(relationship).StatusOn(asOf)]);
        return copy;
    }
}
