using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Exchange;

/// <summary>
/// <c>--format events-yaml</c>: the graph's events as a <c>seed/data/events/*.yaml</c> file (format:
/// <c>seed/data/README.md</c>, "Events"), so events edited through the API can go back into the data set and load to
/// the same records. Each EVENT entity is written with its details, its OCCURRED_IN facts as <c>places</c> and its
/// PARTICIPATED_IN facts as <c>participants</c>; a place's or participant's citations are written only when they
/// differ from the event's (the reader defaults them to the event's). Retracted facts are left out. What the events
/// format cannot say — a note on a participation, an OCCURRED_IN fact not ASSERTED or not dated by its event — is
/// not carried over; <see cref="Unrepresentable"/> lists it. Texts are written as double-quoted scalars (JSON string
/// syntax, which YAML reads the same).
/// </summary>
public sealed class EventsYamlExportFormatter : IExportFormatter
{
    public string Name => "events-yaml";
    public string ContentType => "application/yaml";
    public string FileExtension => "yaml";

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task WriteAsync(GraphSnapshot snapshot, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await writer.WriteAsync(Write(snapshot)).ConfigureAwait(false);
    }

    /// <summary>The YAML text of the snapshot's events, in id order ("events: []" when there are none).</summary>
    public static string Write(GraphSnapshot snapshot)
    {
        var events = snapshot.Entities.Where(e => e.Kind == EntityKind.Event && e.Event is not null)
            .OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (events.Count == 0) return "events: []\n";
        var facts = FactsOfEvents(snapshot);
        var y = new StringBuilder("events:\n");
        foreach (var e in events)
        {
            var details = e.Event!;
            y.Append("  - id: ").Append(Q(e.Id)).Append('\n');
            y.Append("    name: ").Append(Q(e.Name)).Append('\n');
            if (e.Aliases.Count > 0) y.Append("    aliases: [").Append(string.Join(", ", e.Aliases.Select(Q))).Append("]\n");
            y.Append("    kind: ").Append(EnumNames.ToContractName(details.Kind)).Append('\n');
            if (!details.Date.IsUnknown) y.Append("    date: ").Append(Q(details.Date.ToString())).Append('\n');
            if (e.Description is { } description) y.Append("    description: ").Append(Q(description)).Append('\n');
            var (places, participants) = facts.GetValueOrDefault(e.Id, ([], []));
            if (places.Count > 0)
            {
                y.Append("    places:\n");
                foreach (var p in places.OrderBy(p => p.ToId, StringComparer.Ordinal))
                {
                    y.Append("      - place: ").Append(Q(p.ToId)).Append('\n');
                    OwnCitations(y, p.Citations, e.Citations, "        ");
                }
            }
            if (participants.Count > 0)
            {
                y.Append("    participants:\n");
                foreach (var p in participants.OrderBy(p => p.FromId, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal))
                {
                    y.Append("      - entity: ").Append(Q(p.FromId)).Append('\n');
                    y.Append("        role: ").Append(EnumNames.ToContractName(p.Participation!.Role)).Append('\n');
                    if (p.Participation.Attribution is { } a) y.Append("        attribution: ").Append(EnumNames.ToContractName(a)).Append('\n');
                    if (p.Status != ClaimStatus.Asserted) y.Append("        status: ").Append(EnumNames.ToContractName(p.Status)).Append('\n');
                    OwnCitations(y, p.Citations, e.Citations, "        ");
                }
            }
            if (details.Casualties.Count > 0)
            {
                y.Append("    casualties:\n");
                foreach (var c in details.Casualties)
                {
                    y.Append("      - kind: ").Append(EnumNames.ToContractName(c.Kind)).Append('\n');
                    if (c.Min is { } min) y.Append("        min: ").Append(min).Append('\n');
                    if (c.Max is { } max) y.Append("        max: ").Append(max).Append('\n');
                    if (c.Of is { } of) y.Append("        of: ").Append(Q(of)).Append('\n');
                    if (c.Status != ClaimStatus.Asserted) y.Append("        status: ").Append(EnumNames.ToContractName(c.Status)).Append('\n');
                    if (c.Note is { } note) y.Append("        note: ").Append(Q(note)).Append('\n');
                    Citations(y, c.Citations, "        ");
                }
            }
            Citations(y, e.Citations, "    ");
        }
        return y.ToString();
    }

    /// <summary>The facts an events file cannot carry, as "id: why" lines (for a warning beside the export).</summary>
    public static IReadOnlyList<string> Unrepresentable(GraphSnapshot snapshot)
    {
        var dates = snapshot.Entities.Where(e => e.Event is not null).ToDictionary(e => e.Id, e => e.Event!.Date, StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var r in snapshot.Relationships.Where(r => r.Status != ClaimStatus.Retracted))
        {
            var eventId = r.Type switch { RelationshipType.OccurredIn => r.FromId, RelationshipType.ParticipatedIn => r.ToId, _ => null };
            if (eventId is null || !dates.TryGetValue(eventId, out var date)) continue;
            if (r.Validity != new Validity(date, date)) result.Add($"{r.Id}: its interval {r.Validity} is not its event's date {date}");
            if (r.Note is not null) result.Add($"{r.Id}: its note");
            if (r.Type == RelationshipType.OccurredIn && r.Status != ClaimStatus.Asserted) result.Add($"{r.Id}: its status {EnumNames.ToContractName(r.Status)}");
        }
        return result;
    }

    private static Dictionary<string, (List<Relationship> Places, List<Relationship> Participants)> FactsOfEvents(GraphSnapshot snapshot)
    {
        var result = new Dictionary<string, (List<Relationship>, List<Relationship>)>(StringComparer.Ordinal);
        (List<Relationship> Places, List<Relationship> Participants) Of(string id) =>
            result.TryGetValue(id, out var lists) ? lists : result[id] = ([], []);
        foreach (var r in snapshot.Relationships.Where(r => r.Status != ClaimStatus.Retracted))
        {
            if (r.Type == RelationshipType.OccurredIn) Of(r.FromId).Places.Add(r);
            else if (r.Type == RelationshipType.ParticipatedIn && r.Participation is not null) Of(r.ToId).Participants.Add(r);
        }
        return result;
    }

    private static void OwnCitations(StringBuilder y, IReadOnlyList<Citation> own, IReadOnlyList<Citation> ofEvent, string indent)
    {
        if (!own.SequenceEqual(ofEvent)) Citations(y, own, indent);
    }

    private static void Citations(StringBuilder y, IReadOnlyList<Citation> citations, string indent)
    {
        y.Append(indent).Append("citations:\n");
        foreach (var c in citations)
        {
            y.Append(indent).Append("  - source: ").Append(Q(c.SourceId)).Append('\n');
            y.Append(indent).Append("    quote: ").Append(Q(c.Quote)).Append('\n');
        }
    }

    /// <summary>A double-quoted YAML scalar.</summary>
    private static string Q(string text) => JsonSerializer.Serialize(text, Quoting);
}
