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
    public static string Relationship(RelationshipType type, string fromId, string toId, PartialDate? validFrom, PartialDate? validTo) =>
        $"rel/{EnumNames.ToContractName(type)}/{fromId}/{toId}/{validFrom}-{validTo}";

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
