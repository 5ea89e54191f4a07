namespace GraphIntel.Graph.Names;

/// <summary>
/// Scores small misspellings between two <see cref="NameNormalizer.Key"/>s: the optimal-string-alignment
/// (restricted Damerau-Levenshtein) distance, allowed to grow with the length of the name.
/// </summary>
public static class NameSimilarity
{
    /// <summary>Score of an exact, case-insensitive match of a name as written.</summary>
    public const double ExactScore = 1.0;

    /// <summary>Score of a match of normalized keys ("ISIS–K" for "ISIS-K", "Bukhari" for "al-Bukhari").</summary>
    public const double KeyScore = 0.95;

    /// <summary>The best score a fuzzy match can reach; every fuzzy match ranks below every key match.</summary>
    public const double MaxFuzzyScore = 0.9;

    /// <summary>How many edits a key of this length tolerates: none below 4 characters, up to 3 from 12.</summary>
    public static int MaxEdits(int keyLength) => keyLength switch
    {
        < 4 => 0,
        < 7 => 1,
        < 12 => 2,
        _ => 3,
    };

    /// <summary>
    /// How many of a key's distinct trigrams (padded with a space at each end) any key within <paramref name="maxEdits"/>
    /// edits still shares: an insertion, deletion or substitution breaks at most three trigram windows, a transposition
    /// of adjacent characters four. At least 1, so candidates always share something.
    /// </summary>
    public static int MinSharedTrigrams(int distinctTrigrams, int maxEdits) => Math.Max(1, distinctTrigrams - 4 * maxEdits);

    /// <summary>The fuzzy score of two keys (0 when they are further apart than <see cref="MaxEdits"/> allows).</summary>
    public static double FuzzyScore(string queryKey, string candidateKey)
    {
        var maxEdits = MaxEdits(Math.Min(queryKey.Length, candidateKey.Length));
        var distance = Distance(queryKey, candidateKey, maxEdits);
        return distance is { } d ? Score(d, Math.Max(queryKey.Length, candidateKey.Length)) : 0;
    }

    /// <summary>The score of a match at <paramref name="distance"/> edits between keys of up to <paramref name="length"/> characters.</summary>
    public static double Score(int distance, int length) =>
        length == 0 ? 0 : MaxFuzzyScore * (1.0 - (double)distance / length);

    /// <summary>
    /// The optimal-string-alignment distance between <paramref name="a"/> and <paramref name="b"/> (insertions,
    /// deletions, substitutions and transpositions of adjacent characters), or null when it exceeds
    /// <paramref name="max"/>. Stops as soon as every cell of a row exceeds the bound.
    /// </summary>
    public static int? Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return null;
        if (a.Length == 0 || b.Length == 0) return Math.Max(a.Length, b.Length) <= max ? Math.Max(a.Length, b.Length) : null;

        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 1024 ? stackalloc int[width * 3] : new int[width * 3];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++) previous[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max) return null;
            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        var distance = previous[b.Length];
        return distance <= max ? distance : null;
    }
}
