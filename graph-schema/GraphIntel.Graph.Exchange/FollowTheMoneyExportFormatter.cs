using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Exchange;

/// <summary>
/// <c>--format ftm</c>: FollowTheMoney entities (the model of OpenSanctions and Aleph), one JSON object a line:
/// <c>{"id","schema","properties":{prop:[values]}}</c>. The mapping (README "Exports" has the table):
/// <list type="bullet">
/// <item>entities: Person → Person; an organization of kind STATE, GOVERNMENT_AGENCY or INTERGOVERNMENTAL → PublicBody,
/// any other → Organization; Place → Address; Event → Event;</item>
/// <item>relationships: LEADS → Directorship (director, organization); MEMBER_OF, AFFILIATE_OF, UNDER_UMBRELLA_OF →
/// Membership (member, organization); REBRANDED_AS, MERGED_INTO → Succession (predecessor = from, successor = to);
/// SPLIT_FROM → Succession (predecessor = the body split from, successor = the splinter); every other type, and any of
/// these whose ends are not of the schema's range → UnknownLink (subject = from, object = to). The GraphIntel type
/// is the interest's <c>role</c>, its status the <c>status</c>, its fact id the <c>recordId</c>.</item>
/// </list>
/// Citations: every cited passage is one <c>summary</c> value (<c>“quote” — title [source id]</c>), the cited sources'
/// URLs are <c>sourceUrl</c> and their publishers <c>publisher</c>. Dates: FtM dates are ISO prefixes (<c>2015</c>,
/// <c>2015-06</c>), so <c>startDate</c>/<c>endDate</c> (and an event's <c>date</c>) are written only for an end known
/// as one date; the full interval in EDTF is always one <c>description</c> value (<c>interval: 2015/[..2024]</c>).
/// Ids are deterministic: an entity's id with '/' as '.' behind <c>gi.</c> (<c>org/isis-k</c> → <c>gi.org.isis-k</c>),
/// a fact's <c>gi.</c> and the SHA-1 of its id (FtM ids allow only letters, digits, '.' and '-').
/// Strength estimates and merges have no FtM schema and are not written.
/// </summary>
public sealed class FollowTheMoneyExportFormatter : IExportFormatter
{
    public string Name => "ftm";
    public string ContentType => "application/x-ndjson";
    public string FileExtension => "ftm.json";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task WriteAsync(GraphSnapshot snapshot, Stream output, CancellationToken ct = default)
    {
        var sources = ExchangeValues.SourcesById(snapshot);
        var schemaOf = new Dictionary<string, string>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        await using var w = new Utf8JsonWriter(buffer, Options);

        async Task EndLineAsync()
        {
            await w.FlushAsync(ct).ConfigureAwait(false);
            buffer.Write(NewLine);
            if (buffer.Length >= 64 * 1024)
            {
                await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct).ConfigureAwait(false);
                buffer.SetLength(0);
            }
            w.Reset(buffer);
        }

        foreach (var e in snapshot.Entities.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            var schema = SchemaOf(e);
            schemaOf[e.Id] = schema;
            var p = new Properties();
            p.Add("name", e.Name);
            foreach (var alias in e.Aliases) p.Add("alias", alias);
            p.Add("description", e.Description);
            switch (e.Kind)
            {
                case EntityKind.Organization:
                    p.Add("classification", e.OrganizationKind is { } k ? EnumNames.ToContractName(k) : null);
                    p.Add("incorporationDate", e.Founded?.ToString());
                    p.Add("dissolutionDate", e.Dissolved?.ToString());
                    break;
                case EntityKind.Place:
                    p.Add("full", e.Name);
                    break;
                case EntityKind.Event when e.Event is { } details:
                    p.Add("keywords", EnumNames.ToContractName(details.Kind));
                    p.Add("date", ExchangeValues.Exact(details.Date) is { Length: > 0 } d ? d : null);
                    if (!details.Date.IsUnknown) p.Add("description", "date: " + details.Date);
                    break;
            }
            AddCitations(p, e.Citations, sources);
            WriteEntity(w, EntityId(e.Id), schema, p);
            await EndLineAsync().ConfigureAwait(false);
        }

