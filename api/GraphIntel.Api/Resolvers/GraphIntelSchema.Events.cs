using GraphIntel.Api.Errors;
using GraphIntel.Api.Limits;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;
using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.Api.Resolvers;

// Events: the Event type (an EVENT entity with its details), its participants and casualty figures, `events` on
// organizations, people and places, and Query.event / Query.events. Where an event happened and who took part are
// relationships (OCCURRED_IN, PARTICIPATED_IN), read through the same loaders as every other relationship.
internal sealed partial class GraphIntelSchema
{
    private static readonly RelationshipFilter PlacesOfEvent = new() { Types = [RelationshipType.OccurredIn], Direction = Direction.Outgoing };
    private static readonly RelationshipFilter ParticipantsOfEvent = new() { Types = [RelationshipType.ParticipatedIn], Direction = Direction.Incoming };
    private static readonly RelationshipFilter EventsOfPlace = new() { Types = [RelationshipType.OccurredIn], Direction = Direction.Incoming };
    private static readonly RelationshipFilter EventsOfParticipant = new() { Types = [RelationshipType.ParticipatedIn], Direction = Direction.Outgoing };
    private static readonly RelationshipFilter EventsOfEntity = new() { Types = [RelationshipType.ParticipatedIn, RelationshipType.OccurredIn] };

    /// <summary>How many events one store call lists when <c>events</c> has neither a place nor a participant.</summary>
    private const int EventListBatch = 500;

    private void BindEvents(SchemaBuilder b)
    {
        b.BindSourceResolver<Entity>("Event", "eventKind", s => s.Event?.Kind ?? EventKind.Other);
        b.BindSourceResolver<Entity>("Event", "date", s => s.Event is { Date.IsUnknown: false } e ? e.Date.ToString() : null);
        b.BindSourceResolver<Entity>("Event", "dateEarliest", s => s.Event?.Date.Earliest);
        b.BindSourceResolver<Entity>("Event", "dateLatest", s => s.Event?.Date.Latest);
        b.BindSourceResolver<Entity>("Event", "casualties", s => (s.Event?.Casualties ?? [])
            .Select(x => new CasualtyView(x.Kind, x.Min, x.Max, x.Of, x.Status, x.Note, x.Citations.Views(s.Id))).ToList());
        Load(b, "Event", "places", async c =>
        {
            var facts = await _load.Relationships(c, Parent<Entity>(c).Id, PlacesOfEvent);
            var places = await Task.WhenAll(facts.Select(r => _load.Entity(c, r.ToId).AsTask()));
            return places.OfType<Entity>().DistinctBy(p => p.Id).OrderBy(p => p.Name, CodePointOrder.Comparer).ToList();
        });
        Load(b, "Event", "participants", async c =>
            (await _load.Relationships(c, Parent<Entity>(c).Id, ParticipantsOfEvent))
                .Where(r => r.Participation is not null)
                .OrderBy(r => r.Participation!.Role).ThenBy(r => r.FromId, CodePointOrder.Comparer)
                .Select(r => new EventParticipantView(r)).ToList());

        Load(b, "EventParticipant", "entity", (EventParticipantView s, out Entity? e) => _load.TryGetEntity(s.Relationship.FromId, out e),
            c => _load.Entity(c, Parent<EventParticipantView>(c).Relationship.FromId));
        b.BindSourceResolver<EventParticipantView>("EventParticipant", "role", s => s.Relationship.Participation!.Role);
        b.BindSourceResolver<EventParticipantView>("EventParticipant", "attribution", s => s.Relationship.Participation!.Attribution);
        b.BindSourceResolver<EventParticipantView>("EventParticipant", "status", s => s.Relationship.Status);
        b.BindSourceResolver<EventParticipantView>("EventParticipant", "citations", s => s.Relationship.Citations.Views(s.Relationship.Id));
        b.BindSourceResolver<EventParticipantView>("EventParticipant", "relationship", s => s.Relationship);
        b.BindType<CasualtyView>("Casualty");

        foreach (var type in new[] { "Organization", "Person", "Place" })
        {
            Load(b, type, "events", async c =>
            {
                var role = c.GetArgument<ParticipantRole?>("role", null);
                var facts = await _load.Relationships(c, Parent<Entity>(c).Id, EventsOfEntity);
                var ids = facts.Where(r => role is null || r.Participation?.Role == role).Select(r => EventOf(r)!);
                return Arrange(await EventsAsync(c, ids), EventWindow.Of(c));
            });
        }

        BindConnection<Entity>(b, "EventConnection", "EventEdge");
        Load(b, "Query", "event", async c =>
            await _load.Entity(c, c.GetArgument<string>("id")) is { Kind: EntityKind.Event } e ? e : null);
        Async(b, "Query", "events", EventPageAsync);
    }

