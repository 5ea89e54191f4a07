using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Store.Patches;

/// <summary>
/// The domain rule for merging a patch with the stored record (null when there is none): the one place both backends
/// take it from. Unset fields keep their stored value; aliases and citations accumulate, removals are explicit and
/// must name something held; RETRACTED is never set by a patch, and patching a retracted fact revives it only with a
/// reason. Problems are added to <paramref name="problems"/>; the result is then meaningless.
/// </summary>
public static class PatchMerge
{
    public static Entity Apply(Entity? stored, EntityPatch patch, List<ValidationProblem> problems)
    {
        var id = patch.Id ?? "";
        if (stored is null && !patch.Name.IsSet) problems.Add(new(id, "a new entity needs a name"));
        var aliases = (stored?.Aliases ?? []).ToList();
        foreach (var alias in patch.RemoveAliases)
        {
            if (aliases.Remove(alias)) continue;
            problems.Add(new(id, stored is null
                ? $"cannot remove the alias '{alias}': the entity is new"
                : $"cannot remove the alias '{alias}': it is not an alias of {id} (its aliases: {string.Join(", ", stored.Aliases.Select(a => $"'{a}'"))})"));
        }
        var name = patch.Name.Or(stored?.Name!);
        foreach (var alias in patch.AddAliases)
            if (!aliases.Contains(alias, StringComparer.Ordinal) && alias != name) aliases.Add(alias);
        return new Entity(id, stored?.Kind ?? patch.Kind, name, aliases, Citations(id, stored?.Citations, patch, problems))
        {
            OrganizationKind = patch.OrganizationKind.Or(stored?.OrganizationKind),
            Description = patch.Description.Or(stored?.Description),
            Founded = patch.Founded.Or(stored?.Founded),
            Dissolved = patch.Dissolved.Or(stored?.Dissolved),
            Event = stored?.Event,
        };
    }

    public static Relationship Apply(Relationship? stored, RelationshipPatch patch, string? reason, List<ValidationProblem> problems)
    {
        var id = patch.Id ?? "";
        var status = Status(id, "relationship", "retractRelationship", stored?.Status, patch.Status, reason, problems);
        return new Relationship(id, patch.Type, stored?.FromId ?? patch.FromId, stored?.ToId ?? patch.ToId, patch.Validity, status,
            Citations(id, stored?.Citations, patch, problems))
        {
            Note = patch.Note.Or(stored?.Note),
            Role = patch.Role.Or(stored?.Role),
            EndReason = patch.EndReason.Or(stored?.EndReason),
            // Not patchable: the part played in an event, and the derived lifecycle end (the store derives it again).
            Participation = stored?.Participation,
            EndedBy = stored?.EndedBy,
            Attestations = Attestations(id, stored?.Attestations, patch, problems),
        };
    }

    private static List<Attestation> Attestations(string id, IReadOnlyList<Attestation>? stored, RelationshipPatch patch, List<ValidationProblem> problems)
    {
        var attestations = (stored ?? []).ToList();
        foreach (var removed in patch.RemoveAttestations)
            if (!attestations.Remove(removed))
                problems.Add(new(id, $"cannot remove the attestation {removed.Date} by {removed.SourceId}: {id} holds no such attestation"));
        foreach (var added in patch.AddAttestations)
            if (!attestations.Contains(added)) attestations.Add(added);
        return attestations;
    }

    public static StrengthEstimate Apply(StrengthEstimate? stored, StrengthEstimatePatch patch, string? reason, List<ValidationProblem> problems)
    {
        var id = patch.Id ?? "";
        if (stored is not null && !string.Equals(stored.EstimatedBy, patch.EstimatedBy, StringComparison.Ordinal))
            problems.Add(new(id, $"the estimator '{patch.EstimatedBy}' derives the id of the stored estimate by '{stored.EstimatedBy}'; " +
                                 $"an estimate is never overwritten by another estimator's: spell the estimator '{stored.EstimatedBy}' to update that estimate, or spell it distinctly"));
        var status = Status(id, "strength estimate", "retractStrengthEstimate", stored?.Status, patch.Status, reason, problems);
        return new StrengthEstimate(id, stored?.OrganizationId ?? patch.OrganizationId, patch.Min.Or(stored?.Min), patch.Max.Or(stored?.Max),
            patch.AsOf, stored?.EstimatedBy ?? patch.EstimatedBy, status, Citations(id, stored?.Citations, patch, problems))
        {
            Note = patch.Note.Or(stored?.Note),
        };
    }

    public static Source Apply(Source? stored, SourcePatch patch, List<ValidationProblem> problems)
    {
        var id = patch.Id ?? "";
        if (stored is null && (!patch.Title.IsSet || !patch.Text.IsSet)) problems.Add(new(id, "a new source needs a title and a text"));
        return new Source(id, patch.Title.Or(stored?.Title!), patch.Publisher.Or(stored?.Publisher), patch.Author.Or(stored?.Author),
            patch.Published.Or(stored?.Published), patch.Url.Or(stored?.Url), patch.Text.Or(stored?.Text!));
    }

    /// <summary>Whether two citations are the same evidence: the same source and the same quote.</summary>
    public static bool SameEvidence(Citation a, Citation b) =>
        string.Equals(a.SourceId, b.SourceId, StringComparison.Ordinal) && string.Equals(a.Quote, b.Quote, StringComparison.Ordinal);

    private static ClaimStatus Status(string id, string what, string retractField, ClaimStatus? stored, Optional<ClaimStatus> given,
        string? reason, List<ValidationProblem> problems)
    {
        if (given.IsSet && given.Value == ClaimStatus.Retracted)
            problems.Add(new(id, $"status RETRACTED is set only by {retractField}, which records why"));
        if (stored == ClaimStatus.Retracted)
        {
            if (string.IsNullOrWhiteSpace(reason))
                problems.Add(new(id, $"the {what} is retracted: asserting it again revives it, which needs a reason (it is audited as a revival)"));
            return given.IsSet && given.Value != ClaimStatus.Retracted ? given.Value : ClaimStatus.Asserted;
        }
        return given.Or(stored ?? ClaimStatus.Asserted);
    }

    private static List<Citation> Citations(string id, IReadOnlyList<Citation>? stored, CitedPatch patch, List<ValidationProblem> problems)
    {
        var citations = (stored ?? []).ToList();
        foreach (var removed in patch.RemoveCitations)
        {
            var index = citations.FindIndex(c => SameEvidence(c, removed));
            if (index >= 0) citations.RemoveAt(index);
            else problems.Add(new(id, $"cannot remove the citation of {removed.SourceId} \"{Abbreviate(removed.Quote)}\": {id} holds no such citation"));
        }
        foreach (var added in patch.AddCitations)
            if (!citations.Any(c => SameEvidence(c, added))) citations.Add(added);
        return citations;
    }

    private static string Abbreviate(string? quote) => quote is null ? "" : quote.Length <= 80 ? quote : quote[..77] + "...";
}
