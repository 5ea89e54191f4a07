using System.Text;

namespace GraphIntel.Graph.Names;

/// <summary>
/// Unicode normalization forms NFD and NFC (UAX #15) from <see cref="UnicodeTables"/>: canonical decomposition,
/// canonical ordering of combining marks, canonical composition, Hangul syllables algorithmically. Needed because
/// the runtime's invariant-globalization mode leaves <see cref="string.Normalize()"/> a no-op.
/// </summary>
public static class UnicodeNormalization
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    /// <summary>Canonical composition: what a name is stored as.</summary>
    public static string ToNfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsAscii(text)) return text;
        var code = Decompose(text);
        Compose(code);
        return Encode(code);
    }

    /// <summary>Canonical decomposition.</summary>
    public static string ToNfd(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsAscii(text) ? text : Encode(Decompose(text));
    }

    /// <summary>The code points of <paramref name="text"/> fully decomposed and canonically ordered (unpaired surrogates kept as they are).</summary>
    internal static List<int> Decompose(string text)
    {
        var result = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                cp = char.ConvertToUtf32(text[i], text[++i]);
            DecomposeInto(cp, result);
        }
        Reorder(result);
        return result;
    }

    private static void DecomposeInto(int cp, List<int> result)
    {
        var s = cp - SBase;
        if (s is >= 0 and < SCount)
        {
            result.Add(LBase + s / NCount);
            result.Add(VBase + s % NCount / TCount);
            if (s % TCount != 0) result.Add(TBase + s % TCount);
            return;
        }
        if (UnicodeTables.Decomposition(cp) is { } parts)
            foreach (var part in parts) DecomposeInto(part, result);
        else
            result.Add(cp);
    }

    /// <summary>Canonical ordering: a stable sort of each run of non-starters by combining class.</summary>
    private static void Reorder(List<int> code)
    {
        for (var i = 1; i < code.Count; i++)
        {
            var cc = UnicodeTables.CombiningClass(code[i]);
            if (cc == 0) continue;
            for (var j = i; j > 0; j--)
            {
                var before = UnicodeTables.CombiningClass(code[j - 1]);
                if (before == 0 || before <= cc) break;
                (code[j - 1], code[j]) = (code[j], code[j - 1]);
            }
        }
    }

    /// <summary>Canonical composition of a decomposed, ordered sequence, in place (UAX #15's sample algorithm).</summary>
    private static void Compose(List<int> code)
    {
        if (code.Count == 0) return;
        var starterPos = 0;
        var starter = code[0];
        var lastClass = UnicodeTables.CombiningClass(starter) == 0 ? 0 : 256;
        var compPos = 1;
        for (var i = 1; i < code.Count; i++)
        {
            var ch = code[i];
            var chClass = UnicodeTables.CombiningClass(ch);
            var composite = ComposePair(starter, ch);
            if (composite >= 0 && (lastClass < chClass || lastClass == 0))
            {
                code[starterPos] = composite;
                starter = composite;
                continue;
            }
            if (chClass == 0) { starterPos = compPos; starter = ch; }
            lastClass = chClass;
            code[compPos++] = ch;
        }
        code.RemoveRange(compPos, code.Count - compPos);
    }

    private static int ComposePair(int first, int second)
    {
        var l = first - LBase;
        if (l is >= 0 and < LCount)
        {
            var v = second - VBase;
            if (v is >= 0 and < VCount) return SBase + (l * VCount + v) * TCount;
        }
        var s = first - SBase;
        if (s is >= 0 and < SCount && s % TCount == 0)
        {
            var t = second - TBase;
            if (t is > 0 and < TCount) return first + t;
        }
        return UnicodeTables.Compose(first, second);
    }

    internal static string Encode(List<int> code)
    {
        var sb = new StringBuilder(code.Count);
        foreach (var cp in code)
        {
            if (cp > 0xFFFF) sb.Append(char.ConvertFromUtf32(cp));
            else sb.Append((char)cp);
        }
        return sb.ToString();
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text) if (c >= 0x80) return false;
        return true;
    }
}
