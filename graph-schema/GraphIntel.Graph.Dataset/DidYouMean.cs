namespace GraphIntel.Graph.Dataset;

/// <summary>Suggests the closest known spelling for a misspelled id, key or enum value.</summary>
internal static class DidYouMean
{
    /// <summary>The candidate nearest to <paramref name="text"/> (edit distance, ignoring case), if it is near enough to be a typo.</summary>
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(text.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best is not null && bestDistance <= Math.Max(2, text.Length / 3) ? best : null;
    }

    /// <summary>"; did you mean 'x'?" or nothing.</summary>
    public static string Suffix(string text, IEnumerable<string> candidates) =>
        Closest(text, candidates) is { } suggestion ? $"; did you mean '{suggestion}'?" : "";

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
