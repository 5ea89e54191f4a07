namespace GraphIntel.Graph.Store;

/// <summary>
/// The one collation of every string the contract orders by (names in listings and search ties, ids as tie-breaks and
/// in path order): Unicode code point order, character by character, a string that is a prefix of another first. It is
/// the byte order of UTF-8, which the embedded store's SQLite BINARY collation already gives, and it does not depend on
/// how a backend holds text. .NET's ordinal comparison and Java's <c>String.compareTo</c> (Neo4j's <c>ORDER BY</c>)
/// compare UTF-16 code units instead, which puts U+E000–U+FFFF after every character beyond the Basic Multilingual
/// Plane (those are written with surrogates, U+D800–U+DFFF): so in-process sorts use <see cref="Comparer"/>, and Neo4j
/// orders by a stored <see cref="Key"/>. Strings are taken to be well formed (no lone surrogates).
/// </summary>
public static class CodePointOrder
{
    /// <summary>Compares strings in code point order.</summary>
    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);

    /// <summary>Negative, zero or positive as <paramref name="a"/> comes before, with or after <paramref name="b"/> (null first).</summary>
    public static int Compare(string? a, string? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var i = a.AsSpan().CommonPrefixLength(b);
        if (i == a.Length || i == b.Length) return a.Length.CompareTo(b.Length);
        // At the first differing code unit the two code points differ in the same direction, once surrogates (the
        // units of supplementary characters) are lifted above U+E000–U+FFFF (ICU's u_strCmpCodePointOrder fix-up).
        return Lift(a[i]) - Lift(b[i]);
    }

    private static int Lift(char c) => c < '\uD800' ? c : c < '\uE000' ? c + 0x2000 : c - 0x800;

    /// <summary>
    /// A string whose UTF-16 code unit order (a Neo4j <c>ORDER BY</c>) is the code point order of <paramref name="text"/>:
    /// characters below U+D800 are kept; every other code point c becomes two private-use characters, U+E000 plus the
    /// high bits of (c − U+D800) and U+E000 plus its low ten bits, which sort above every kept character and among
    /// themselves as c does. Valid Unicode again, so it travels as any property value.
    /// </summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length && text[i] < '\uD800') i++;
        if (i == text.Length) return text;
        var key = new System.Text.StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            int c = text[i];
            if (c < 0xD800) { key.Append((char)c); continue; }
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                c = char.ConvertToUtf32(text[i], text[++i]);
            var v = c - 0xD800;
            key.Append((char)(0xE000 + (v >> 10))).Append((char)(0xE000 + (v & 0x3FF)));
        }
        return key.ToString();
    }
}
