using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.Api.GraphQL;

public sealed partial class GraphIntelSchema
{
    private static readonly string[] EntityTypes = ["Organization", "Person", "Place"];

    private void BindEntities(SchemaBuilder b)
    {
        foreach (var type in EntityTypes)
        {
            b.BindType<Entity>(type);
            b.BindResolver(type, "citations", c => Parent<Entity>(c).Citations.Views(Parent<Entity>(c).Id));
            Async(b, type, "relationships", c => _load.Relationships(c, Parent<Entity>(c).Id, FilterFrom(c)));
            Async(b, type, "timeline", c => TimelineAsync(c, Parent<Entity>(c)));
        }
        b.BindResolver("Organization", "organizationKind", c => Parent<Entity>(c).OrganizationKind ?? OrganizationKind.Other);
        Async(b, "Organization", "leaders", async c =>
            Succession.Leaders(await _load.Succession(c, Parent<Entity>(c).Id), c.GetArgument<PartialDate?>("asOf", null))
                .Select(r => new LeadershipTermView(r)).ToList());
        Async(b, "Organization", "leadershipHistory", async c =>
            (await _load.Succession(c, Parent<Entity>(c).Id)).Select(r => new LeadershipTermView(r)).ToList());
        Async(b, "Organization", "umbrella", c => _load.Relationships(c, Parent<Entity>(c).Id, UmbrellaFilter(Direction.Outgoing, c)));
        Async(b, "Organization", "subgroups", c => _load.Relationships(c, Parent<Entity>(c).Id, UmbrellaFilter(Direction.Incoming, c)));
        Async(b, "Organization", "strengthEstimates", async c =>
            (await _load.Estimates(c, Parent<Entity>(c).Id))
                .OrderBy(x => x.AsOf is null).ThenBy(x => x.AsOf?.Start).ThenBy(x => x.Id, StringComparer.Ordinal).ToList());
        Async(b, "Person", "leadershipTerms", async c =>
            (await _load.TermsOf(c, Parent<Entity>(c).Id)).Select(r => new LeadershipTermView(r)).ToList());
    }

    private static readonly RelationshipFilter UmbrellaOutgoing = new() { Types = GraphOntology.UmbrellaTypes, Direction = Direction.Outgoing };
    private static readonly RelationshipFilter UmbrellaIncoming = new() { Types = GraphOntology.UmbrellaTypes, Direction = Direction.Incoming };

    /// <summary>Umbrella ties one way, at the field's asOf; without asOf a shared instance (its loader name is computed once).</summary>
    private static RelationshipFilter UmbrellaFilter(Direction direction, IResolveFieldContext c)
    {
        var shared = direction == Direction.Outgoing ? UmbrellaOutgoing : UmbrellaIncoming;
        return c.GetArgument<PartialDate?>("asOf", null) is { } asOf ? shared with { AsOf = asOf } : shared;
    }

    private void BindFacts(SchemaBuilder b)
    {
        b.BindType<Relationship>("Relationship");
        Async(b, "Relationship", "from", c => _load.Entity(c, Parent<Relationship>(c).FromId));
        Async(b, "Relationship", "to", c => _load.Entity(c, Parent<Relationship>(c).ToId));
        b.BindResolver("Relationship", "validFrom", c => Parent<Relationship>(c).Validity.From);
        b.BindResolver("Relationship", "validTo", c => Parent<Relationship>(c).Validity.To);
        b.BindResolver("Relationship", "citations", c => Parent<Relationship>(c).Citations.Views(Parent<Relationship>(c).Id));

        b.BindResolver("LeadershipTerm", "id", c => Parent<LeadershipTermView>(c).Relationship.Id);
        Async(b, "LeadershipTerm", "person", c => _load.Entity(c, Parent<LeadershipTermView>(c).Relationship.FromId));
        Async(b, "LeadershipTerm", "organization", c => _load.Entity(c, Parent<LeadershipTermView>(c).Relationship.ToId));
        b.BindResolver("LeadershipTerm", "from", c => Parent<LeadershipTermView>(c).Relationship.Validity.From);
        b.BindResolver("LeadershipTerm", "to", c => Parent<LeadershipTermView>(c).Relationship.Validity.To);
        b.BindResolver("LeadershipTerm", "role", c => Parent<LeadershipTermView>(c).Relationship.Role);
        b.BindResolver("LeadershipTerm", "endReason", c => Parent<LeadershipTermView>(c).Relationship.EndReason);
        b.BindResolver("LeadershipTerm", "status", c => Parent<LeadershipTermView>(c).Relationship.Status);
        b.BindResolver("LeadershipTerm", "citations", c =>
            Parent<LeadershipTermView>(c).Relationship.Citations.Views(Parent<LeadershipTermView>(c).Relationship.Id));
        Async(b, "LeadershipTerm", "predecessor", c => NeighbourTermAsync(c, -1));
        Async(b, "LeadershipTerm", "successor", c => NeighbourTermAsync(c, +1));

        b.BindType<StrengthEstimate>("StrengthEstimate");
        Async(b, "StrengthEstimate", "organization", c => _load.Entity(c, Parent<StrengthEstimate>(c).OrganizationId));
        b.BindResolver("StrengthEstimate", "citations", c => Parent<StrengthEstimate>(c).Citations.Views(Parent<StrengthEstimate>(c).Id));

        b.BindType<GraphPath>("Path").BindType<Subgraph>("Subgraph").BindType<NameMatch>("SearchHit");
        b.BindType<TimelineEventView>("TimelineEvent");
        b.BindType<AuditEntry>("AuditEntry");
        b.BindResolver("AuditEntry", "sequence", c => checked((int)Parent<AuditEntry>(c).Sequence));
    }

