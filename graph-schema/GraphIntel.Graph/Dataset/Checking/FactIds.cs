using System.Globalization;
using System.Text;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Dataset.Checking;

/// <summary>
/// The id of a fact: its explicit <c>id</c>, else derived from its content as the data-set README specifies:
/// <c>rel/&lt;type&gt;/&lt;from&gt;/&lt;to&gt;/&lt;validFrom&gt;-&lt;validTo&gt;</c> and <c>est/&lt;org&gt;/&lt;asOf&gt;/&lt;estimatedBy&gt;</c>,
/// with the type in its contract spelling, an absent value written as nothing and the estimator as a lowercase slug
/// (fact ids hold no white space): <c>est/org/isis-k/2024/anvar-yuldoshev</c>.
/// </summary>
internal static class FactIds
{
    /// <summary>The id, whether it was derived, or null when the fields it derives from are missing.</summary>
    public static (string Id, bool Derived)? Of(RelationshipDraft r)
    {
        if (r.ExplicitId is { } explicitId) return (explicitId.Value, false);
        if (r.Type is not { } type || r.From is not { } from || r.To is not { } to) return null;
        return ($"rel/{EnumNames.ToContractName(type)}/{from.Value}/{to.Value}/{r.ValidFrom}-{r.ValidTo}", true);
    }

    public static (string Id, bool Derived)? Of(EstimateDraft e)
    {
        if (e.ExplicitId is { } explicitId) return (explicitId.Value, false);
        if (e.Organization is not { } organization) return null;
        return ($"est/{organization.Value}/{e.AsOf}/{Slug(e.EstimatedBy)}", true);
    }

    /// <summary>"Anvar Yuldoshev" → "anvar-yuldoshev": ASCII letters and digits, diacritics dropped, runs of anything else as one '-'.</summary>
    internal static string Slug(string? text)
    {
        if (text is null) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().TrimEnd('-');
    }
}
