using System.Globalization;
using System.Text;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Model;

/// <summary>
/// Content-derived fact ids, so that asserting the same fact twice (from the data set or the API) upserts one
/// record: <c>rel/&lt;TYPE&gt;/&lt;from&gt;/&lt;to&gt;/&lt;validFrom&gt;-&lt;validTo&gt;</c> and
/// <c>est/&lt;org&gt;/&lt;asOf&gt;/&lt;estimator-slug&gt;</c>, an absent value written as nothing.
/// </summary>
public static class FactIdentity
{
    /// <summary>
    /// The id of a relationship: each end as its EDTF text, nothing for an unknown end (so exact and unknown ends give
    /// the ids they gave before ends had bounds: <c>rel/LEADS/person/x/org/y/2015-01-2016-07</c>).
    /// </summary>
    public static string Relationship(RelationshipType type, string fromId, string toId, Validity validity) =>
        $"rel/{EnumNames.ToContractName(type)}/{fromId}/{toId}/{validity.Start.IdentityText}-{validity.End.IdentityText}";

    public static string Estimate(string organizationId, PartialDate? asOf, string? estimatedBy) =>
        $"est/{organizationId}/{asOf}/{Slug(estimatedBy)}";

    /// <summary>"Anvar Yuldoshev" → "anvar-yuldoshev": ASCII letters and digits, diacritics dropped, runs of anything else as one '-'.</summary>
    public static string Slug(string? text)
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