    private void BindSources(SchemaBuilder b)
    {
        b.BindType<Source>("Source");
        Async(b, "Source", "citations", async c =>
            (await _load.CitationsOfSource(c, Parent<Source>(c).Id)).Select(sc => new CitationView(sc.Citation, sc.SupportsId)).ToList());

        Async(b, "Citation", "source", c => _load.Source(c, Parent<CitationView>(c).Citation.SourceId));
        b.BindResolver("Citation", "quote", c => Parent<CitationView>(c).Citation.Quote);
        b.BindResolver("Citation", "supports", c => Parent<CitationView>(c).Citation.Supports);
        b.BindResolver("Citation", "subjectId", c => Parent<CitationView>(c).SubjectId);
        Async(b, "Citation", "location", async c =>
        {
            var view = Parent<CitationView>(c);
            return await _load.Source(c, view.Citation.SourceId) is { } source ? _texts.Locate(source, view.Citation.Quote) : null;
        });
        b.BindType<TextSpan>("TextSpan");
    }

    private static void BindPages(SchemaBuilder b)
    {
        foreach (var (connection, edge) in new[] { ("OrganizationConnection", "OrganizationEdge"), ("PersonConnection", "PersonEdge"), ("PlaceConnection", "PlaceEdge") })
            BindConnection<Entity>(b, connection, edge);
        BindConnection<Source>(b, "SourceConnection", "SourceEdge");
        b.BindResolver("PageInfo", "hasNextPage", c => ((IPageInfo)c.Source!).HasNextPage);
        b.BindResolver("PageInfo", "hasPreviousPage", c => ((IPageInfo)c.Source!).HasPreviousPage);
        b.BindResolver("PageInfo", "startCursor", c => ((IPageInfo)c.Source!).StartCursor);
        b.BindResolver("PageInfo", "endCursor", c => ((IPageInfo)c.Source!).EndCursor);

        b.BindResolver("GraphStatistics", "sources", c => Parent<GraphStatistics>(c).Sources);
        b.BindResolver("GraphStatistics", "organizations", c => Parent<GraphStatistics>(c).EntitiesByKind.GetValueOrDefault(EntityKind.Organization));
        b.BindResolver("GraphStatistics", "people", c => Parent<GraphStatistics>(c).EntitiesByKind.GetValueOrDefault(EntityKind.Person));
        b.BindResolver("GraphStatistics", "places", c => Parent<GraphStatistics>(c).EntitiesByKind.GetValueOrDefault(EntityKind.Place));
        b.BindResolver("GraphStatistics", "relationships", c => Parent<GraphStatistics>(c).RelationshipsByType.Values.Sum());
        b.BindResolver("GraphStatistics", "relationshipsByType", c =>
            Parent<GraphStatistics>(c).RelationshipsByType.Where(kv => kv.Value > 0).Select(kv => new CountView(kv.Key, kv.Value)).ToList());
        b.BindResolver("GraphStatistics", "relationshipsByStatus", c =>
            Parent<GraphStatistics>(c).RelationshipsByStatus.Where(kv => kv.Value > 0).Select(kv => new CountView(kv.Key, kv.Value)).ToList());
        b.BindResolver("GraphStatistics", "strengthEstimates", c => Parent<GraphStatistics>(c).StrengthEstimates);
        b.BindResolver("GraphStatistics", "citations", c => Parent<GraphStatistics>(c).Citations);
        b.BindResolver("TypeCount", "type", c => Parent<CountView>(c).Key);
        b.BindResolver("TypeCount", "count", c => Parent<CountView>(c).Count);
        b.BindResolver("StatusCount", "status", c => Parent<CountView>(c).Key);
        b.BindResolver("StatusCount", "count", c => Parent<CountView>(c).Count);
    }

