using System.Globalization;
using System.Text;

namespace GraphIntel.Graph.Names;

/// <summary>
/// Turns names into comparison keys. Both store backends use it, so a name resolves the same way whatever holds it.
/// <list type="bullet">
/// <item><see cref="Fold"/>: lowercase, diacritics stripped (NFD marks dropped, accented Latin letters folded by table), dashes and quotes unified, white space collapsed;
/// otherwise the name's own characters. Two names that fold alike are "the same name" (alias conflicts,
/// substring filters).</item>
/// <item><see cref="Key"/>: the fold with apostrophes dropped, other punctuation as spaces and Arabic article
/// prefixes ("al-", "el-", "ul-") removed, so "Katibat Imam al-Bukhari" and "Katibat Imam Bukhari" share a key.</item>
/// </list>
/// </summary>
public static class NameNormalizer
{
    /// <summary>Article forms removed where they prefix a word.</summary>
    private static readonly string[] Articles = ["al", "el", "ul"];

    /// <summary>Lowercase, diacritics stripped, every dash as '-', every quote as '\'', white space collapsed.</summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(IsDash(c) ? '-' : IsQuote(c) ? '\'' : FoldLetter(c));
        }
        return sb.ToString();
    }

    /// <summary>The lookup key: <see cref="Fold"/>, quotes dropped, punctuation to spaces, leading articles removed.</summary>
    public static string Key(string name)
    {
        var folded = Fold(name);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c == '\'') continue;
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var isArticle = i + 1 < words.Length && Array.IndexOf(Articles, words[i]) >= 0;
            if (!isArticle) kept.Add(words[i]);
        }
        return string.Join(' ', kept);
    }

    private static bool IsDash(char c) =>
        c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58'
            or '\uFE63' or '\uFF0D' or '\u00AD' ||
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;

    private static bool IsQuote(char c) =>
        c is '\'' or '"' or '`' or '\u00B4' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u201C' or '\u201D'
            or '\u201E' or '\u2032' or '\u2033' or '\u02BC' or '\u02BB' or '\u02BF' or '\u02BE' or '\u00AB' or '\u00BB';

    /// <summary>Lowercase, accents dropped (the table covers what NFD cannot decompose in invariant-globalization mode).</summary>
    private static char FoldLetter(char c) => char.ToLowerInvariant(LatinFolding.Fold(c));
}
