using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Api.Resolvers;

// The GraphQL shapes that are not a domain record as it is: a citation seen with the id of what it supports, a
// leadership term (a LEADS relationship in its succession), timeline events, pages.

/// <summary>A citation and the id of the entity, relationship or estimate it supports.</summary>
internal sealed record CitationView(Citation Citation, string SubjectId);

/// <summary>
/// A LEADS relationship seen as a leadership term; <see cref="Status"/> is how it stands on the <c>asOf</c> date
/// <c>leaders</c> was asked for (null when read without one).
/// </summary>
internal sealed record LeadershipTermView(Relationship Relationship, TemporalStatus? Status = null);

/// <summary>A span of a source's text (offsets in the white-space-collapsed text; line in the original).</summary>
internal sealed record TextSpan(int Start, int End, int Line);

/// <summary>The kinds of timeline events (mirrors the schema's TimelineEventKind).</summary>
internal enum TimelineEventKind { Founded, Dissolved, Start, End, Event }

/// <summary>One timeline entry; <see cref="Date"/> null and <see cref="Undated"/> true for a fact or event the sources do not date.</summary>
internal sealed record TimelineEventView(PartialDate? Date, TimelineEventKind Event, Relationship? Relationship, string Summary)
{
    /// <summary>The event, for <see cref="TimelineEventKind.Event"/> entries.</summary>
    public Entity? Occurrence { get; init; }
    public bool Undated => Date is null;
}

/// <summary>A PARTICIPATED_IN relationship seen as an event's participant.</summary>
internal sealed record EventParticipantView(Relationship Relationship);

/// <summary>A casualty figure with its citations seen as supporting the event (their subject).</summary>
internal sealed record CasualtyView(CasualtyKind Kind, int? Min, int? Max, string? Of, ClaimStatus Status, string? Note, IReadOnlyList<CitationView> Citations);

/// <summary>A page of some kind of node, with its cursors.</summary>
internal sealed record PageView<T>(IReadOnlyList<T> Items, IReadOnlyList<string> Cursors, bool HasNextPage, bool HasPreviousPage, int TotalCount);

internal sealed record EdgeView<T>(string Cursor, T Node);

/// <summary>A relationship count by type or status.</summary>
internal sealed record CountView(object Key, int Count);

internal static class ViewExtensions
{
    public static IReadOnlyList<CitationView> Views(this IReadOnlyList<Citation> citations, string subjectId)
    {
        var views = new CitationView[citations.Count];
        for (var i = 0; i < views.Length; i++) views[i] = new CitationView(citations[i], subjectId);
        return views;
    }

    public static IReadOnlyList<CitationView> Views(this IReadOnlyList<SourceCitation> citations)
    {
        var views = new CitationView[citations.Count];
        for (var i = 0; i < views.Length; i++) views[i] = new CitationView(citations[i].Citation, citations[i].SupportsId);
        return views;
    }

    /// <summary>LEADS relationships seen as leadership terms, in the same order.</summary>
    public static IReadOnlyList<LeadershipTermView> TermViews(this IReadOnlyList<Relationship> terms)
    {
        var views = new LeadershipTermView[terms.Count];
        for (var i = 0; i < views.Length; i++) views[i] = new LeadershipTermView(terms[i]);
        return views;
    }

    public static PageView<Entity> ToView(this EntityPage page, bool hasPrevious) =>
        new(page.Items, page.Cursors, page.HasNextPage, hasPrevious, page.TotalCount);

    public static PageView<Source> ToView(this SourcePage page, bool hasPrevious) =>
        new(page.Items, page.Cursors, page.HasNextPage, hasPrevious, page.TotalCount);
}
