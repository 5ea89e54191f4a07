using System.Globalization;
using System.Text;
using System.Xml;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Exchange;

/// <summary>
/// <c>--format graphml</c>: the graph as GraphML (http://graphml.graphdrawing.org/xmlns), for Gephi, yEd and any
/// GraphML reader. One directed graph; a node per entity (id = the entity's id), an edge per relationship (id = the
/// fact's id), every attribute a declared <c>&lt;key&gt;</c> of type string, int or boolean (what Gephi and yEd
/// both read). Lists (aliases) and citations are JSON arrays in one string (see <see cref="ExchangeValues"/>). Each
/// end of an interval is written as its EDTF text, its first and last possible day and its precision. Written as it
/// goes: nothing but the current record is held.
/// </summary>
public sealed class GraphMLExportFormatter : IExportFormatter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public string Name => "graphml";
    public string ContentType => "application/graphml+xml";
    public string FileExtension => "graphml";

    /// <summary>Every key the file declares, in order: (id, for, attr.name, attr.type). The id is the attribute's name.</summary>
    public static readonly IReadOnlyList<(string Id, string For, string Type)> Keys =
    [
        ("label", "node", "string"),
        ("kind", "node", "string"),
        ("name", "node", "string"),
        ("aliases", "node", "string"),
        ("organizationKind", "node", "string"),
        ("description", "node", "string"),
        ("founded", "node", "string"),
        ("dissolved", "node", "string"),
        ("eventKind", "node", "string"),
        ("eventDate", "node", "string"),
        ("citationCount", "node", "int"),
        ("citations", "node", "string"),
        ("label", "edge", "string"),
        ("type", "edge", "string"),
        ("status", "edge", "string"),
        ("interval", "edge", "string"),
        ("statedInterval", "edge", "string"),
        ("startEdtf", "edge", "string"),
        ("startEarliest", "edge", "string"),
        ("startLatest", "edge", "string"),
        ("startPrecision", "edge", "string"),
        ("endEdtf", "edge", "string"),
        ("endEarliest", "edge", "string"),
        ("endLatest", "edge", "string"),
        ("endPrecision", "edge", "string"),
        ("endedBy", "edge", "string"),
        ("disputed", "edge", "boolean"),
        ("note", "edge", "string"),
        ("role", "edge", "string"),
        ("endReason", "edge", "string"),
        ("participationRole", "edge", "string"),
        ("attribution", "edge", "string"),
        ("citationCount", "edge", "int"),
        ("citations", "edge", "string"),
    ];

    public async Task WriteAsync(GraphSnapshot snapshot, Stream output, CancellationToken ct = default)
    {
        var settings = new XmlWriterSettings
        {
            Async = true,
            Indent = true,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            CloseOutput = false,
        };
        await using var x = XmlWriter.Create(output, settings);
        var sources = ExchangeValues.SourcesById(snapshot);
        await x.WriteStartDocumentAsync().ConfigureAwait(false);
        await x.WriteStartElementAsync(null, "graphml", Namespace).ConfigureAwait(false);
        await x.WriteAttributeStringAsync("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance").ConfigureAwait(false);
        await x.WriteAttributeStringAsync("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            Namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd").ConfigureAwait(false);
        foreach (var (id, forWhat, type) in Keys)
        {
            await x.WriteStartElementAsync(null, "key", Namespace).ConfigureAwait(false);
            await x.WriteAttributeStringAsync(null, "id", null, KeyId(forWhat, id)).ConfigureAwait(false);
            await x.WriteAttributeStringAsync(null, "for", null, forWhat).ConfigureAwait(false);
            await x.WriteAttributeStringAsync(null, "attr.name", null, id).ConfigureAwait(false);
            await x.WriteAttributeStringAsync(null, "attr.type", null, type).ConfigureAwait(false);
            await x.WriteEndElementAsync().ConfigureAwait(false);
        }
        await x.WriteStartElementAsync(null, "graph", Namespace).ConfigureAwait(false);
        await x.WriteAttributeStringAsync(null, "id", null, "graphintel").ConfigureAwait(false);
        await x.WriteAttributeStringAsync(null, "edgedefault", null, "directed").ConfigureAwait(false);

        var nodeIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in snapshot.Entities.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            nodeIds.Add(e.Id);
            await x.WriteStartElementAsync(null, "node", Namespace).ConfigureAwait(false);
            await x.WriteAttributeStringAsync(null, "id", null, e.Id).ConfigureAwait(false);
            await Data(x, "node", "label", e.Name).ConfigureAwait(false);
            await Data(x, "node", "kind", EnumNames.ToContractName(e.Kind)).ConfigureAwait(false);
            await Data(x, "node", "name", e.Name).ConfigureAwait(false);
            await Data(x, "node", "aliases", ExchangeValues.JsonList(e.Aliases)).ConfigureAwait(false);
            await Data(x, "node", "organizationKind", e.OrganizationKind is { } k ? EnumNames.ToContractName(k) : null).ConfigureAwait(false);
            await Data(x, "node", "description", e.Description).ConfigureAwait(false);
            await Data(x, "node", "founded", e.Founded?.ToString()).ConfigureAwait(false);
            await Data(x, "node", "dissolved", e.Dissolved?.ToString()).ConfigureAwait(false);
            await Data(x, "node", "eventKind", e.Event is { } ev ? EnumNames.ToContractName(ev.Kind) : null).ConfigureAwait(false);
            await Data(x, "node", "eventDate", e.Event is { Date.IsUnknown: false } dated ? dated.Date.ToString() : null).ConfigureAwait(false);
            await Data(x, "node", "citationCount", e.Citations.Count.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await Data(x, "node", "citations", ExchangeValues.Citations(e.Citations, sources)).ConfigureAwait(false);
            await x.WriteEndElementAsync().ConfigureAwait(false);
        }

        foreach (var r in snapshot.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            // Every relationship ends at entities of the snapshot; one that would not is left out rather than naming a missing node.
            if (!nodeIds.Contains(r.FromId) || !nodeIds.Contains(r.ToId)) continue;
            var interval = r.EffectiveValidity;
            await x.WriteStartElementAsync(null, "edge", Namespace).ConfigureAwait(false);
            await x.WriteAttributeStringAsync(null, "id", null, r.Id).ConfigureAwait(false);
            await x.WriteAttributeStringAsync(null, "source", null, r.FromId).ConfigureAwait(false);
            await x.WriteAttributeStringAsync(null, "target", null, r.ToId).ConfigureAwait(false);
            var type = EnumNames.ToContractName(r.Type);
            await Data(x, "edge", "label", type).ConfigureAwait(false);
            await Data(x, "edge", "type", type).ConfigureAwait(false);
            await Data(x, "edge", "status", EnumNames.ToContractName(r.Status)).ConfigureAwait(false);
            await Data(x, "edge", "interval", interval.ToString()).ConfigureAwait(false);
            await Data(x, "edge", "statedInterval", r.Validity.ToString()).ConfigureAwait(false);
            await Bound(x, "start", interval.Start).ConfigureAwait(false);
            await Bound(x, "end", interval.End).ConfigureAwait(false);
            await Data(x, "edge", "endedBy", r.EndedBy is { } ended ? $"{ended.Reason} by {ended.Latest} ({ended.ById})" : null).ConfigureAwait(false);
            await Data(x, "edge", "disputed", r.Status is ClaimStatus.Disputed or ClaimStatus.Denied ? "true" : "false").ConfigureAwait(false);
            await Data(x, "edge", "note", r.Note).ConfigureAwait(false);
            await Data(x, "edge", "role", r.Role).ConfigureAwait(false);
            await Data(x, "edge", "endReason", r.EndReason).ConfigureAwait(false);
            await Data(x, "edge", "participationRole", r.Participation is { } p ? EnumNames.ToContractName(p.Role) : null).ConfigureAwait(false);
            await Data(x, "edge", "attribution", r.Participation?.Attribution is { } a ? EnumNames.ToContractName(a) : null).ConfigureAwait(false);
            await Data(x, "edge", "citationCount", r.Citations.Count.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await Data(x, "edge", "citations", ExchangeValues.Citations(r.Citations, sources)).ConfigureAwait(false);
            await x.WriteEndElementAsync().ConfigureAwait(false);
        }

        await x.WriteEndElementAsync().ConfigureAwait(false);
        await x.WriteEndElementAsync().ConfigureAwait(false);
        await x.WriteEndDocumentAsync().ConfigureAwait(false);
        await x.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Node and edge keys share attribute names (label, citations), so key ids carry the domain: n.label, e.label.</summary>
    public static string KeyId(string forWhat, string name) => (forWhat == "node" ? "n." : "e.") + name;

    private static async Task Bound(XmlWriter x, string side, DateBound bound)
    {
        await Data(x, "edge", side + "Edtf", bound.IsUnknown ? null : bound.ToString()).ConfigureAwait(false);
        await Data(x, "edge", side + "Earliest", Empty(ExchangeValues.EarliestDay(bound))).ConfigureAwait(false);
        await Data(x, "edge", side + "Latest", Empty(ExchangeValues.LatestDay(bound))).ConfigureAwait(false);
        await Data(x, "edge", side + "Precision", ExchangeValues.Precision(bound)).ConfigureAwait(false);
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    /// <summary>One <c>&lt;data&gt;</c> element; an absent value is no element (GraphML's "no value"), not an empty one.</summary>
    private static async Task Data(XmlWriter x, string forWhat, string key, string? value)
    {
        if (value is null) return;
        await x.WriteStartElementAsync(null, "data", Namespace).ConfigureAwait(false);
        await x.WriteAttributeStringAsync(null, "key", null, KeyId(forWhat, key)).ConfigureAwait(false);
        await x.WriteStringAsync(value).ConfigureAwait(false);
        await x.WriteEndElementAsync().ConfigureAwait(false);
    }
}
