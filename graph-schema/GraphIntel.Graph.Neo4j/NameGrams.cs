namespace GraphIntel.Graph.Neo4j;

/// <summary>
/// The (:Gram) keys of name lookup's misspelling index: one per distinct trigram of a name key (padded with a space at
/// each end) and the key's length, as <c>"length:trigram"</c>. A query reads the grams of its own trigrams at every
/// length within its edit bound, so names too short or too long to match are never counted.
/// </summary>
internal static class NameGrams
{
    /// <summary>The distinct trigrams of a key, padded with a space at each end.</summary>
    public static string[] Trigrams(string key)
    {
        var padded = " " + key + " ";
        return Enumerable.Range(0, padded.Length - 2).Select(i => padded.Substring(i, 3)).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The grams a name with this key is linked to.</summary>
    public static string[] OfName(string key) => Trigrams(key).Select(t => Gram(t, key.Length)).ToArray();

    /// <summary>The grams of a query key's trigrams at every key length within <paramref name="maxEdits"/> of its own.</summary>
    public static string[] OfQuery(string key, int maxEdits) =>
        Trigrams(key)
            .SelectMany(t => Enumerable.Range(Math.Max(1, key.Length - maxEdits), key.Length + maxEdits - Math.Max(1, key.Length - maxEdits) + 1)
                .Select(length => Gram(t, length)))
            .ToArray();

    private static string Gram(string trigram, int keyLength) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{keyLength}:{trigram}");
}
