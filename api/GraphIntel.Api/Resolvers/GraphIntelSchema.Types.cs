using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.Api.Resolvers;

internal sealed partial class GraphIntelSchema
{
    private static readonly string[] EntityTypes = ["Organization", "Person", "Place", "Event"];

    private void BindEntities(SchemaBuilder b)
    {
        foreach (var type in EntityTypes)
        {
            b.BindType<Entity>(type);
            b.BindSourceResolver<Entity>(type, "citations", s => s.Citations.Views(s.Id));
            Load(b, type, "relationships", c => DatedAsync(c, Parent<Entity>(c).Id, FilterFrom(c)));
            Async(b, type, "timeline", c => TimelineAsync(c, Parent<Entity>(c)));
        }
        b.BindSourceResolver<Entity>("Organization", "organizationKind", s => s.OrganizationKind ?? OrganizationKind.Other);
        Load(b, "Organization", "leaders", async c =>
            Leaders(await _load.Succession(c, Parent<Entity>(c).Id), c.GetArgument<PartialDate?>("asOf", null), Certainty(c)));
        Load(b, "Organization", "leadershipHistory", async c => (await _load.Succession(c, Parent<Entity>(c).Id)).TermViews());
        Load(b, "Organization", "umbrella", c => DatedAsync(c, Parent<Entity>(c).Id, UmbrellaFilter(Direction.Outgoing, c)));
        Load(b, "Organization", "subgroups", c => DatedAsync(c, Parent<Entity>(c).Id, UmbrellaFilter(Direction.Incoming, c)));
        Load(b, "Organization", "strengthEstimates", async c =>
            (await _load.Estimates(c, Parent<Entity>(c).Id))
                .OrderBy(x => x.AsOf is null).ThenBy(x => x.AsOf?.Start).ThenBy(x => x.Id, CodePointOrder.Comparer).ToList());
        Load(b, "Person", "leadershipTerms", async c => (await _load.TermsOf(c, Parent<Entity>(c).Id)).TermViews());
    }

    private static readonly RelationshipFilter UmbrellaOutgoing = new() { Types = GraphOntology.UmbrellaTypes, Direction = Direction.Outgoing };
    private static readonly RelationshipFilter UmbrellaIncoming = new() { Types = GraphOntology.UmbrellaTypes, Direction = Direction.Incoming };

    /// <summary>Umbrella ties one way, at the field's asOf and certainty; without asOf a shared instance (its loader name is computed once).</summary>
    private static RelationshipFilter UmbrellaFilter(Direction direction, IResolveFieldContext c)
    {
        var shared = direction == Direction.Outgoing ? UmbrellaOutgoing : UmbrellaIncoming;
        return c.GetArgument<PartialDate?>("asOf", null) is { } asOf ? shared with { AsOf = asOf, Certainty = Certainty(c) } : shared;
    }

    /// <summary>An entity's relationships through <paramref name="filter"/>, each read for its asOf (see <see cref="DatedReads"/>).</summary>
    private ValueTask<IReadOnlyList<Relationship>> DatedAsync(IResolveFieldContext c, string entityId, RelationshipFilter filter)
    {
        var load = _load.Relationships(c, entityId, filter);
        if (filter.AsOf is null) return load;
        return load.IsCompletedSuccessfully ? new(DatedReads.At(load.Result, filter.AsOf)) : Awaited(load, filter.AsOf);

        static async ValueTask<IReadOnlyList<Relationship>> Awaited(ValueTask<IReadOnlyList<Relationship>> load, PartialDate? asOf) =>
            DatedReads.At(await load.ConfigureAwait(false), asOf);
    }

