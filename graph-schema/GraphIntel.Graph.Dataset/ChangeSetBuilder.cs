using GraphIntel.Graph.Dataset.Checking;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Dataset;

/// <summary>
/// Turns the drafts into the one <see cref="ChangeSet"/> a load applies: sources with their text, entities with
/// the <c>aliases:</c> facts merged in, events with their details (their citations marked as supporting an alias),
/// relationships and estimates with their explicit or derived ids, each relationship with the lifecycle end that bounds
/// it (<see cref="Lifecycles"/>). Records missing a required field (already reported) are left out.
/// </summary>
internal static class ChangeSetBuilder
{
    public static ChangeSet Build(DatasetDrafts drafts)
    {
        var sources = drafts.Sources
            .Where(s => s.Id is not null && s.Title is not null && drafts.SourceTexts.ContainsKey(s.Id.Value.Value))
            .DistinctBy(s => s.Id!.Value.Value)
            .Select(s => new Source(s.Id!.Value.Value, s.Title!, s.Publisher, s.Author, s.Published, s.Url, drafts.SourceTexts[s.Id.Value.Value]))
            .ToList();

        var extraAliases = drafts.Aliases
            .Where(a => a.Entity is not null)
            .GroupBy(a => a.Entity!.Value.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var entities = drafts.Entities
            .Where(e => e.Id is not null && e.Name is not null && e.Event is null or { Kind: not null })
            .DistinctBy(e => e.Id!.Value.Value)
            .Select(e => BuildEntity(e, extraAliases.GetValueOrDefault(e.Id!.Value.Value) ?? []))
            .ToList();

        var relationships = drafts.Relationships
            .Where(r => r.Type is not null && r.From is not null && r.To is not null)
            .Select(r => new Relationship(FactIds.Of(r)!.Value.Id, r.Type!.Value, r.From!.Value.Value, r.To!.Value.Value,
                r.Validity, r.Status, Citations(r.Citations, null))
            {
                Attestations = r.Attestations
                    .Where(a => a.Date is not null && a.Source is not null)
                    .Select(a => new Attestation(a.Date!.Value, a.Source!.Value.Value))
                    .Distinct()
                    .ToList(),
                Note = r.Note,
                Role = r.Role,
                EndReason = r.EndReason,
                Participation = r.Participation,
            })
            .DistinctBy(r => r.Id);

        var estimates = drafts.Estimates
            .Where(e => e.Organization is not null)
            .Select(e => new StrengthEstimate(FactIds.Of(e)!.Value.Id, e.Organization!.Value.Value, e.Min, e.Max, e.AsOf,
                e.EstimatedBy, e.Status, Citations(e.Citations, null)) { Note = e.Note })
            .DistinctBy(e => e.Id)
            .ToList();

        return new ChangeSet
        {
            Sources = sources,
            Entities = entities,
            Relationships = Lifecycles.Derive(entities, relationships),
            StrengthEstimates = estimates,
        };
    }

    private static Entity BuildEntity(EntityDraft e, List<AliasesDraft> extra)
    {
        var name = e.Name!.Value.Value;
        var aliases = e.Aliases.Concat(extra.SelectMany(a => a.Names))
            .Select(a => a.Value)
            .Where(a => a != name)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var citations = Citations(e.Citations, null).Concat(extra.SelectMany(a => Citations(a.Citations, "alias"))).ToList();
        return new Entity(e.Id!.Value.Value, e.Kind, name, aliases, citations)
        {
            OrganizationKind = e.OrganizationKind,
            Description = e.Description,
            Founded = e.Founded,
            Dissolved = e.Dissolved,
            Event = e.Event is { Kind: { } kind } ev
                ? new EventDetails(kind, ev.Date)
                {
                    Casualties = ev.Casualties.Where(c => c.Kind is not null)
                        .Select(c => new Casualty(c.Kind!.Value, c.Min, c.Max, c.Status, Citations(c.Citations, null)) { Of = c.Of, Note = c.Note })
                        .ToList(),
                }
                : null,
        };
    }

    private static List<Citation> Citations(IEnumerable<CitationDraft> drafts, string? supports) =>
        drafts.Where(c => c.Source is not null && c.Quote is not null)
            .Select(c => new Citation(c.Source!.Value.Value, c.Quote!.Value.Value, c.Supports ?? supports))
            .ToList();
}
