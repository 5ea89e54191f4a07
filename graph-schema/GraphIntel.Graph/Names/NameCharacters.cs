using System.Globalization;
using System.Text;

namespace GraphIntel.Graph.Names;

/// <summary>
/// Which characters a name may hold: none that renders as nothing or reorders what is around it — zero-width and
/// other default-ignorable characters (U+200B, U+200D, U+2060, U+FEFF, variation selectors, …), bidirectional
/// controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), other format characters (general category Cf),
/// control characters, and unpaired surrogates. Such characters make two names look alike that are stored
/// differently, or make a name display as something it is not. Nor may one word mix letters of Latin, Greek and
/// Cyrillic (UTS #39's mixed-script look-alikes: "KІB" with a Cyrillic "І"): each word of a name is written in one of
/// them, while a name may hold words in several ("Jamaat Ansarullah (Джамаат Ансаруллах)").
/// </summary>
public static class NameCharacters
{
    /// <summary>The first character of <paramref name="value"/> a name may not hold, as a sentence naming it and <paramref name="field"/>; null when there is none.</summary>
    public static string? Check(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            int cp = c;
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                    return Refusal(field, value, cp, i, "an unpaired surrogate");
                cp = char.ConvertToUtf32(c, value[++i]);
            }
            if (Describe(cp) is { } what) return Refusal(field, value, cp, i, what);
        }
        return MixedScriptWord(field, value);
    }

    /// <summary>The first word of <paramref name="value"/> whose letters come from two of Latin, Greek and Cyrillic, as a sentence; null when none does.</summary>
    private static string? MixedScriptWord(string field, string value)
    {
        var wordStart = 0;
        var first = LookAlikeScript.None;
        var index = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var inWord = category is <= UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
            if (!inWord)
            {
                first = LookAlikeScript.None;
                wordStart = index + rune.Utf16SequenceLength;
            }
            else if (UnicodeTables.ScriptOf(rune.Value) is var script and not LookAlikeScript.None)
            {
                if (first == LookAlikeScript.None) first = script;
                else if (script != first)
                {
                    var end = wordStart;
                    while (end < value.Length && !char.IsWhiteSpace(value[end]) && !char.IsPunctuation(value[end])) end++;
                    return $"{field} mixes {first} and {script} letters in the word \"{value[wordStart..end]}\": U+{rune.Value:X4} at character {index + 1} " +
                           $"of \"{value}\"; each word of a name is written in one script, so that a look-alike can't pass for another name";
                }
            }
            index += rune.Utf16SequenceLength;
        }
        return null;
    }

    private static string? Describe(int cp)
    {
        if (cp is 0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069))
            return "a bidirectional control character";
        if (cp is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF) return "a zero-width character";
        if (UnicodeTables.IsDefaultIgnorable(cp)) return "an invisible (default-ignorable) character";
        var category = CharUnicodeInfo.GetUnicodeCategory(cp);
        if (category == UnicodeCategory.Format) return "a format character";
        if (category == UnicodeCategory.Control) return "a control character";
        return null;
    }

    private static string Refusal(string field, string value, int cp, int index, string what) =>
        $"{field} contains U+{cp:X4}, {what}, at character {index + 1} of \"{Visible(value)}\"; names may not hold invisible, bidirectional-control or format characters";

    /// <summary>The value with each refused character written as &lt;U+XXXX&gt;, so the message itself shows where it is.</summary>
    private static string Visible(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var rune in value.EnumerateRunes())
        {
            if (Describe(rune.Value) is not null || rune == Rune.ReplacementChar) sb.Append($"<U+{rune.Value:X4}>");
            else sb.Append(rune.ToString());
        }
        return sb.ToString();
    }
}