    private void BindFacts(SchemaBuilder b)
    {
        b.BindType<Relationship>("Relationship");
        Load(b, "Relationship", "from", (Relationship s, out Entity? e) => _load.TryGetEntity(s.FromId, out e), c => _load.Entity(c, Parent<Relationship>(c).FromId));
        Load(b, "Relationship", "to", (Relationship s, out Entity? e) => _load.TryGetEntity(s.ToId, out e), c => _load.Entity(c, Parent<Relationship>(c).ToId));
        b.BindSourceResolver<Relationship>("Relationship", "validFrom", s => s.Validity.Start.Exact);
        b.BindSourceResolver<Relationship>("Relationship", "validTo", s => s.EffectiveValidity.End.Exact);
        b.BindSourceResolver<Relationship>("Relationship", "citations", s => s.Citations.Views(s.Id));
        b.BindSourceResolver<Relationship>("Relationship", "interval", s => s.EffectiveValidity);
        b.BindSourceResolver<Relationship>("Relationship", "statedInterval", s => s.Validity);
        b.BindSourceResolver<Relationship>("Relationship", "temporalStatus", s => DatedReads.StatusOf(s));

        b.BindSourceResolver<LeadershipTermView>("LeadershipTerm", "id", s => s.Relationship.Id);
        Load(b, "LeadershipTerm", "person", (LeadershipTermView s, out Entity? e) => _load.TryGetEntity(s.Relationship.FromId, out e),
            c => _load.Entity(c, Parent<LeadershipTermView>(c).Relationship.FromId));
        Load(b, "LeadershipTerm", "organization", (LeadershipTermView s, out Entity? e) => _load.TryGetEntity(s.Relationship.ToId, out e),
            c => _load.Entity(c, Parent<LeadershipTermView>(c).Relationship.ToId));
        b.BindSourceResolver<LeadershipTermView>("LeadershipTerm", "from", s => s.Relationship.Validity.Start.Exact);
        b.BindSourceResolver<LeadershipTermView>("LeadershipTerm", "to", s => s.Relationship.EffectiveValidity.End.Exact);
        b.BindSourceResolver<LeadershipTermView>("LeadershipTerm", "role", s => s.Relationship.Role);
        b.BindSourceResolver<LeadershipTermView>("LeadershipTerm", "endReason", s => s.Relationship.EndReason);
        b.BindSourceResolver<LeadershipTermView>("LeadershipTerm", "status", s => s.Relationship.Status);
        b.BindSourceResolver<LeadershipTermView>("LeadershipTerm", "citations", s => s.Relationship.Citations.Views(s.Relationship.Id));
        b.BindSourceResolver<LeadershipTermView>("LeadershipTerm", "interval", s => s.Relationship.EffectiveValidity);
        b.BindSourceResolver<LeadershipTermView>("LeadershipTerm", "statedInterval", s => s.Relationship.Validity);
        b.BindSourceResolver<LeadershipTermView>("LeadershipTerm", "endedBy", s => s.Relationship.EndedBy);
        b.BindSourceResolver<LeadershipTermView>("LeadershipTerm", "attestations", s => s.Relationship.Attestations);
        b.BindSourceResolver<LeadershipTermView>("LeadershipTerm", "temporalStatus", s => s.Status);
        Load(b, "LeadershipTerm", "predecessor", c => NeighbourTermAsync(c, -1));
        Load(b, "LeadershipTerm", "successor", c => NeighbourTermAsync(c, +1));

        b.BindType<StrengthEstimate>("StrengthEstimate");
        Load(b, "StrengthEstimate", "organization", (StrengthEstimate s, out Entity? e) => _load.TryGetEntity(s.OrganizationId, out e),
            c => _load.Entity(c, Parent<StrengthEstimate>(c).OrganizationId));
        b.BindSourceResolver<StrengthEstimate>("StrengthEstimate", "citations", s => s.Citations.Views(s.Id));

        // Time: an interval is a Validity, each end a DateBound (EDTF text and its two sides); Relationship.endedBy and
        // .attestations read the record's properties.
        b.BindType<Validity>("Interval").BindSourceResolver<Validity>("Interval", "edtf", s => s.ToString());
        b.BindType<DateBound>("DateBound").BindSourceResolver<DateBound>("DateBound", "edtf", s => s.ToString());
        b.BindType<LifecycleEnd>("LifecycleEnd");
        b.BindType<Attestation>("Attestation");
        Load(b, "Attestation", "source", (Attestation s, out Source? source) => _load.TryGetSource(s.SourceId, out source),
            c => _load.Source(c, Parent<Attestation>(c).SourceId));

        b.BindType<GraphPath>("Path").BindType<Subgraph>("Subgraph").BindType<NameMatch>("SearchHit");
        b.BindType<TimelineEventView>("TimelineEvent");
        b.BindType<AuditEntry>("AuditEntry");
        b.BindSourceResolver<AuditEntry>("AuditEntry", "sequence", s => checked((int)s.Sequence));
    }