        foreach (var r in snapshot.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (!schemaOf.TryGetValue(r.FromId, out var fromSchema) || !schemaOf.TryGetValue(r.ToId, out var toSchema)) continue;
            var (schema, sourceProperty, sourceId, targetProperty, targetId) = Link(r, fromSchema, toSchema);
            var p = new Properties();
            p.Add(sourceProperty, EntityId(sourceId));
            p.Add(targetProperty, EntityId(targetId));
            p.Add("role", r.Type == RelationshipType.Leads && r.Role is { } title ? title : Role(r));
            p.Add("status", EnumNames.ToContractName(r.Status));
            p.Add("recordId", r.Id);
            var interval = r.EffectiveValidity;
            if (schema == "Succession") p.Add("date", Empty(ExchangeValues.Exact(interval.Start)));
            else
            {
                p.Add("startDate", Empty(ExchangeValues.Exact(interval.Start)));
                p.Add("endDate", Empty(ExchangeValues.Exact(interval.End)));
            }
            if (!interval.IsUndated) p.Add("description", "interval: " + interval);
            if (r.EndedBy is { } ended) p.Add("description", $"ended: {ended.Reason} by {ended.Latest} ({ended.ById})");
            if (r.EndReason is { } reason) p.Add("description", "end reason: " + reason);
            p.Add("description", r.Note);
            AddCitations(p, r.Citations, sources);
            WriteEntity(w, FactId(r.Id), schema, p);
            await EndLineAsync().ConfigureAwait(false);
        }
        if (buffer.Length > 0) await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The FtM schema of an entity (see the class summary).</summary>
    public static string SchemaOf(Entity e) => e.Kind switch
    {
        EntityKind.Person => "Person",
        EntityKind.Place => "Address",
        EntityKind.Event => "Event",
        _ => e.OrganizationKind is OrganizationKind.State or OrganizationKind.GovernmentAgency or OrganizationKind.Intergovernmental
            ? "PublicBody" : "Organization",
    };

    /// <summary>The FtM id of an entity: <c>gi.</c> and its id with '/' as '.' (entity ids are slugs: letters, digits, '-', '/').</summary>
    public static string EntityId(string id) => "gi." + id.Replace('/', '.');

    /// <summary>The FtM id of a fact: <c>gi.</c> and the SHA-1 of its id, in lowercase hex (fact ids hold EDTF brackets and dots).</summary>
    public static string FactId(string id) => "gi." + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(id)));

    private static bool IsLegalEntity(string schema) => schema is "Person" or "Organization" or "PublicBody";
    private static bool IsOrganization(string schema) => schema is "Organization" or "PublicBody";

    private static (string Schema, string SourceProperty, string SourceId, string TargetProperty, string TargetId) Link(
        Relationship r, string fromSchema, string toSchema) => r.Type switch
    {
        RelationshipType.Leads when IsLegalEntity(fromSchema) && IsOrganization(toSchema) =>
            ("Directorship", "director", r.FromId, "organization", r.ToId),
        RelationshipType.MemberOf or RelationshipType.AffiliateOf or RelationshipType.UnderUmbrellaOf
            when IsLegalEntity(fromSchema) && IsOrganization(toSchema) =>
            ("Membership", "member", r.FromId, "organization", r.ToId),
        RelationshipType.RebrandedAs or RelationshipType.MergedInto when IsLegalEntity(fromSchema) && IsLegalEntity(toSchema) =>
            ("Succession", "predecessor", r.FromId, "successor", r.ToId),
        RelationshipType.SplitFrom when IsLegalEntity(fromSchema) && IsLegalEntity(toSchema) =>
            ("Succession", "predecessor", r.ToId, "successor", r.FromId),
        _ => ("UnknownLink", "subject", r.FromId, "object", r.ToId),
    };

    /// <summary>The interest's role: the GraphIntel type, and for a participation the part played (PARTICIPATED_IN: PERPETRATOR (CLAIMED)).</summary>
    private static string Role(Relationship r)
    {
        var type = EnumNames.ToContractName(r.Type);
        if (r.Participation is not { } p) return type;
        var role = EnumNames.ToContractName(p.Role);
        return p.Attribution is { } a ? $"{type}: {role} ({EnumNames.ToContractName(a)})" : $"{type}: {role}";
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static void AddCitations(Properties p, IReadOnlyList<Citation> citations, IReadOnlyDictionary<string, Source> sources)
    {
        foreach (var c in citations)
        {
            var source = sources.GetValueOrDefault(c.SourceId);
            p.Add("summary", $"“{c.Quote}” — {source?.Title ?? c.SourceId} [{c.SourceId}]");
            p.Add("sourceUrl", source?.Url);
            p.Add("publisher", source?.Publisher);
        }
    }

    private static void WriteEntity(Utf8JsonWriter w, string id, string schema, Properties properties)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("schema", schema);
        w.WriteStartObject("properties");
        foreach (var (name, values) in properties.All)
        {
            w.WriteStartArray(name);
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>An entity's properties in the order first set, each a list of distinct values (FtM values are sets).</summary>
    private sealed class Properties
    {
        public readonly List<(string Name, List<string> Values)> All = [];

        public void Add(string name, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            var index = All.FindIndex(p => p.Name == name);
            if (index < 0) All.Add((name, [value]));
            else if (!All[index].Values.Contains(value)) All[index].Values.Add(value);
        }
    }
}
