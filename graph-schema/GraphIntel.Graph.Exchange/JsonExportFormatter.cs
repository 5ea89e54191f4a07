using System.Text.Encodings.Web;
using System.Text.Json;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Exchange;

/// <summary>
/// The whole graph as one JSON document in a stable shape (documented in seed/GraphIntel.Seed/README.md): records
/// sorted by id, every field always present (null when unknown), enums in their contract spelling, dates as
/// ISO partial-date strings. Two exports of the same graph are byte-for-byte equal.
/// </summary>
public sealed class JsonExportFormatter : IExportFormatter
{
    public const string FormatName = "graphintel-export";
    public const int FormatVersion = 1;

    public string Name => "json";
    public string ContentType => "application/json";
    public string FileExtension => "json";

    public async Task WriteAsync(GraphSnapshot snapshot, Stream output, CancellationToken ct = default)
    {
        await using var w = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = true,
            // Names and quotes in Cyrillic, Arabic transliteration, curly quotes: readable as written, still valid JSON.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        w.WriteStartObject();
        w.WriteString("format", FormatName);
        w.WriteNumber("version", FormatVersion);

        w.WriteStartArray("sources");
        foreach (var s in snapshot.Sources.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("title", s.Title);
            w.WriteString("publisher", s.Publisher);
            w.WriteString("author", s.Author);
            WriteDate(w, "published", s.Published);
            w.WriteString("url", s.Url);
            w.WriteString("text", s.Text);
            w.WriteEndObject();
            await SpillAsync(w, ct).ConfigureAwait(false);
        }
        w.WriteEndArray();

        w.WriteStartArray("entities");
        foreach (var e in snapshot.Entities.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("kind", EnumNames.ToContractName(e.Kind));
            w.WriteString("name", e.Name);
            w.WriteStartArray("aliases");
            foreach (var alias in e.Aliases) w.WriteStringValue(alias);
            w.WriteEndArray();
            w.WriteString("organizationKind", e.OrganizationKind is { } k ? EnumNames.ToContractName(k) : null);
            w.WriteString("description", e.Description);
            WriteDate(w, "founded", e.Founded);
            WriteDate(w, "dissolved", e.Dissolved);
            WriteEvent(w, e.Event);
            WriteCitations(w, e.Citations);
            w.WriteEndObject();
            await SpillAsync(w, ct).ConfigureAwait(false);
        }
        w.WriteEndArray();

        w.WriteStartArray("relationships");
        foreach (var r in snapshot.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("type", EnumNames.ToContractName(r.Type));
            w.WriteString("from", r.FromId);
            w.WriteString("to", r.ToId);
            WriteBound(w, "validFrom", r.Validity.Start);
            WriteBound(w, "validTo", r.Validity.End);
            w.WriteStartArray("attested");
            foreach (var a in r.Attestations)
            {
                w.WriteStartObject();
                w.WriteString("date", a.Date.ToString());
                w.WriteString("source", a.SourceId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (r.EndedBy is { } ended)
            {
                // Derived on load from lifecycles; written so a reader sees the interval reads go by.
                w.WriteStartObject("endedBy");
                w.WriteString("latest", ended.Latest.ToString());
                w.WriteString("by", ended.ById);
                w.WriteString("reason", ended.Reason);
                w.WriteEndObject();
            }
            w.WriteString("status", EnumNames.ToContractName(r.Status));
            w.WriteString("note", r.Note);
            w.WriteString("role", r.Role);
            w.WriteString("endReason", r.EndReason);
            WriteParticipation(w, r.Participation);
            WriteCitations(w, r.Citations);
            w.WriteEndObject();
            await SpillAsync(w, ct).ConfigureAwait(false);
        }
        w.WriteEndArray();

        w.WriteStartArray("strengthEstimates");
        foreach (var e in snapshot.StrengthEstimates.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("organization", e.OrganizationId);
            WriteInt(w, "min", e.Min);
            WriteInt(w, "max", e.Max);
            WriteDate(w, "asOf", e.AsOf);
            w.WriteString("estimatedBy", e.EstimatedBy);
            w.WriteString("status", EnumNames.ToContractName(e.Status));
            w.WriteString("note", e.Note);
            WriteCitations(w, e.Citations);
            w.WriteEndObject();
            await SpillAsync(w, ct).ConfigureAwait(false);
        }
        w.WriteEndArray();

        w.WriteStartArray("merges");
        foreach (var m in snapshot.Merges.OrderBy(m => m.MergedId, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("survivor", m.SurvivorId);
            w.WriteString("merged", m.MergedId);
            w.WriteEndObject();
            await SpillAsync(w, ct).ConfigureAwait(false);
        }
        w.WriteEndArray();

        w.WriteEndObject();
        await w.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Hands what the writer holds to the stream once it passes 64 KiB, so a large graph is never buffered whole.</summary>
    private static async ValueTask SpillAsync(Utf8JsonWriter w, CancellationToken ct)
    {
        if (w.BytesPending >= 64 * 1024) await w.FlushAsync(ct).ConfigureAwait(false);
    }

    private static void WriteCitations(Utf8JsonWriter w, IReadOnlyList<Citation> citations)
    {
        w.WriteStartArray("citations");
        foreach (var c in citations)
        {
            w.WriteStartObject();
            w.WriteString("source", c.SourceId);
            w.WriteString("quote", c.Quote);
            w.WriteString("supports", c.Supports);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>An event's details: kind, date (EDTF bound, null when unknown) and casualty figures; null for other entities.</summary>
    private static void WriteEvent(Utf8JsonWriter w, EventDetails? details)
    {
        if (details is null) { w.WriteNull("event"); return; }
        w.WriteStartObject("event");
        w.WriteString("kind", EnumNames.ToContractName(details.Kind));
        WriteBound(w, "date", details.Date);
        w.WriteStartArray("casualties");
        foreach (var c in details.Casualties)
        {
            w.WriteStartObject();
            w.WriteString("kind", EnumNames.ToContractName(c.Kind));
            WriteInt(w, "min", c.Min);
            WriteInt(w, "max", c.Max);
            w.WriteString("of", c.Of);
            w.WriteString("status", EnumNames.ToContractName(c.Status));
            w.WriteString("note", c.Note);
            WriteCitations(w, c.Citations);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A PARTICIPATED_IN fact's role and attribution; null for other facts.</summary>
    private static void WriteParticipation(Utf8JsonWriter w, Participation? participation)
    {
        if (participation is null) { w.WriteNull("participation"); return; }
        w.WriteStartObject("participation");
        w.WriteString("role", EnumNames.ToContractName(participation.Role));
        w.WriteString("attribution", participation.Attribution is { } a ? EnumNames.ToContractName(a) : null);
        w.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, PartialDate? date) => w.WriteString(name, date?.ToString());

    /// <summary>One end of an interval in EDTF ("2017", "[..2024]"); an unknown end is null.</summary>
    private static void WriteBound(Utf8JsonWriter w, string name, DateBound bound) =>
        w.WriteString(name, bound.IsUnknown ? null : bound.ToString());

    private static void WriteInt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
