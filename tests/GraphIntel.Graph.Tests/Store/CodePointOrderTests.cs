using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Tests.Store;

/// <summary>
/// CodePointOrder against a brute force (each string as its array of code points, compared element by element): the
/// comparer, and Neo4j's stored key compared as Neo4j compares strings (UTF-16 code units, CompareOrdinal).
/// </summary>
public sealed class CodePointOrderTests
{
    /// <summary>Characters on both sides of every boundary that matters: ASCII, below and above the surrogates, U+FFFF, astral planes.</summary>
    private static readonly string[] Alphabet =
        ["a", "z", "\u00E9", "\u03C9", "\uD7FF", "\uE000", "\uE3FF", "\uE409", "\uFF5A", "\uFFE1", "\uFFFD", "\uFFFF",
         "\U00010000", "\U0001D538", "\U0001F600", "\U0010FFFF", "\u0001"];

    [Fact]
    public void Compare_and_the_Neo4j_key_agree_with_code_point_order_on_random_strings()
    {
        var random = new Random(6);
        string Next() => string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => Alphabet[random.Next(Alphabet.Length)]));
        for (var i = 0; i < 20_000; i++)
        {
            var (a, b) = (Next(), Next());
            var expected = Math.Sign(BruteForce(a, b));
            Assert.True(expected == Math.Sign(CodePointOrder.Compare(a, b)), $"Compare({Show(a)}, {Show(b)})");
            Assert.True(expected == Math.Sign(string.CompareOrdinal(CodePointOrder.Key(a), CodePointOrder.Key(b))), $"Key({Show(a)}) vs Key({Show(b)})");
        }
    }

    [Fact]
    public void UTF_16_order_differs_where_the_collation_matters_and_the_key_is_valid_Unicode()
    {
        // U+FF5A (one code unit) against U+1D538 (surrogates D835 DD38): UTF-16 puts the astral one first.
        Assert.True(string.CompareOrdinal("\uFF5A", "\U0001D538") > 0);
        Assert.True(CodePointOrder.Compare("\uFF5A", "\U0001D538") < 0);
        Assert.True(string.CompareOrdinal(CodePointOrder.Key("\uFF5A"), CodePointOrder.Key("\U0001D538")) < 0);
        Assert.Equal("plain text", CodePointOrder.Key("plain text"));
        foreach (var s in Alphabet)
            Assert.False(CodePointOrder.Key(s).Any(char.IsSurrogate), Show(s));
    }

    private static int BruteForce(string a, string b)
    {
        var (x, y) = (a.EnumerateRunes().Select(r => r.Value).ToArray(), b.EnumerateRunes().Select(r => r.Value).ToArray());
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
        return x.Length.CompareTo(y.Length);
    }

    private static string Show(string s) => string.Join(" ", s.EnumerateRunes().Select(r => $"U+{r.Value:X4}"));
}
