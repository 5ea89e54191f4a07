using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL.Execution;

namespace GraphIntel.Api.GraphQL;

/// <summary>
/// The request-scoped batch loaders over the store: every key a level of the query asks for goes to the store in one
/// call, so a list of N entities costs a constant number of store round trips. Loaders that take a filter are keyed by
/// it (the same filter shares one loader).
/// </summary>
public sealed class Loaders(IGraphStore store)
{
    public Task<Entity?> Entity(IResolveFieldContext context, string id) =>
        context.GetDataLoader<string, Entity>("entities", (ids, ct) => store.GetEntitiesAsync(ids, ct)).LoadAsync(id);

    public Task<Source?> Source(IResolveFieldContext context, string id) =>
        context.GetDataLoader<string, Source>("sources", (ids, ct) => store.GetSourcesAsync(ids, ct)).LoadAsync(id);

    public Task<Relationship?> RelationshipById(IResolveFieldContext context, string id) =>
        context.GetDataLoader<string, Relationship>("relationshipsById", (ids, ct) => store.GetRelationshipsByIdAsync(ids, ct)).LoadAsync(id);

    public Task<StrengthEstimate?> EstimateById(IResolveFieldContext context, string id) =>
        context.GetDataLoader<string, StrengthEstimate>("estimatesById", (ids, ct) => store.GetStrengthEstimatesByIdAsync(ids, ct)).LoadAsync(id);

    public async Task<IReadOnlyList<Relationship>> Relationships(IResolveFieldContext context, string entityId, RelationshipFilter filter) =>
        await context.GetDataLoader<string, IReadOnlyList<Relationship>>(
                LoaderName(filter), (ids, ct) => store.GetRelationshipsAsync(ids, filter, ct))
            .LoadAsync(entityId).ConfigureAwait(false) ?? [];

    public async Task<IReadOnlyList<StrengthEstimate>> Estimates(IResolveFieldContext context, string organizationId) =>
        await context.GetDataLoader<string, IReadOnlyList<StrengthEstimate>>(
                "estimates", (ids, ct) => store.GetStrengthEstimatesAsync(ids, false, ct))
            .LoadAsync(organizationId).ConfigureAwait(false) ?? [];

    public async Task<IReadOnlyList<SourceCitation>> CitationsOfSource(IResolveFieldContext context, string sourceId) =>
        await context.GetDataLoader<string, IReadOnlyList<SourceCitation>>(
                "citationsOfSource", (ids, ct) => store.GetCitationsBySourceAsync(ids, ct))
            .LoadAsync(sourceId).ConfigureAwait(false) ?? [];

    /// <summary>An organization's leadership terms (LEADS, incoming, not retracted), oldest first: its succession.</summary>
    public async Task<IReadOnlyList<Relationship>> Succession(IResolveFieldContext context, string organizationId) =>
        GraphQL.Succession.Order(await Relationships(context, organizationId, GraphQL.Succession.Filter).ConfigureAwait(false));

    /// <summary>A person's leadership terms, oldest first.</summary>
    public async Task<IReadOnlyList<Relationship>> TermsOf(IResolveFieldContext context, string personId) =>
        GraphQL.Succession.Order(await Relationships(context, personId, GraphQL.Succession.PersonFilter).ConfigureAwait(false));

    /// <summary>
    /// The loader of a filter: filters with the same content share one. Memoized per filter instance, so the shared
    /// static filters (successions, umbrella ties without asOf) pay for the name once, not on every field.
    /// </summary>
    private static string LoaderName(RelationshipFilter filter) =>
        LoaderNames.GetValue(filter, static f => "relationships:" + Signature(f));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RelationshipFilter, string> LoaderNames = new();

    private static string Signature(RelationshipFilter f) =>
        $"{(f.Types is null ? "*" : string.Join(',', f.Types.Order()))}|{f.Direction}|{f.AsOf}|{(f.Statuses is null ? "*" : string.Join(',', f.Statuses.Order()))}";
}

/// <summary>How a succession is ordered: by start, then end, undated terms last, ties by id.</summary>
public static class Succession
{
    public static readonly RelationshipFilter Filter = new() { Types = [RelationshipType.Leads], Direction = Direction.Incoming };
    public static readonly RelationshipFilter PersonFilter = new() { Types = [RelationshipType.Leads], Direction = Direction.Outgoing };

    public static IReadOnlyList<Relationship> Order(IEnumerable<Relationship> terms) => terms
        .OrderBy(r => r.Validity.From is null && r.Validity.To is null)
        .ThenBy(r => r.Validity.From?.Start ?? r.Validity.To?.Start ?? DateOnly.MinValue)
        .ThenBy(r => r.Validity.To?.End ?? DateOnly.MaxValue)
        .ThenBy(r => r.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>Terms in force at <paramref name="asOf"/>; without it, the ongoing terms, else those that ended last.</summary>
    public static IReadOnlyList<Relationship> Leaders(IReadOnlyList<Relationship> ordered, PartialDate? asOf)
    {
        if (asOf is { } date) return ordered.Where(r => r.Validity.Covers(date)).ToList();
        var dated = ordered.Where(r => r.Validity.From is not null || r.Validity.To is not null).ToList();
        var ongoing = dated.Where(r => r.Validity.To is null).ToList();
        if (ongoing.Count > 0) return ongoing;
        if (dated.Count == 0) return ordered;
        var lastEnd = dated.Max(r => r.Validity.To!.Value.End);
        return dated.Where(r => r.Validity.To!.Value.End == lastEnd).ToList();
    }
}
