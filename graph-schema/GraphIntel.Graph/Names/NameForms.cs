using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Names;

/// <summary>
/// Names are stored in Unicode normalization form C, so one name typed two ways ("é" as one character or as "e"
/// and a combining accent) is one string in the store. Both backends apply <see cref="Normalize"/> to a change set
/// before validating and writing it. Covers entity names and aliases, estimators, LEADS roles and end reasons, and
/// a source's title, publisher and author; quotes and source texts are left exactly as written (a quote must match
/// its source verbatim).
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
        return changed
            ? changes with { Entities = entities, Sources = sources, Relationships = relationships, StrengthEstimates = estimates }
            : changes;
    }
}
