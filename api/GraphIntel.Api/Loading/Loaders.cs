using System.Runtime.CompilerServices;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL.Execution;
using SuccessionRule = GraphIntel.Graph.Model.Succession;

namespace GraphIntel.Api.Loading;

/// <summary>
/// The request-scoped batch loaders over the store: every key a level of the query asks for goes to the store in one
/// call, so a list of N entities costs a constant number of store round trips. Loaders that take a filter are keyed by
/// it (the same filter shares one loader).
/// <para>
/// When the store keeps answers in memory (<see cref="ICachedGraphLookups"/>), a key whose answer is already there is
/// answered at once, without joining a batch: the resolver completes synchronously, so a query over warm data runs
/// without waiting for batch dispatches. Only the keys the cache lacks are batched.
/// </para>
/// </summary>
internal sealed class Loaders
{
    private readonly IGraphStore _store;
    private readonly ICachedGraphLookups? _cache;
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, Entity>>> _entities;
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, Source>>> _sources;
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, Relationship>>> _relationshipsById;
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, StrengthEstimate>>> _estimatesById;
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, IReadOnlyList<StrengthEstimate>>>> _estimates;
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, IReadOnlyList<SourceCitation>>>> _citationsOfSource;
    private readonly ConditionalWeakTable<RelationshipFilter, RelationshipLoader> _relationshipLoaders = new();

    public Loaders(IGraphStore store)
    {
        _store = store;
        _cache = store as ICachedGraphLookups;
        // The batch functions are made once: a loader call allocates no delegate.
        _entities = (ids, ct) => _store.GetEntitiesAsync(ids, ct);
        _sources = (ids, ct) => _store.GetSourcesAsync(ids, ct);
        _relationshipsById = (ids, ct) => _store.GetRelationshipsByIdAsync(ids, ct);
        _estimatesById = (ids, ct) => _store.GetStrengthEstimatesByIdAsync(ids, ct);
        _estimates = (ids, ct) => _store.GetStrengthEstimatesAsync(ids, false, ct);
        _citationsOfSource = (ids, ct) => _store.GetCitationsBySourceAsync(ids, ct);
    }

    /// <summary>The entity, when it is in memory (no request context needed); false: load it with <see cref="Entity"/>.</summary>
    public bool TryGetEntity(string id, out Entity? entity)
    {
        entity = null;
        return _cache is not null && _cache.TryGetCachedEntity(id, out entity);
    }

    /// <summary>The source, when it is in memory (no request context needed); false: load it with <see cref="Source"/>.</summary>
    public bool TryGetSource(string id, out Source? source)
    {
        source = null;
        return _cache is not null && _cache.TryGetCachedSource(id, out source);
    }

    public ValueTask<Entity?> Entity(IResolveFieldContext context, string id) =>
        TryGetEntity(id, out var cached)
            ? new(cached)
            : new(context.GetDataLoader("entities", _entities).LoadAsync(id));

    public ValueTask<Source?> Source(IResolveFieldContext context, string id) =>
        TryGetSource(id, out var cached)
            ? new(cached)
            : new(context.GetDataLoader("sources", _sources).LoadAsync(id));

    public ValueTask<Relationship?> RelationshipById(IResolveFieldContext context, string id) =>
        _cache is not null && _cache.TryGetCachedRelationship(id, out var cached)
            ? new(cached)
            : new(context.GetDataLoader("relationshipsById", _relationshipsById).LoadAsync(id));

    public ValueTask<StrengthEstimate?> EstimateById(IResolveFieldContext context, string id) =>
        _cache is not null && _cache.TryGetCachedStrengthEstimate(id, out var cached)
            ? new(cached)
            : new(context.GetDataLoader("estimatesById", _estimatesById).LoadAsync(id));

    public ValueTask<IReadOnlyList<Relationship>> Relationships(IResolveFieldContext context, string entityId, RelationshipFilter filter)
    {
        if (_cache is not null && _cache.TryGetCachedRelationships(entityId, filter, out var cached)) return new(cached);
        if (!_relationshipLoaders.TryGetValue(filter, out var loader)) loader = _relationshipLoaders.GetValue(filter, f => new RelationshipLoader(_store, f));
        return OrEmpty(context.GetDataLoader(loader.Name, loader.BatchFunction).LoadAsync(entityId));
    }

    public ValueTask<IReadOnlyList<StrengthEstimate>> Estimates(IResolveFieldContext context, string organizationId) =>
        _cache is not null && _cache.TryGetCachedStrengthEstimates(organizationId, includeRetracted: false, out var cached)
            ? new(cached)
            : OrEmpty(context.GetDataLoader("estimates", _estimates).LoadAsync(organizationId));

    public ValueTask<IReadOnlyList<SourceCitation>> CitationsOfSource(IResolveFieldContext context, string sourceId) =>
        _cache is not null && _cache.TryGetCachedCitationsBySource(sourceId, out var cached)
            ? new(cached)
            : OrEmpty(context.GetDataLoader("citationsOfSource", _citationsOfSource).LoadAsync(sourceId));

    /// <summary>An organization's leadership terms, in <see cref="SuccessionRule"/> order: its succession.</summary>
    public async ValueTask<IReadOnlyList<Relationship>> Succession(IResolveFieldContext context, string organizationId) =>
        SuccessionRule.Order(await Relationships(context, organizationId, SuccessionRule.Filter).ConfigureAwait(false));

    /// <summary>A person's leadership terms, in <see cref="SuccessionRule"/> order.</summary>
    public async ValueTask<IReadOnlyList<Relationship>> TermsOf(IResolveFieldContext context, string personId) =>
        SuccessionRule.Order(await Relationships(context, personId, SuccessionRule.PersonFilter).ConfigureAwait(false));

    private static ValueTask<IReadOnlyList<T>> OrEmpty<T>(Task<IReadOnlyList<T>?> load) =>
        load.IsCompletedSuccessfully ? new(load.Result ?? []) : Awaited(load);

    private static async ValueTask<IReadOnlyList<T>> Awaited<T>(Task<IReadOnlyList<T>?> load) => await load.ConfigureAwait(false) ?? [];

    /// <summary>
    /// The loader of one filter: filters with the same content share a name, hence one loader per request. Made once per
    /// filter instance, so the shared static filters (successions, umbrella ties without asOf) cost no name or delegate.
    /// </summary>
    private sealed class RelationshipLoader
    {
        public RelationshipLoader(IGraphStore store, RelationshipFilter filter)
        {
            Name = "relationships:" + Signature(filter);
            BatchFunction = (ids, ct) => store.GetRelationshipsAsync(ids, filter, ct);
        }

        public string Name { get; }

        public Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, IReadOnlyList<Relationship>>>> BatchFunction { get; }

        private static string Signature(RelationshipFilter f) =>
            $"{(f.Types is null ? "*" : string.Join(',', f.Types.Order()))}|{f.Direction}|{f.AsOf}|{f.Certainty}|{(f.Statuses is null ? "*" : string.Join(',', f.Statuses.Order()))}";
    }
}
