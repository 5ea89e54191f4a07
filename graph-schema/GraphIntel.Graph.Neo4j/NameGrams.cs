using GraphIntel.Graph.Names;

namespace GraphIntel.Graph.Neo4j;

/// <summary>
/// The (:Gram) keys of name lookup's misspelling index: one per distinct trigram of a name key (padded with a space at
/// each end) and the key's length, as <c>"length:trigram"</c>. A query reads the grams of its own trigrams at every
/// length within its edit bound (<see cref="FuzzyPlan"/>), so names too short or too long to match are never counted.
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

    /// <summary>
    /// The misspelling search of a query key, one entry per key length a match can have: the query's grams at that
    /// length, how many of them a name of that length must share (<see cref="FuzzyLength.Needed"/>), and how many of
    /// the rarest of them are enough to gather every such name (<see cref="FuzzyLength.Gather"/>).
    /// <para>
    /// Why this finds every name the embedded store's <see cref="NameIndex"/> finds (and no other survives the edit
    /// distance check that follows): a name of key length <c>l</c> is within reach when its optimal-string-alignment
    /// distance <c>d</c> to the query key (length <c>L</c>, <c>n</c> distinct padded trigrams) is at most
    /// <c>a = MaxEdits(min(L, l))</c>, so <c>|L − l| ≤ a</c>. Every window of the padded query that no edit touches
    /// reappears in the padded name. A deletion or substitution touches the 3 windows over its character, an insertion
    /// the 2 across its gap, a transposition the 4 over its two characters; at least <c>|L − l|</c> of the <c>d</c>
    /// edits are insertions or deletions, so at most <c>3·|L − l| + 4·(d − |L − l|) ≤ 4a − |L − l|</c> windows break and
    /// the name still holds at least <c>m = n − 4a + |L − l|</c> of the query's distinct trigrams (a trigram is missing
    /// only when every window of it broke). A name has grams of its own length only, so at length <c>l</c> it shares
    /// those <c>m</c> among the <c>n</c> grams of this entry. Pigeonhole: it misses at most <c>n − m</c> of them, so any
    /// <c>n − m + 1</c> of them — the rarest, to read the fewest links — include one it has: gathering names from those
    /// alone is complete, and counting the shared grams of just the gathered names over all <c>n</c> then drops only
    /// names that cannot be within reach. <c>m</c> is at least 1 (as in <see cref="NameSimilarity.MinSharedTrigrams"/>,
    /// which is this bound at <c>l = L</c>): a name sharing no trigram is found by neither backend. Lengths a match
    /// cannot have (<c>|L − l| &gt; a</c>) are left out. NameGramsTests checks all this against a full scan.
    /// </para>
    /// </summary>
    public static IReadOnlyList<FuzzyLength> FuzzyPlan(string key)
    {
        var maxEdits = NameSimilarity.MaxEdits(key.Length);
        if (maxEdits == 0) return [];
        var trigrams = Trigrams(key);
        var plan = new List<FuzzyLength>();
        for (var length = Math.Max(1, key.Length - maxEdits); length <= key.Length + maxEdits; length++)
        {
            var allowed = NameSimilarity.MaxEdits(Math.Min(key.Length, length));
            var delta = Math.Abs(key.Length - length);
            if (delta > allowed) continue;
            var needed = Math.Max(1, trigrams.Length - 4 * allowed + delta);
            plan.Add(new FuzzyLength(length, trigrams.Select(t => Gram(t, length)).ToArray(), needed));
        }
        return plan;
    }

    /// <summary>One key length of a <see cref="FuzzyPlan"/>.</summary>
    public sealed record FuzzyLength(int Length, string[] Grams, int Needed)
    {
        /// <summary>How many of the rarest grams a name sharing <see cref="Needed"/> of <see cref="Grams"/> must have one of.</summary>
        public int Gather => Grams.Length - Needed + 1;

        /// <summary>The entry as a statement parameter.</summary>
        public Dictionary<string, object?> Parameter() => new()
        {
            ["length"] = Length, ["grams"] = Grams, ["trigrams"] = Grams.Select(g => g[(g.IndexOf(':') + 1)..]).ToArray(),
            ["needed"] = Needed, ["gather"] = Gather,
        };
    }

    private static string Gram(string trigram, int keyLength) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{keyLength}:{trigram}");
}
