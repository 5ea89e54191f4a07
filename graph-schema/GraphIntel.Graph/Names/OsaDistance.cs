namespace GraphIntel.Graph.Names;

/// <summary>
/// The optimal-string-alignment distance from one fixed pattern to many texts, bit-parallel (Hyyrö 2003): one pass of
/// a few word operations per text character, for patterns of up to 64 characters; longer ones fall back to
/// <see cref="NameSimilarity.Distance"/>. Gives the same distances as that dynamic programme.
/// </summary>
public sealed class OsaDistance
{
    private readonly string _pattern;
    private readonly ulong[] _asciiMatches = new ulong[128];
    private readonly Dictionary<char, ulong> _otherMatches = [];
    private readonly ulong _lastBit;

    public OsaDistance(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        _pattern = pattern;
        if (pattern.Length is 0 or > 64) return;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c < 128) _asciiMatches[c] |= 1UL << i;
            else _otherMatches[c] = _otherMatches.GetValueOrDefault(c) | 1UL << i;
        }
        _lastBit = 1UL << (pattern.Length - 1);
    }

    /// <summary>The distance from the pattern to <paramref name="text"/>, or null when it exceeds <paramref name="max"/>.</summary>
    public int? Distance(string text, int max)
    {
        if (Math.Abs(_pattern.Length - text.Length) > max) return null;
        if (_pattern.Length is 0 or > 64 || text.Length == 0) return NameSimilarity.Distance(_pattern, text, max);

        ulong vp = ~0UL, vn = 0, d0 = 0, previousMatches = 0;
        var distance = _pattern.Length;
        foreach (var c in text)
        {
            var matches = c < 128 ? _asciiMatches[c] : _otherMatches.GetValueOrDefault(c);
            var transposition = ((~d0 & matches) << 1) & previousMatches;
            d0 = (((matches & vp) + vp) ^ vp) | matches | vn | transposition;
            var hp = vn | ~(d0 | vp);
            var hn = d0 & vp;
            if ((hp & _lastBit) != 0) distance++;
            else if ((hn & _lastBit) != 0) distance--;
            hp = (hp << 1) | 1;
            hn <<= 1;
            vp = hn | ~(d0 | hp);
            vn = hp & d0;
            previousMatches = matches;
        }
        return distance <= max ? distance : null;
    }
}
