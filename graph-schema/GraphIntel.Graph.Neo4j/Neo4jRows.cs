using System.Text.Json;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Neo4j;

/// <summary>Maps between domain records and the property values stored in Neo4j.</summary>
internal static class Neo4jRows
{
    private static readonly JsonSerializerOptions CitationJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string CitationsToJson(IReadOnlyList<Citation> citations) => JsonSerializer.Serialize(citations, CitationJson);

    public static IReadOnlyList<Citation> CitationsFromJson(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? JsonSerializer.Deserialize<Citation[]>(value.GetString()!, CitationJson) ?? []
            : [];

    public static string? Str(JsonElement v) => v.ValueKind == JsonValueKind.Null ? null : v.GetString();
    public static int? Int(JsonElement v) => v.ValueKind == JsonValueKind.Null ? null : v.GetInt32();
    public static PartialDate? Date(JsonElement v) => Str(v) is { } s ? PartialDate.Parse(s) : null;
    public static DateBound Bound(JsonElement v) => Str(v) is { } s ? DateBound.Parse(s) : DateBound.Unknown;
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Strings(JsonElement v) =>
        v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];

    /// <summary>
    /// Columns: id, kind, name, aliases, organizationKind, description, founded, dissolved, citations, eventKind, eventDate,
    /// casualties (from <paramref name="at"/>).
    /// </summary>
    public static Entity ReadEntity(JsonElement[] row, int at) =>
        new(row[at].GetString()!, EnumNames.Parse<EntityKind>(row[at + 1].GetString()!), row[at + 2].GetString()!,
            Strings(row[at + 3]), CitationsFromJson(row[at + 8]))
        {
            OrganizationKind = Str(row[at + 4]) is { } ok ? EnumNames.Parse<OrganizationKind>(ok) : null,
            Description = Str(row[at + 5]),
            Founded = Date(row[at + 6]),
            Dissolved = Date(row[at + 7]),
            Event = Str(row[at + 9]) is { } eventKind
                ? new EventDetails(EnumNames.Parse<EventKind>(eventKind), Bound(row[at + 10]))
                {
                    Casualties = Str(row[at + 11]) is { } casualties ? Store.RecordJson.Deserialize<Casualty[]>(casualties) : [],
                }
                : null,
        };

    /// <summary>Columns: id, type, fromId, toId, validFrom, validTo, status, note, role, endReason, citations, attested, endedLatest, endedBy, endedReason, participantRole, attribution.</summary>
    public static Relationship ReadRelationship(JsonElement[] row, int at) =>
        new(row[at].GetString()!, EnumNames.Parse<RelationshipType>(row[at + 1].GetString()!),
            row[at + 2].GetString()!, row[at + 3].GetString()!,
            new Validity(Bound(row[at + 4]), Bound(row[at + 5])),
            EnumNames.Parse<ClaimStatus>(row[at + 6].GetString()!), CitationsFromJson(row[at + 10]))
        {
            Note = Str(row[at + 7]),
            Role = Str(row[at + 8]),
            EndReason = Str(row[at + 9]),
            Attestations = Str(row[at + 11]) is { } attested ? Store.RecordJson.Deserialize<Attestation[]>(attested) : [],
            EndedBy = Date(row[at + 12]) is { } latest ? new LifecycleEnd(latest, Str(row[at + 13]) ?? "", Str(row[at + 14]) ?? "") : null,
            Participation = Str(row[at + 15]) is { } role
                ? new Participation(EnumNames.Parse<ParticipantRole>(role), Str(row[at + 16]) is { } a ? EnumNames.Parse<Attribution>(a) : null)
                : null,
        };

    /// <summary>Columns: id, organizationId, min, max, asOf, estimatedBy, status, note, citations.</summary>
    public static StrengthEstimate ReadEstimate(JsonElement[] row, int at) =>
        new(row[at].GetString()!, row[at + 1].GetString()!, Int(row[at + 2]), Int(row[at + 3]), Date(row[at + 4]),
            Str(row[at + 5]), EnumNames.Parse<ClaimStatus>(row[at + 6].GetString()!), CitationsFromJson(row[at + 8]))
        {
            Note = Str(row[at + 7]),
        };

    /// <summary>Columns: id, title, publisher, author, published, url, text.</summary>
    public static Source ReadSource(JsonElement[] row) =>
        new(row[0].GetString()!, row[1].GetString()!, Str(row[2]), Str(row[3]), Date(row[4]), Str(row[5]), row[6].GetString() ?? "");

