using GraphIntel.Api.Errors;
using GraphIntel.Api.Limits;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.Api.Resolvers;

internal sealed partial class GraphIntelSchema
{
    private void BindQuery(SchemaBuilder b)
    {
        Load(b, "Query", "node", c => NodeAsync(c, c.GetArgument<string>("id")));
        Load(b, "Query", "entity", c => FindEntityAsync(c, null));
        Load(b, "Query", "organization", c => FindEntityAsync(c, EntityKind.Organization));
        Load(b, "Query", "person", c => FindEntityAsync(c, EntityKind.Person));
        Load(b, "Query", "place", c => FindEntityAsync(c, EntityKind.Place));
        Async(b, "Query", "search", c =>
        {
            var text = c.GetArgument<string>("text");
            if (string.IsNullOrWhiteSpace(text)) throw ApiErrors.BadArgument("Argument \"text\" must not be empty.");
            var first = ApiLimits.Check(c.GetArgument("first", 10), 0, _limits.MaxPageSize, "first");
            return _store.FindByNameAsync(text, c.GetArgument<EntityKind[]?>("kinds", null), first, c.CancellationToken);
        });
        Async(b, "Query", "lineage", async c =>
        {
            var maxDepth = ApiLimits.Check(c.GetArgument("maxDepth", 5), 1, _limits.MaxLineageDepth, "maxDepth");
            var id = await KnownEntityIdAsync(c, "id");
            var filter = FilterFrom(c, types: GraphOntology.LineageTypes.ToArray());
            return DatedReads.At(await _store.GetLineageAsync(id, c.GetArgument("direction", LineageDirection.Both), filter, maxDepth, c.CancellationToken), filter.AsOf);
        });
        Async(b, "Query", "paths", async c =>
        {
            var maxHops = ApiLimits.Check(c.GetArgument("maxHops", 6), 1, _limits.MaxPathHops, "maxHops");
            var first = ApiLimits.Check(c.GetArgument("first", 5), 1, _limits.MaxPaths, "first");
            var from = await KnownEntityIdAsync(c, "from");
            var to = await KnownEntityIdAsync(c, "to");
            var filter = FilterFrom(c);
            return DatedReads.At(await _store.FindPathsAsync(from, to, filter, maxHops, first, c.CancellationToken), filter.AsOf);
        });
        Async(b, "Query", "neighborhood", async c =>
        {
            var depth = ApiLimits.Check(c.GetArgument("depth", 1), 1, _limits.MaxNeighborhoodDepth, "depth");
            var id = await KnownEntityIdAsync(c, "id");
            var filter = FilterFrom(c);
            return DatedReads.At(await _store.GetNeighborhoodAsync(id, depth, filter, c.CancellationToken), filter.AsOf);
        });
        Async(b, "Query", "organizations", c =>
        {
            var filter = c.GetArgument<Dictionary<string, object?>?>("filter", null);
            return PageAsync(c, new EntityQuery
            {
                Kinds = [EntityKind.Organization],
                NameContains = Input.Get<string>(filter, "nameContains"),
                OrganizationKinds = Input.GetList<OrganizationKind>(filter, "organizationKinds"),
                ActiveAt = Input.Get<PartialDate?>(filter, "activeAt"),
                Certainty = Input.Get<TemporalCertainty?>(filter, "certainty") ?? TemporalCertainty.Known,
            });
        });
        Async(b, "Query", "people", c => PageAsync(c, new EntityQuery
        {
            Kinds = [EntityKind.Person],
            NameContains = Input.Get<string>(c.GetArgument<Dictionary<string, object?>?>("filter", null), "nameContains"),
        }));
        Async(b, "Query", "places", c => PageAsync(c, new EntityQuery
        {
            Kinds = [EntityKind.Place],
            NameContains = Input.Get<string>(c.GetArgument<Dictionary<string, object?>?>("filter", null), "nameContains"),
        }));
        Async(b, "Query", "sources", c => _store.ListSourcesAsync(c.CancellationToken));
        Async(b, "Query", "sourcesConnection", async c =>
        {
            var first = ApiLimits.Check(c.GetArgument("first", 50), 0, _limits.MaxPageSize, "first");
            var after = c.GetArgument<string?>("after", null);
            var page = await _store.ListSourcesAsync(new SourceQuery { First = first, After = after }, c.CancellationToken);
            return page.ToView(hasPrevious: after is not null);
        });
        Load(b, "Query", "source", c => _load.Source(c, c.GetArgument<string>("id")));
        Load(b, "Query", "relationship", c => _load.RelationshipById(c, c.GetArgument<string>("id")));
        Async(b, "Query", "statistics", c => _store.GetStatisticsAsync(c.CancellationToken));
        Async(b, "Query", "auditLog", c => _store.GetAuditAsync(new AuditQuery
        {
            TargetId = c.GetArgument<string?>("targetId", null),
            Actor = c.GetArgument<string?>("actor", null),
            First = ApiLimits.Check(c.GetArgument("first", 50), 0, _limits.MaxPageSize, "first"),
            Before = c.HasArgument("before") && c.Arguments["before"] is not null ? c.GetArgument<int>("before") : null,
        }, c.CancellationToken));
    }

    /// <summary>The id in argument <paramref name="argument"/>, after checking an entity has it: a traversal from an unknown id is NOT_FOUND, not an empty answer.</summary>
    private async Task<string> KnownEntityIdAsync(IResolveFieldContext c, string argument)
    {
        var id = c.GetArgument<string>(argument);
        return await _load.Entity(c, id) is not null ? id : throw ApiErrors.UnknownEntity(id, argument);
    }

    private async ValueTask<object?> NodeAsync(IResolveFieldContext c, string id)
    {
        if (id.StartsWith(EntityIds.SourcePrefix, StringComparison.Ordinal)) return await _load.Source(c, id);
        if (Enum.GetValues<EntityKind>().Any(k => id.StartsWith(EntityIds.PrefixOf(k), StringComparison.Ordinal))) return await _load.Entity(c, id);
        return (object?)await _load.RelationshipById(c, id) ?? await _load.EstimateById(c, id);
    }

    private async ValueTask<Entity?> FindEntityAsync(IResolveFieldContext c, EntityKind? kind)
    {
        var id = c.GetArgument<string?>("id", null);
        var name = c.GetArgument<string?>("name", null);
        if (id is null && string.IsNullOrWhiteSpace(name))
            throw ApiErrors.BadArgument($"{c.FieldName} needs an \"id\" or a \"name\".");
        if (id is not null)
        {
            var byId = await _load.Entity(c, id);
            return byId is not null && (kind is null || byId.Kind == kind) ? byId : null;
        }
        var hits = await _store.FindByNameAsync(name!, kind is { } k ? [k] : null, 1, c.CancellationToken);
        return hits.Count > 0 ? hits[0].Entity : null;
    }

    private async Task<PageView<Entity>> PageAsync(IResolveFieldContext c, EntityQuery query)
    {
        var first = ApiLimits.Check(c.GetArgument("first", 50), 0, _limits.MaxPageSize, "first");
        var after = c.GetArgument<string?>("after", null);
        var page = await _store.ListEntitiesAsync(query with { First = first, After = after }, c.CancellationToken);
        return page.ToView(hasPrevious: after is not null);
    }
}
