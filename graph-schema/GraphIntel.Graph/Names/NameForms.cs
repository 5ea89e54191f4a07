using GraphIntel.Graph.Store;
using GraphIntel.Graph.Store.Patches;

namespace GraphIntel.Graph.Names;

/// <summary>
/// Names are stored in Unicode normalization form C, so one name typed two ways ("é" as one character or as "e"
/// and a combining accent) is one string in the store. Both backends apply <see cref="Normalize"/> to a change set
/// before validating and writing it. Covers entity names and aliases, estimators, LEADS roles and end reasons, and
/// a source's title, publisher and author, in whole records and in patches alike (the API writes patches); quotes and
/// source texts are left exactly as written (a quote must match its source verbatim).
/// </summary>
public static class NameForms
{
    /// <summary>The change set with every name in NFC; the same instance when nothing changes.</summary>
    public static ChangeSet Normalize(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var changed = false;
        string? Nfc(string? value)
        {
            if (value is null) return null;
            var nfc = UnicodeNormalization.ToNfc(value);
            if (!string.Equals(nfc, value, StringComparison.Ordinal)) changed = true;
            return nfc;
        }

        var entities = changes.Entities.Select(e => e with
        {
            Name = Nfc(e.Name)!,
            Aliases = e.Aliases?.Select(a => Nfc(a)!).ToList() ?? e.Aliases!,
        }).ToList();
        var sources = changes.Sources.Select(s => s with { Title = Nfc(s.Title)!, Publisher = Nfc(s.Publisher), Author = Nfc(s.Author) }).ToList();
        var relationships = changes.Relationships.Select(r => r with { Role = Nfc(r.Role), EndReason = Nfc(r.EndReason) }).ToList();
        var estimates = changes.StrengthEstimates.Select(x => x with { EstimatedBy = Nfc(x.EstimatedBy) }).ToList();
        Optional<string?> NfcField(Optional<string?> field) => field.IsSet ? Nfc(field.Value) : field;
        var entityPatches = changes.EntityPatches.Select(e => e with
        {
            Name = e.Name.IsSet ? Nfc(e.Name.Value)! : e.Name,
            AddAliases = e.AddAliases.Select(a => Nfc(a)!).ToList(),
            RemoveAliases = e.RemoveAliases.Select(a => Nfc(a)!).ToList(),
        }).ToList();
        var sourcePatches = changes.SourcePatches.Select(s => s with
        {
            Title = s.Title.IsSet ? Nfc(s.Title.Value)! : s.Title,
            Publisher = NfcField(s.Publisher),
            Author = NfcField(s.Author),
        }).ToList();
        var relationshipPatches = changes.RelationshipPatches.Select(r => r with { Role = NfcField(r.Role), EndReason = NfcField(r.EndReason) }).ToList();
        var estimatePatches = changes.StrengthEstimatePatches.Select(x => x with { EstimatedBy = Nfc(x.EstimatedBy) }).ToList();
        return changed
            ? changes with
            {
                Entities = entities, Sources = sources, Relationships = relationships, StrengthEstimates = estimates,
                EntityPatches = entityPatches, SourcePatches = sourcePatches, RelationshipPatches = relationshipPatches,
                StrengthEstimatePatches = estimatePatches,
            }
            : changes;
    }
}
