using System.Globalization;

namespace GraphIntel.Graph.Names;

/// <summary>
/// The Unicode data the name rules need, parsed once from the compact tables in <c>UnicodeTables.Generated.cs</c>:
/// canonical decompositions, combining classes and composition exclusions (Unicode's UnicodeData.txt and
/// DerivedNormalizationProps.txt), default-ignorable code points (DerivedCoreProperties.txt), the Latin, Greek and
/// Cyrillic scripts (Scripts.txt) and the confusable prototypes of UTS #39 (confusables.txt). The runtime runs in invariant-globalization mode, where
/// <see cref="string.Normalize()"/> does nothing, so normalization needs its own data.
/// </summary>
internal static partial class UnicodeTables
{
    private static readonly Lazy<Dictionary<int, int[]>> DecompositionMap = new(() => ParseMap(CanonicalDecompositions));
    private static readonly Lazy<Dictionary<int, int>> CombiningClassMap = new(() => ParseRangeValues(CombiningClasses));
    private static readonly Lazy<Dictionary<long, int>> CompositionMap = new(BuildCompositions);
    private static readonly Lazy<(int Start, int End)[]> IgnorableRanges = new(() => ParseRanges(DefaultIgnorables));
    private static readonly Lazy<Dictionary<int, int[]>> PrototypeMap = new(() => ParseMap(Confusables));
    private static readonly Lazy<(int Start, int End)[][]> ScriptRanges = new(() =>
        [ParseRanges(LatinScript), ParseRanges(GreekScript), ParseRanges(CyrillicScript)]);

    /// <summary>The one-level canonical decomposition of <paramref name="codePoint"/>, or null.</summary>
    public static int[]? Decomposition(int codePoint) => DecompositionMap.Value.GetValueOrDefault(codePoint);

    /// <summary>The canonical combining class (0 for starters).</summary>
    public static int CombiningClass(int codePoint) => CombiningClassMap.Value.GetValueOrDefault(codePoint);

    /// <summary>The primary composite of a pair, or -1.</summary>
    public static int Compose(int first, int second) =>
        CompositionMap.Value.TryGetValue(((long)first << 21) | (uint)second, out var composite) ? composite : -1;

    /// <summary>Default_Ignorable_Code_Point: characters that render as nothing (zero-width, bidi and other format controls, fillers, variation selectors).</summary>
    public static bool IsDefaultIgnorable(int codePoint) => InRanges(IgnorableRanges.Value, codePoint);

    /// <summary>
    /// Which of the scripts whose letters are each other's look-alikes (Latin, Greek, Cyrillic) the code point belongs
    /// to, by its Script property; <see cref="LookAlikeScript.None"/> for every other script and for Common/Inherited.
    /// </summary>
    public static LookAlikeScript ScriptOf(int codePoint)
    {
        var scripts = ScriptRanges.Value;
        for (var i = 0; i < scripts.Length; i++)
            if (InRanges(scripts[i], codePoint)) return (LookAlikeScript)(i + 1);
        return LookAlikeScript.None;
    }

    private static bool InRanges((int Start, int End)[] ranges, int codePoint)
    {
        int lo = 0, hi = ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (codePoint < ranges[mid].Start) hi = mid - 1;
            else if (codePoint > ranges[mid].End) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /// <summary>The UTS #39 prototype of a confusable code point, or null when the character is its own prototype.</summary>
    public static int[]? Prototype(int codePoint) => PrototypeMap.Value.GetValueOrDefault(codePoint);

    private static Dictionary<long, int> BuildCompositions()
    {
        var excluded = ParseRanges(FullCompositionExclusions);
        var pairs = new Dictionary<long, int>();
        foreach (var (composite, parts) in DecompositionMap.Value)
        {
            if (parts.Length != 2 || excluded.Any(r => composite >= r.Start && composite <= r.End)) continue;
            pairs[((long)parts[0] << 21) | (uint)parts[1]] = composite;
        }
        return pairs;
    }

    /// <summary>"CP=A B,…": code point to code points, hexadecimal.</summary>
    private static Dictionary<int, int[]> ParseMap(string table)
    {
        var map = new Dictionary<int, int[]>();
        foreach (var entry in table.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = entry.IndexOf('=');
            map[Hex(entry[..eq])] = entry[(eq + 1)..].Split(' ').Select(Hex).ToArray();
        }
        return map;
    }

    /// <summary>"START-END:VALUE,…" or "CP:VALUE,…", code points hexadecimal, values decimal.</summary>
    private static Dictionary<int, int> ParseRangeValues(string table)
    {
        var map = new Dictionary<int, int>();
        foreach (var entry in table.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = entry.IndexOf(':');
            var (start, end) = Range(entry[..colon]);
            var value = int.Parse(entry[(colon + 1)..], CultureInfo.InvariantCulture);
            for (var cp = start; cp <= end; cp++) map[cp] = value;
        }
        return map;
    }

    /// <summary>"START-END,…" or "CP,…", hexadecimal, ascending.</summary>
    private static (int Start, int End)[] ParseRanges(string table) =>
        table.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Range).ToArray();

    private static (int Start, int End) Range(string text)
    {
        var dash = text.IndexOf('-');
        return dash < 0 ? (Hex(text), Hex(text)) : (Hex(text[..dash]), Hex(text[(dash + 1)..]));
    }

    private static int Hex(string text) => int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
