using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Model;

/// <summary>
/// Evidence for a fact: a source and a verbatim passage of its text. On an entity, <see cref="Supports"/> says
/// which attribute the passage backs (name, alias, founded, dissolved, description); on a fact it is null.
/// </summary>
public sealed record Citation(string SourceId, string Quote, string? Supports = null);

/// <summary>A document facts are drawn from. Unknown metadata stays null; nothing is invented.</summary>
public sealed record Source(
    string Id,
    string Title,
    string? Publisher,
    string? Author,
    PartialDate? Published,
    string? Url,
    string Text);

/// <summary>An organization, person, place or event.</summary>
public sealed record Entity(
    string Id,
    EntityKind Kind,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<Citation> Citations)
{
    /// <summary>Set for organizations only.</summary>
    public OrganizationKind? OrganizationKind { get; init; }
    public string? Description { get; init; }
    public PartialDate? Founded { get; init; }
    public PartialDate? Dissolved { get; init; }
    /// <summary>Set for events only: what happened, when, and what it cost.</summary>
    public EventDetails? Event { get; init; }

    /// <summary>The span the entity existed in (organizations: founded..dissolved).</summary>
    public Validity Existence => Validity.Between(Founded, Dissolved);

    /// <summary>Every name the entity answers to: its name, then its aliases.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Name);
}

/// <summary>
/// A relationship between two entities: a fact with provenance. LEADS relationships are leadership terms and
/// may carry a <see cref="Role"/> and an <see cref="EndReason"/>.
/// </summary>
public sealed record Relationship(
    string Id,
    RelationshipType Type,
    string FromId,
    string ToId,
    Validity Validity,
    ClaimStatus Status,
    IReadOnlyList<Citation> Citations)
{
    public string? Note { get; init; }
    /// <summary>LEADS only: the title held (emir, leader, commander, ...).</summary>
    public string? Role { get; init; }
    /// <summary>LEADS only: how the term ended (killed, captured, replaced, ...).</summary>
    public string? EndReason { get; init; }

    /// <summary>PARTICIPATED_IN only: the part played, and for a perpetrator on whose word.</summary>
    public Participation? Participation { get; init; }

    /// <summary>The dates at which a source says the fact held; evidence, not identity.</summary>
    public IReadOnlyList<Attestation> Attestations { get; init; } = [];

    /// <summary>
    /// Derived, never written by hand: the lifecycle that bounds the fact's end (a death, a capture, a dissolution,
    /// a successor's start), or null. Reads use <see cref="EffectiveValidity"/>.
    /// </summary>
    public LifecycleEnd? EndedBy { get; init; }

    /// <summary>The interval reads go by: <see cref="Validity"/> as stated, its end bounded by <see cref="EndedBy"/>.</summary>
    public Validity EffectiveValidity => EndedBy is { } ended ? Validity.NoLaterThan(ended.Latest) : Validity;

    /// <summary>The id of the entity at the other end from <paramref name="entityId"/>.</summary>
    public string OtherEnd(string entityId) => FromId == entityId ? ToId : FromId;
}

/// <summary>An estimate of an organization's fighters, as one source reports one estimator's figure.</summary>
public sealed record StrengthEstimate(
    string Id,
    string OrganizationId,
    int? Min,
    int? Max,
    PartialDate? AsOf,
    string? EstimatedBy,
    ClaimStatus Status,
    IReadOnlyList<Citation> Citations)
{
    public string? Note { get; init; }
}

/// <summary>One write as the audit trail records it: who, when, what, why, and the record before and after (JSON).</summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    string TargetId,
    string? Reason,
    string? Before,
    string? After);

/// <summary>
/// What ends a fact at the latest by <see cref="Latest"/>: the death or capture of a person in it, the dissolution or
/// absorption of an organization in it, or (for a single-holder role) the successor's start. <see cref="ById"/> is the
/// record that says so (an event, an entity, the successor's LEADS fact); <see cref="Reason"/> a short phrase for people
/// ("killed", "captured", "dissolved", "succeeded").
/// </summary>
public sealed record LifecycleEnd(PartialDate Latest, string ById, string Reason);

/// <summary>
/// What an <see cref="EntityKind.Event"/> entity is beyond its name: its kind, when it happened (a bound like an
/// interval's end: <c>2021-08-26</c>, <c>[..2024]</c>, unknown), and its casualty figures, each with its source. Who took
/// part is PARTICIPATED_IN relationships (participant → event); where, OCCURRED_IN (event → place).
/// </summary>
public sealed record EventDetails(EventKind Kind, DateBound Date)
{
    public IReadOnlyList<Casualty> Casualties { get; init; } = [];
}

/// <summary>
/// One casualty figure of an event as one source reports it: <see cref="Min"/>..<see cref="Max"/> people
/// <see cref="Kind"/> (killed, wounded, ...), optionally who they were ("civilians", "US service members").
/// Figures that disagree are kept side by side, like every other claim.
/// </summary>
public sealed record Casualty(CasualtyKind Kind, int? Min, int? Max, ClaimStatus Status, IReadOnlyList<Citation> Citations)
{
    public string? Of { get; init; }
    public string? Note { get; init; }
}

/// <summary>The part an entity played in an event; <see cref="Attribution"/> for perpetrators only.</summary>
public sealed record Participation(ParticipantRole Role, Attribution? Attribution = null);
