using GraphIntel.Graph.Dataset.Yaml;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Dataset.Parsing;

/// <summary>
/// Reads a <c>seed/data/events/*.yaml</c> file: <c>events</c>. Each event becomes an <see cref="EntityKind.Event"/>
/// entity, each of its <c>participants</c> a PARTICIPATED_IN fact (participant → event) and each of its <c>places</c>
/// an OCCURRED_IN fact (event → place). Those facts take the event's date as their interval (start = end = the date
/// bound) and, unless they give their own, the event's citations. The cross-file checks (ids, references, endpoint
/// kinds, quotes, aliases) then apply to them as to every other entity and fact.
/// </summary>
internal static class EventsFileParser
{
    public static readonly string[] SectionNames = ["events"];

    private static readonly string[] EventKeys =
        ["id", "name", "aliases", "kind", "date", "description", "places", "participants", "casualties", "citations"];
    private static readonly string[] PlaceKeys = ["place", "citations"];
    private static readonly string[] ParticipantKeys = ["entity", "role", "attribution", "status", "citations"];
    private static readonly string[] CasualtyKeys = ["kind", "min", "max", "of", "status", "note", "citations"];

    public static void Parse(YNode root, DatasetDrafts into, ICollection<DatasetProblem> problems)
    {
        if (root is not YMapping mapping)
        {
            problems.Add(new DatasetProblem(root.At, $"an events file is a mapping with one section, events, not {root.Describe()}"));
            return;
        }
        foreach (var (key, value) in mapping.Entries)
        {
            if (key.Value != "events")
            {
                var where = EntitiesFileParser.SectionNames.Contains(key.Value) ? $"'{key.Value}' are entities: they belong in seed/data/entities/"
                    : FactsFileParser.SectionNames.Contains(key.Value) ? $"'{key.Value}' are facts: they belong in seed/data/facts/"
                    : $"unknown section '{key.Value}'{DidYouMean.Suffix(key.Value, SectionNames)} (allowed: events)";
                problems.Add(new DatasetProblem(key.At, where));
                continue;
            }
            foreach (var node in MappingReader.ReadMappingList(value, key.Value, "event", (at, m) => problems.Add(new DatasetProblem(at, m))))
                ParseEvent(node, into, problems);
        }
    }

    private static void ParseEvent(YMapping node, DatasetDrafts into, ICollection<DatasetProblem> problems)
    {
        var r = new MappingReader(node, problems);
        r.Label = DatasetText.EntityLabel(EntityKind.Event, r.Peek("id"));
        r.CheckKeys(EventKeys);
        var id = r.Text("id", required: true);
        if (id is { } i && IdRules.Check(i.Value, "event") is { } idProblem) r.Report(i.At, idProblem);
        var name = r.Text("name", required: true);
        var aliases = r.TextList("aliases");
        var kind = r.Enum<EventKind>("kind", required: true);
        var date = r.Bound("date");
        var description = r.Text("description")?.Value;
        var casualties = r.MappingList("casualties", "casualty").Select(c => ParseCasualty(c, r.Label, problems)).ToList();
        var citations = CitationParser.Read(r, ofEntity: false, problems);
        into.Entities.Add(new EntityDraft(id, EntityKind.Event, name, aliases, null, description, null, null, citations, node.At)
        {
            Event = new EventDraft(kind, date, casualties),
        });

        // The facts an event implies run from and to its date; their ids derive from their content as any fact's do.
        var validity = new Validity(date, date);
        foreach (var p in r.MappingList("places", "place"))
        {
            var pr = new MappingReader(p, problems) { Label = $"{r.Label}: place {PeekOrNone(p, "place")}" };
            pr.CheckKeys(PlaceKeys);
            var place = pr.Text("place", required: true);
            into.Relationships.Add(new RelationshipDraft(
                null, RelationshipType.OccurredIn, id, place, validity, ClaimStatus.Asserted, null, null, null,
                OwnOrEventCitations(pr, citations, problems), pr.Label, p.At) { FieldNames = ("id", "place") });
        }
        foreach (var p in r.MappingList("participants", "participant"))
        {
            var pr = new MappingReader(p, problems) { Label = $"{r.Label}: participant {PeekOrNone(p, "entity")}" };
            pr.CheckKeys(ParticipantKeys);
            var entity = pr.Text("entity", required: true);
            var role = pr.Enum<ParticipantRole>("role", required: true);
            var attribution = pr.Enum<Attribution>("attribution");
            if (attribution is not null && role is { } ro && ro != ParticipantRole.Perpetrator)
                pr.Report(pr.Find("attribution")!.At, $"'attribution' applies to PERPETRATOR participants only, not {EnumNames.ToContractName(ro)}");
            var status = pr.Enum<ClaimStatus>("status") ?? ClaimStatus.Asserted;
            into.Relationships.Add(new RelationshipDraft(
                null, RelationshipType.ParticipatedIn, entity, id, validity, status, null, null, null,
                OwnOrEventCitations(pr, citations, problems), pr.Label, p.At)
            {
                FieldNames = ("entity", "id"),
                Participation = role is { } rl
                    ? new Participation(rl, rl == ParticipantRole.Perpetrator ? attribution : null)
                    : null,
            });
        }
    }

    private static CasualtyDraft ParseCasualty(YMapping node, string eventLabel, ICollection<DatasetProblem> problems)
    {
        var r = new MappingReader(node, problems) { Label = $"{eventLabel}: casualty figure" };
        r.CheckKeys(CasualtyKeys);
        var kind = r.Enum<CasualtyKind>("kind", required: true);
        var min = r.Int("min");
        var max = r.Int("max");
        if (min > max) r.Report(r.Find("min")!.At, $"min ({min}) is greater than max ({max})");
        if (!r.Has("min") && !r.Has("max")) r.Report(node.At, "gives neither min nor max");
        var status = r.Enum<ClaimStatus>("status") ?? ClaimStatus.Asserted;
        return new CasualtyDraft(kind, min, max, r.Text("of")?.Value, r.Text("note")?.Value, status,
            CitationParser.Read(r, ofEntity: false, problems), node.At);
    }

    /// <summary>
    /// A place's or participant's own citations when it gives any, else the event's: the same drafts, so a bad quote
    /// of the event is reported once, at the event.
    /// </summary>
    private static List<CitationDraft> OwnOrEventCitations(MappingReader r, List<CitationDraft> eventCitations, ICollection<DatasetProblem> problems) =>
        r.Find("citations") is null ? eventCitations : CitationParser.Read(r, ofEntity: false, problems);

    private static string PeekOrNone(YMapping node, string key) => new MappingReader(node, []).Peek(key) ?? $"(no {key})";
}
