using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store;

/// <summary>A filter and keyset page over entities.</summary>
public sealed record EntityQuery
{
    /// <summary>Only entities of these kinds; null (or empty, see <see cref="ListFilter"/>) means every kind.</summary>
    public IReadOnlyCollection<EntityKind>? Kinds { get; init => field = ListFilter.NullIfEmpty(value); }
    /// <summary>Only organizations of these kinds; null (or empty) means no such constraint.</summary>
    public IReadOnlyCollection<OrganizationKind>? OrganizationKinds { get; init => field = ListFilter.NullIfEmpty(value); }
    /// <summary>Case- and accent-insensitive substring of the name or an alias.</summary>
    public string? NameContains { get; init; }
    /// <summary>
    /// Entities that existed at some moment of that date's span: their existence (founded..dissolved, an unknown end
    /// unknown) decided by <see cref="TemporalProfile"/> like any fact's interval.
    /// </summary>
    public PartialDate? ActiveAt { get; init; }
    /// <summary>With <see cref="ActiveAt"/>: entities KNOWN to exist then (the default), or POSSIBLY existing too.</summary>
    public TemporalCertainty Certainty { get; init; } = TemporalCertainty.Known;
    public int First { get; init; } = 50;
    /// <summary>
    /// Opaque cursor from a previous page (<see cref="EntityPage.EndCursor"/> or one of <see cref="EntityPage.Cursors"/>);
    /// null for the first page. Any other text, the empty string included, is refused with <see cref="InvalidCursorException"/>.
    /// </summary>
    public string? After { get; init; }
}

public sealed record EntityPage(IReadOnlyList<Entity> Items, bool HasNextPage, int TotalCount, string? EndCursor)
{
    /// <summary>The cursor of each item, aligned with <see cref="Items"/>.</summary>
    public IReadOnlyList<string> Cursors { get; init; } = [];
}