    /// <summary>
    /// An entity's listing key, compared by Neo4j in UTF-16 code unit order: the <see cref="CodePointOrder.Key"/> of its
    /// folded name, U+0001 (below every character a name may hold), and that of its id; so Neo4j's order of the keys is
    /// (folded name, id) in code point order, as the embedded store's (sort_key, id) in UTF-8 byte order.
    /// </summary>
    public static string SortKey(string name, string id) =>
        CodePointOrder.Key(Names.NameNormalizer.Fold(name)) + "\u0001" + CodePointOrder.Key(id);

    public static Dictionary<string, object?> EntityRow(Entity e) => new Dictionary<string, object?>
    {
        ["id"] = e.Id,
        ["kind"] = EnumNames.ToContractName(e.Kind),
        ["name"] = e.Name,
        ["aliases"] = e.Aliases.ToArray(),
        ["nameKeys"] = e.Names.Select(Names.NameNormalizer.Fold).Distinct().ToArray(),
        ["sortKey"] = SortKey(e.Name, e.Id),
        ["organizationKind"] = e.OrganizationKind is { } k ? EnumNames.ToContractName(k) : null,
        ["description"] = e.Description,
        ["founded"] = e.Founded?.ToString(),
        ["dissolved"] = e.Dissolved?.ToString(),
        ["citations"] = CitationsToJson(e.Citations),
        ["eventKind"] = e.Event is { } ev ? EnumNames.ToContractName(ev.Kind) : null,
        ["eventDate"] = e.Event is { Date.IsUnknown: false } dated ? dated.Date.ToString() : null,
        ["eventEarliest"] = e.Event?.Date.EarliestDay is { } earliest ? Day(earliest) : null,
        ["eventLatest"] = e.Event?.Date.LatestDay is { } latest ? Day(latest) : null,
        ["casualties"] = e.Event is { } withCasualties ? Store.RecordJson.Serialize(withCasualties.Casualties) : null,
    }.With(ProfileProperties(TemporalProfile.Of(e.Existence, [])));

    /// <summary>A relationship's endpoints and id, with every property of its edge under <c>properties</c>.</summary>
    public static Dictionary<string, object?> RelationshipRow(Relationship r) => new()
    {
        ["id"] = r.Id,
        ["fromId"] = r.FromId,
        ["toId"] = r.ToId,
        ["properties"] = RelationshipProperties(r),
    };

    /// <summary>The properties of a relationship's (:Entity)-[:REL]->(:Entity) edge.</summary>
    public static Dictionary<string, object?> RelationshipProperties(Relationship r) => new Dictionary<string, object?>
    {
        ["id"] = r.Id,
        ["type"] = EnumNames.ToContractName(r.Type),
        ["status"] = EnumNames.ToContractName(r.Status),
        ["validFrom"] = r.Validity.Start.IsUnknown ? null : r.Validity.Start.ToString(),
        ["validTo"] = r.Validity.End.IsUnknown ? null : r.Validity.End.ToString(),
        ["attested"] = Store.RecordJson.Serialize(r.Attestations),
        ["endedLatest"] = r.EndedBy?.Latest.ToString(),
        ["endedBy"] = r.EndedBy?.ById,
        ["endedReason"] = r.EndedBy?.Reason,
        ["note"] = r.Note,
        ["role"] = r.Role,
        ["endReason"] = r.EndReason,
        ["citations"] = CitationsToJson(r.Citations),
        ["participantRole"] = r.Participation is { } p ? EnumNames.ToContractName(p.Role) : null,
        ["attribution"] = r.Participation?.Attribution is { } a ? EnumNames.ToContractName(a) : null,
    }.With(ProfileProperties(TemporalProfile.Of(r)));

    /// <summary>
    /// A <see cref="TemporalProfile"/> as properties the time filters read: ISO days, an unbounded side or a missing
    /// core as null (absent), evidence spans as "start/end" texts (null when none).
    /// </summary>
    public static Dictionary<string, object?> ProfileProperties(TemporalProfile p) => new()
    {
        ["possibleStart"] = p.PossibleStart == int.MinValue ? null : DayOf(p.PossibleStart),
        ["possibleEnd"] = p.PossibleEnd == int.MaxValue ? null : DayOf(p.PossibleEnd),
        ["coreStart"] = p.CoreStart <= p.CoreEnd ? DayOf(p.CoreStart) : null,
        ["coreEnd"] = p.CoreStart <= p.CoreEnd ? DayOf(p.CoreEnd) : null,
        ["evidence"] = p.Evidence.Count == 0 ? null : p.Evidence.Select(span => $"{DayOf(span.Start)}/{DayOf(span.End)}").ToArray(),
    };

