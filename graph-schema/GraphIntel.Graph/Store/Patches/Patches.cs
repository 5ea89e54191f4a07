using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store.Patches;

/// <summary>
/// A change to one record that names only what it changes (what the API writes). An unset field keeps the stored
/// value; a field set to null clears it. Lists never shrink by omission: aliases and citations given are added
/// (a citation is its source and quote, so the same one twice is one), and removals are explicit. Merged with the
/// stored record by <see cref="PatchMerge"/> inside the write, so the result is one whole record like any other.
/// </summary>
public abstract record CitedPatch(string Id)
{
    /// <summary>Citations to add (the same source and quote as a stored one is that one).</summary>
    public IReadOnlyList<Citation> AddCitations { get; init; } = [];
    /// <summary>Citations to remove, matched by source and quote; each must be stored.</summary>
    public IReadOnlyList<Citation> RemoveCitations { get; init; } = [];
}

/// <summary>An organization, person or place, patched. Creating one needs a name (and, for an organization, its kind).</summary>
public sealed record EntityPatch(string Id, EntityKind Kind) : CitedPatch(Id)
{
    public Optional<string> Name { get; init; }
    public Optional<OrganizationKind?> OrganizationKind { get; init; }
    public Optional<string?> Description { get; init; }
    public Optional<PartialDate?> Founded { get; init; }
    public Optional<PartialDate?> Dissolved { get; init; }
    /// <summary>Names to add to the aliases (ones already held are kept once).</summary>
    public IReadOnlyList<string> AddAliases { get; init; } = [];
    /// <summary>Aliases to remove; each must be held.</summary>
    public IReadOnlyList<string> RemoveAliases { get; init; } = [];
}

/// <summary>
/// A relationship, patched. Its identity (type, ends, interval) derives its id. <see cref="Status"/> may not be
/// RETRACTED (retraction is its own write, with a reason); patching a retracted relationship revives it, which needs
/// the write's reason.
/// </summary>
public sealed record RelationshipPatch(string Id, RelationshipType Type, string FromId, string ToId, Validity Validity) : CitedPatch(Id)
{
    public Optional<ClaimStatus> Status { get; init; }
    public Optional<string?> Note { get; init; }
    public Optional<string?> Role { get; init; }
    public Optional<string?> EndReason { get; init; }
    /// <summary>Attestations to add (the same date and source as a stored one is that one).</summary>
    public IReadOnlyList<Attestation> AddAttestations { get; init; } = [];
    /// <summary>Attestations to remove; each must be stored.</summary>
    public IReadOnlyList<Attestation> RemoveAttestations { get; init; } = [];
}

/// <summary>
/// A strength estimate, patched. Its identity (organization, as-of date, estimator) derives its id; an estimator
/// spelled differently from the stored one under the same id is refused, never overwritten.
/// </summary>
public sealed record StrengthEstimatePatch(string Id, string OrganizationId, PartialDate? AsOf, string? EstimatedBy) : CitedPatch(Id)
{
    public Optional<int?> Min { get; init; }
    public Optional<int?> Max { get; init; }
    public Optional<ClaimStatus> Status { get; init; }
    public Optional<string?> Note { get; init; }
}

/// <summary>A source, patched. A new text must still contain every quote cited from it (see <see cref="SourceTextGuard"/>).</summary>
public sealed record SourcePatch(string Id)
{
    public Optional<string> Title { get; init; }
    public Optional<string?> Publisher { get; init; }
    public Optional<string?> Author { get; init; }
    public Optional<PartialDate?> Published { get; init; }
    public Optional<string?> Url { get; init; }
    public Optional<string> Text { get; init; }
}