    /// <summary>Query.events: the candidates (by place, by participant, else every event), filtered, in date order, one page.</summary>
    private async Task<PageView<Entity>> EventPageAsync(IResolveFieldContext c)
    {
        var first = ApiLimits.Check(c.GetArgument("first", 50), 0, _limits.MaxPageSize, "first");
        var role = c.GetArgument<ParticipantRole?>("role", null);
        HashSet<string>? ids = null;
        void Keep(IEnumerable<string> found) { if (ids is null) ids = new(found, StringComparer.Ordinal); else ids.IntersectWith(found); }

        if (c.GetArgument<string?>("place", null) is not null)
        {
            var place = await KnownEntityIdAsync(c, "place");
            Keep((await _load.Relationships(c, place, EventsOfPlace)).Select(r => r.FromId));
        }
        if (c.GetArgument<string?>("participant", null) is not null)
        {
            var participant = await KnownEntityIdAsync(c, "participant");
            Keep((await _load.Relationships(c, participant, EventsOfParticipant))
                .Where(r => role is null || r.Participation?.Role == role).Select(r => r.ToId));
        }
        var candidates = ids is null ? await AllEventsAsync(c) : await EventsAsync(c, ids);
        if (role is { } wanted && c.GetArgument<string?>("participant", null) is null)
        {
            // A role without a participant: the events someone took part in in that role.
            var participants = await _store.GetRelationshipsAsync(candidates.Select(e => e.Id).ToList(), ParticipantsOfEvent, c.CancellationToken);
            candidates = candidates.Where(e => participants.GetValueOrDefault(e.Id)?.Any(r => r.Participation?.Role == wanted) == true).ToList();
        }
        var kind = c.GetArgument<EventKind?>("kind", null);
        var all = Arrange(candidates.Where(e => kind is null || e.Event?.Kind == kind), EventWindow.Of(c));

        var after = c.GetArgument<string?>("after", null);
        var start = after is null ? 0 : all.Select(e => EventCursor(e.Id)).ToList().IndexOf(after) + 1;
        if (after is not null && start == 0) throw ApiErrors.BadArgument($"Argument \"after\": '{after}' is not a cursor of this list.");
        var items = all.Skip(start).Take(first).ToList();
        return new PageView<Entity>(items, items.Select(e => EventCursor(e.Id)).ToList(), start + items.Count < all.Count, start > 0, all.Count);
    }

    private static string EventCursor(string id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("event:" + id));

    /// <summary>The EVENT entities among these ids (through the loader; unknown ids and other kinds drop out).</summary>
    private async Task<List<Entity>> EventsAsync(IResolveFieldContext c, IEnumerable<string> ids)
    {
        var loaded = await Task.WhenAll(ids.Distinct(StringComparer.Ordinal).Select(id => _load.Entity(c, id).AsTask()));
        return loaded.OfType<Entity>().Where(e => e.Kind == EntityKind.Event).ToList();
    }

    /// <summary>Every event in the store, listed page by page.</summary>
    private async Task<List<Entity>> AllEventsAsync(IResolveFieldContext c)
    {
        var result = new List<Entity>();
        string? after = null;
        do
        {
            var page = await _store.ListEntitiesAsync(new EntityQuery { Kinds = [EntityKind.Event], First = EventListBatch, After = after }, c.CancellationToken);
            result.AddRange(page.Items);
            after = page.HasNextPage ? page.EndCursor : null;
        }
        while (after is not null);
        return result;
    }

    /// <summary>The events that may fall in the window, in date order: by earliest (else latest) day, undated last, then by id.</summary>
    private static List<Entity> Arrange(IEnumerable<Entity> events, EventWindow window) =>
        events.Where(e => e.Event is { } d && window.Admits(d.Date))
            .OrderBy(e => e.Event!.Date.IsUnknown)
            .ThenBy(e => e.Event!.Date.EarliestDay ?? e.Event.Date.LatestDay)
            .ThenBy(e => e.Event!.Date.LatestDay)
            .ThenBy(e => e.Id, CodePointOrder.Comparer)
            .ToList();

    /// <summary>The <c>from</c>/<c>to</c> arguments of an events field: a span an event's date may fall in.</summary>
    private readonly record struct EventWindow(PartialDate? From, PartialDate? To)
    {
        public static EventWindow Of(IResolveFieldContext c) => new(c.GetArgument<PartialDate?>("from", null), c.GetArgument<PartialDate?>("to", null));

        /// <summary>
        /// True when the date may fall in the window: the bound's earliest day is not after the window's end and its
        /// latest day not before the window's start. With no window every event passes; with one, undated events do not.
        /// </summary>
        public bool Admits(DateBound date)
        {
            if (From is null && To is null) return true;
            if (date.IsUnknown) return false;
            if (To is { } to && date.EarliestDay is { } earliest && earliest > to.End) return false;
            if (From is { } from && date.LatestDay is { } latest && latest < from.Start) return false;
            return true;
        }
    }
}