    private static string DayOf(int dayNumber) => Day(DateOnly.FromDayNumber(dayNumber));

    private static Dictionary<string, object?> With(this Dictionary<string, object?> row, Dictionary<string, object?> more)
    {
        foreach (var (key, value) in more) row[key] = value;
        return row;
    }

    public static Dictionary<string, object?> EstimateRow(StrengthEstimate x) => new()
    {
        ["id"] = x.Id,
        ["organizationId"] = x.OrganizationId,
        ["min"] = x.Min,
        ["max"] = x.Max,
        ["asOf"] = x.AsOf?.ToString(),
        ["estimatedBy"] = x.EstimatedBy,
        ["status"] = EnumNames.ToContractName(x.Status),
        ["note"] = x.Note,
        ["citations"] = CitationsToJson(x.Citations),
    };

    /// <summary>The (:Name) rows of an entity: one per distinct name, with the keys name lookup uses.</summary>
    public static IEnumerable<Dictionary<string, object?>> NameRows(Entity e) => e.Names.Distinct().Select(name => new Dictionary<string, object?>
    {
        ["entityId"] = e.Id,
        ["kind"] = EnumNames.ToContractName(e.Kind),
        ["name"] = name,
        ["key"] = Names.NameNormalizer.Key(name),
        ["folded"] = Names.NameNormalizer.Fold(name),
        ["clashKey"] = Names.ConfusableSkeleton.ClashKey(name),
        ["gramWords"] = NameGrams.Tokens(Names.NameNormalizer.Key(name)),
    });

    /// <summary>
    /// The properties a stored (:Name) holds for a name row — what <c>CreateNames</c> writes: the row's
    /// <c>gramWords</c> become the <c>grams</c> property (the words the 4.4+ full-text index reads), and the (:Gram) keys
    /// a write links to are not properties. For writers of the layout other than the store (exports).
    /// </summary>
    public static Dictionary<string, object?> StoredName(Dictionary<string, object?> nameRow)
    {
        var stored = new Dictionary<string, object?>(nameRow);
        stored.Remove("gramWords");
        stored["grams"] = nameRow["gramWords"];
        return stored;
    }

    /// <summary>A (:Name) row as a write sends it: with the (:Gram) keys it links to (<see cref="NameGrams.OfName"/>).</summary>
    public static Dictionary<string, object?> WithGrams(Dictionary<string, object?> nameRow) =>
        new(nameRow) { ["grams"] = NameGrams.OfName((string)nameRow["key"]!) };

    /// <summary>Every gram the name rows (each with its <c>grams</c>) link to, once: the rows of <c>UpsertGrams</c>.</summary>
    public static string[] DistinctGrams(IEnumerable<Dictionary<string, object?>> nameRows) =>
        nameRows.SelectMany(row => (string[])row["grams"]!).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The (:Citation) rows of a record, in order: what cites each source, for "citations of a source".</summary>
    public static IEnumerable<Dictionary<string, object?>> CitationRows(string supportsId, IReadOnlyList<Citation> citations) =>
        citations.Select((c, i) => new Dictionary<string, object?>
        {
            ["supportsId"] = supportsId, ["sourceId"] = c.SourceId, ["quote"] = c.Quote, ["supports"] = c.Supports, ["ordinal"] = i,
        });

    /// <summary>An (:Audit) node's properties (what <c>AppendAudit</c> creates, with its sequence number).</summary>
    public static Dictionary<string, object?> AuditRow(AuditEntry a) => new()
    {
        ["seq"] = a.Sequence,
        ["at"] = a.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["actor"] = a.Actor,
        ["action"] = a.Action,
        ["targetId"] = a.TargetId,
        ["reason"] = a.Reason,
        ["before"] = a.Before,
        ["after"] = a.After,
    };

    public static Dictionary<string, object?> SourceRow(Source s) => new()
    {
        ["id"] = s.Id,
        ["title"] = s.Title,
        ["publisher"] = s.Publisher,
        ["author"] = s.Author,
        ["published"] = s.Published?.ToString(),
        ["url"] = s.Url,
        ["text"] = s.Text,
    };
}