    private void BindSources(SchemaBuilder b)
    {
        b.BindType<Source>("Source");
        Load(b, "Source", "citations", async c => (await _load.CitationsOfSource(c, Parent<Source>(c).Id)).Views());

        Load(b, "Citation", "source", (CitationView s, out Source? source) => _load.TryGetSource(s.Citation.SourceId, out source),
            c => _load.Source(c, Parent<CitationView>(c).Citation.SourceId));
        b.BindSourceResolver<CitationView>("Citation", "quote", s => s.Citation.Quote);
        b.BindSourceResolver<CitationView>("Citation", "supports", s => s.Citation.Supports);
        b.BindSourceResolver<CitationView>("Citation", "subjectId", s => s.SubjectId);
        Load(b, "Citation", "location", async c =>
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
        b.BindSourceResolver<IPageInfo>("PageInfo", "hasNextPage", s => s.HasNextPage);
        b.BindSourceResolver<IPageInfo>("PageInfo", "hasPreviousPage", s => s.HasPreviousPage);
        b.BindSourceResolver<IPageInfo>("PageInfo", "startCursor", s => s.StartCursor);
        b.BindSourceResolver<IPageInfo>("PageInfo", "endCursor", s => s.EndCursor);

        b.BindSourceResolver<GraphStatistics>("GraphStatistics", "sources", s => s.Sources);
        b.BindSourceResolver<GraphStatistics>("GraphStatistics", "organizations", s => s.EntitiesByKind.GetValueOrDefault(EntityKind.Organization));
        b.BindSourceResolver<GraphStatistics>("GraphStatistics", "people", s => s.EntitiesByKind.GetValueOrDefault(EntityKind.Person));
        b.BindSourceResolver<GraphStatistics>("GraphStatistics", "places", s => s.EntitiesByKind.GetValueOrDefault(EntityKind.Place));
        b.BindSourceResolver<GraphStatistics>("GraphStatistics", "events", s => s.EntitiesByKind.GetValueOrDefault(EntityKind.Event));
        b.BindSourceResolver<GraphStatistics>("GraphStatistics", "relationships", s => s.RelationshipsByType.Values.Sum());
        b.BindSourceResolver<GraphStatistics>("GraphStatistics", "relationshipsByType", s =>
            s.RelationshipsByType.Where(kv => kv.Value > 0).Select(kv => new CountView(kv.Key, kv.Value)).ToList());
        b.BindSourceResolver<GraphStatistics>("GraphStatistics", "relationshipsByStatus", s =>
            s.RelationshipsByStatus.Where(kv => kv.Value > 0).Select(kv => new CountView(kv.Key, kv.Value)).ToList());
        b.BindSourceResolver<GraphStatistics>("GraphStatistics", "strengthEstimates", s => s.StrengthEstimates);
        b.BindSourceResolver<GraphStatistics>("GraphStatistics", "citations", s => s.Citations);
        b.BindSourceResolver<GraphStatistics>("GraphStatistics", "firstDate", s => s.FirstDay);
        b.BindSourceResolver<GraphStatistics>("GraphStatistics", "lastDate", s => s.LastDay);
        b.BindSourceResolver<CountView>("TypeCount", "type", s => s.Key);
        b.BindSourceResolver<CountView>("TypeCount", "count", s => s.Count);
        b.BindSourceResolver<CountView>("StatusCount", "status", s => s.Key);
        b.BindSourceResolver<CountView>("StatusCount", "count", s => s.Count);
    }

    private static void BindConnection<T>(SchemaBuilder b, string connection, string edge)
    {
        b.BindSourceResolver<PageView<T>>(connection, "edges", page => page.Items.Select((item, i) => new EdgeView<T>(page.Cursors[i], item)).ToList());
        b.BindSourceResolver<PageView<T>>(connection, "pageInfo", page => (IPageInfo)new PageInfo<T>(page));
        b.BindSourceResolver<PageView<T>>(connection, "totalCount", page => page.TotalCount);
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

    /// <summary>The leaders in force on <paramref name="asOf"/> with their status then; without a date, the latest leaders.</summary>
    private static IReadOnlyList<LeadershipTermView> Leaders(IReadOnlyList<Relationship> succession, PartialDate? asOf, TemporalCertainty certainty) =>
        asOf is { } date
            ? Succession.InForce(succession, date, certainty).Select(t => new LeadershipTermView(t.Term, t.Status)).ToList()
            : Succession.Latest(succession).TermViews();

    private async ValueTask<LeadershipTermView?> NeighbourTermAsync(IResolveFieldContext c, int step)
    {
        var term = Parent<LeadershipTermView>(c).Relationship;
        var succession = await _load.Succession(c, term.ToId).ConfigureAwait(false);
        return Succession.Neighbour(succession, term.Id, step) is { } neighbour ? new LeadershipTermView(neighbour) : null;
    }

    private async Task<IReadOnlyList<TimelineEventView>> TimelineAsync(IResolveFieldContext c, Entity entity)
    {
        var filter = new RelationshipFilter { Types = c.GetArgument<RelationshipType[]?>("types", null) };
        var relationships = await _load.Relationships(c, entity.Id, filter).ConfigureAwait(false);
        var others = relationships.SelectMany(r => new[] { r.FromId, r.ToId }).Where(id => id != entity.Id).Distinct();
        var entities = new Dictionary<string, Entity>(StringComparer.Ordinal) { [entity.Id] = entity };
        foreach (var other in await Task.WhenAll(others.Select(id => _load.Entity(c, id).AsTask())).ConfigureAwait(false))
            if (other is not null) entities[other.Id] = other;

        string Name(string id) => entities.TryGetValue(id, out var e) ? e.Name : id;
        string Sentence(Relationship r) => $"{Name(r.FromId)} {EnumNames.ToContractName(r.Type)} {Name(r.ToId)}";

        var events = new List<TimelineEventView>();
        if (entity.Founded is { } founded) events.Add(new(founded, TimelineEventKind.Founded, null, $"{entity.Name} founded"));
        if (entity.Dissolved is { } dissolved) events.Add(new(dissolved, TimelineEventKind.Dissolved, null, $"{entity.Name} dissolved"));
        // Events the entity took part in or that happened there: one EVENT entry each, dated by the event.
        var occurrences = relationships.Where(r => EventOf(r) is not null).GroupBy(r => EventOf(r)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (entity.Kind == EntityKind.Event) occurrences.TryAdd(entity.Id, []);
        foreach (var (eventId, facts) in occurrences)
        {
            if (!entities.TryGetValue(eventId, out var occurrence) || occurrence.Event is not { } details) continue;
            var parts = facts.Where(r => r.FromId == entity.Id && r.Participation is not null)
                .Select(r => $"{entity.Name} as {EnumNames.ToContractName(r.Participation!.Role)}" +
                             (r.Participation.Attribution is { } a ? $" ({EnumNames.ToContractName(a)})" : ""));
            var summary = $"{occurrence.Name} ({EnumNames.ToContractName(details.Kind)})" + string.Concat(parts.Select(p => ": " + p));
            events.Add(new(PlacedAt(details.Date), TimelineEventKind.Event, null, summary) { Occurrence = occurrence });
        }
        foreach (var r in relationships.Where(r => EventOf(r) is null))
        {
            var start = r.Validity.Start.Exact;
            var end = r.Validity.End.Exact;
            if (start is { } from) events.Add(new(from, TimelineEventKind.Start, r, Sentence(r)));
            if (end is { } to) events.Add(new(to, TimelineEventKind.End, r, Sentence(r) + (r.EndReason is { } why ? $" (ended: {why})" : " (ended)")));
            if (start is null && end is null) events.Add(new(null, TimelineEventKind.Start, r, Sentence(r)));
        }
        return events.OrderBy(e => e.Undated).ThenBy(e => e.Date?.Start).ThenBy(e => e.Date?.End).ThenBy(e => e.Event)
            .ThenBy(e => e.Summary, CodePointOrder.Comparer).ToList();
    }

    /// <summary>The event a PARTICIPATED_IN or OCCURRED_IN relationship is about; null for other relationships.</summary>
    private static string? EventOf(Relationship r) => r.Type switch
    {
        RelationshipType.ParticipatedIn => r.ToId,
        RelationshipType.OccurredIn => r.FromId,
        _ => null,
    };

    /// <summary>Where a date bound is placed on a timeline: its exact date, else its earliest side, else its latest; null when unknown.</summary>
    private static PartialDate? PlacedAt(DateBound date) => date.Exact ?? date.Earliest ?? date.Latest;
}
