using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store;

/// <summary>A filter and keyset page over entities.</summary>
public sealed record EntityQuery
{
    public IReadOnlyCollection<EntityKind>? Kinds { get; init; }
    public IReadOnlyCollection<OrganizationKind>? OrganizationKinds { get; init; }
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
    /// <summary>Opaque cursor from a previous page's <see cref="EntityPage.EndCursor"/>.</summary>
    public string? After { get; init; }
}

public sealed record EntityPage(IReadOnlyList<Entity> Items, bool HasNextPage, int TotalCount, string? EndCursor)
{
    /// <summary>The cursor of each item, aligned with <see cref="Items"/>.</summary>
    public IReadOnlyList<string> Cursors { get; init; } = [];
}