    private static void BindConnection<T>(SchemaBuilder b, string connection, string edge)
    {
        b.BindResolver(connection, "edges", c => Parent<PageView<T>>(c).Items.Select((item, i) => new EdgeView<T>(Parent<PageView<T>>(c).Cursors[i], item)).ToList());
        b.BindResolver(connection, "pageInfo", c => (IPageInfo)new PageInfo<T>(Parent<PageView<T>>(c)));
        b.BindResolver(connection, "totalCount", c => Parent<PageView<T>>(c).TotalCount);
        b.BindType<EdgeView<T>>(edge);
    }

    private interface IPageInfo
    {
        bool HasNextPage { get; }
        bool HasPreviousPage { get; }
        string? StartCursor { get; }
        string? EndCursor { get; }
    }

    private sealed record PageInfo<T>(PageView<T> Page) : IPageInfo
    {
        public bool HasNextPage => Page.HasNextPage;
        public bool HasPreviousPage => Page.HasPreviousPage;
        public string? StartCursor => Page.Cursors.Count > 0 ? Page.Cursors[0] : null;
        public string? EndCursor => Page.Cursors.Count > 0 ? Page.Cursors[^1] : null;
    }

    private async Task<LeadershipTermView?> NeighbourTermAsync(IResolveFieldContext c, int step)
    {
        var term = Parent<LeadershipTermView>(c).Relationship;
        var succession = await _load.Succession(c, term.ToId).ConfigureAwait(false);
        var at = succession.Select(r => r.Id).ToList().IndexOf(term.Id);
        var neighbour = at + step;
        return at >= 0 && neighbour >= 0 && neighbour < succession.Count ? new LeadershipTermView(succession[neighbour]) : null;
    }

    private async Task<IReadOnlyList<TimelineEventView>> TimelineAsync(IResolveFieldContext c, Entity entity)
    {
        var filter = new RelationshipFilter { Types = c.GetArgument<RelationshipType[]?>("types", null) };
        var relationships = await _load.Relationships(c, entity.Id, filter).ConfigureAwait(false);
        var others = relationships.SelectMany(r => new[] { r.FromId, r.ToId }).Where(id => id != entity.Id).Distinct();
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [entity.Id] = entity.Name };
        foreach (var other in await Task.WhenAll(others.Select(id => _load.Entity(c, id))).ConfigureAwait(false))
            if (other is not null) names[other.Id] = other.Name;

        string Sentence(Relationship r) =>
            $"{names.GetValueOrDefault(r.FromId, r.FromId)} {EnumNames.ToContractName(r.Type)} {names.GetValueOrDefault(r.ToId, r.ToId)}";

        var events = new List<TimelineEventView>();
        if (entity.Founded is { } founded) events.Add(new(founded, TimelineEventKind.Founded, null, $"{entity.Name} founded"));
        if (entity.Dissolved is { } dissolved) events.Add(new(dissolved, TimelineEventKind.Dissolved, null, $"{entity.Name} dissolved"));
        foreach (var r in relationships)
        {
            if (r.Validity.From is { } from) events.Add(new(from, TimelineEventKind.Start, r, Sentence(r)));
            if (r.Validity.To is { } to) events.Add(new(to, TimelineEventKind.End, r, Sentence(r) + (r.EndReason is { } why ? $" (ended: {why})" : " (ended)")));
        }
        return events.OrderBy(e => e.Date.Start).ThenBy(e => e.Date.End).ThenBy(e => e.Event).ThenBy(e => e.Summary, StringComparer.Ordinal).ToList();
    }
}
