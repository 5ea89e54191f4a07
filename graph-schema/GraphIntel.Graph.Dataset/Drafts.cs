using GraphIntel.Graph.Dataset.Yaml;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Dataset;

// What the parsers make of each record before cross-file checks: every field that a later check points at keeps
// its position, and a field that was missing or malformed (already reported) is null.

internal sealed record CitationDraft(string Label, Located<string>? Source, Located<string>? Quote, string? Supports, DatasetLocation At);

internal sealed record SourceDraft(
    Located<string>? Id, Located<string>? File, string? Title, string? Publisher, string? Author,
    PartialDate? Published, string? Url, DatasetLocation At)
{
    public string Label => $"source {Id?.Value ?? "(no id)"}";
}

internal sealed record EntityDraft(
    Located<string>? Id, EntityKind Kind, Located<string>? Name, List<Located<string>> Aliases,
    OrganizationKind? OrganizationKind, string? Description, PartialDate? Founded, PartialDate? Dissolved,
    List<CitationDraft> Citations, DatasetLocation At)
{
    public string Label => DatasetText.EntityLabel(Kind, Id?.Value);

    /// <summary>Events only: what the <c>events:</c> entry says beyond an entity's fields.</summary>
    public EventDraft? Event { get; init; }
}

/// <summary>The event fields of an <c>events:</c> entry; <see cref="Kind"/> null when missing or malformed (reported).</summary>
internal sealed record EventDraft(EventKind? Kind, DateBound Date, List<CasualtyDraft> Casualties);

/// <summary>One <c>casualties:</c> figure of an event.</summary>
internal sealed record CasualtyDraft(
    CasualtyKind? Kind, int? Min, int? Max, string? Of, string? Note, ClaimStatus Status, List<CitationDraft> Citations, DatasetLocation At);

internal sealed record RelationshipDraft(
    Located<string>? ExplicitId, RelationshipType? Type, Located<string>? From, Located<string>? To,
    Validity Validity, ClaimStatus Status, string? Note, string? Role, string? EndReason,
    List<CitationDraft> Citations, string Label, DatasetLocation At)
{
    /// <summary>The <c>attested:</c> entries: dates at which a cited source says the fact held.</summary>
    public List<AttestationDraft> Attestations { get; init; } = [];

    /// <summary>PARTICIPATED_IN facts of an event: the participant's role and attribution.</summary>
    public Participation? Participation { get; init; }

    /// <summary>The keys <see cref="From"/> and <see cref="To"/> were written under, for messages (an event's facts: entity, place).</summary>
    public (string From, string To) FieldNames { get; init; } = ("from", "to");
}

/// <summary>One <c>attested:</c> entry of a relationship.</summary>
internal sealed record AttestationDraft(PartialDate? Date, Located<string>? Source, DatasetLocation At);

internal sealed record EstimateDraft(
    Located<string>? ExplicitId, Located<string>? Organization, int? Min, int? Max, PartialDate? AsOf,
    string? EstimatedBy, ClaimStatus Status, string? Note, List<CitationDraft> Citations, string Label, DatasetLocation At);

/// <summary>An <c>aliases:</c> fact: more spellings of an entity defined elsewhere.</summary>
internal sealed record AliasesDraft(Located<string>? Entity, List<Located<string>> Names, List<CitationDraft> Citations, string Label, DatasetLocation At);

/// <summary>Everything the parsers read from the data-set files.</summary>
internal sealed class DatasetDrafts
{
    public List<SourceDraft> Sources { get; } = [];
    /// <summary>Source id → document text, for sources whose file was read.</summary>
    public Dictionary<string, string> SourceTexts { get; } = new(StringComparer.Ordinal);
    public List<EntityDraft> Entities { get; } = [];
    public List<RelationshipDraft> Relationships { get; } = [];
    public List<EstimateDraft> Estimates { get; } = [];
    public List<AliasesDraft> Aliases { get; } = [];
    public int FilesRead { get; set; }
}

internal static class DatasetText
{
    public static string EntityLabel(EntityKind kind, string? id) => $"{KindName(kind)} {id ?? "(no id)"}";

    public static string KindName(EntityKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The first ~60 characters of a quote (cut at a word boundary when one is near), for messages.</summary>
    public static string Excerpt(string quote)
    {
        const int length = 60;
        var flat = Model.QuoteMatcher.NormalizeWhitespace(quote);
        if (flat.Length <= length) return flat;
        var space = flat.LastIndexOf(' ', length);
        return flat[..(space >= length - 15 ? space : length)] + "…";
    }
}
