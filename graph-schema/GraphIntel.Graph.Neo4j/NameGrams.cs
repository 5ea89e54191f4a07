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

    /// <summary>
    /// The word a gram is in the full-text index of names (Neo4j ≥ 4.4, <c>Statements.NameFuzzyCandidates</c>): the gram
    /// with its length separator and its spaces as '_'. A key holds letters, digits and single spaces only
    /// (<see cref="NameNormalizer.Key"/>), so no other character of a gram is '_' and the length ends at the first '_':
    /// distinct grams stay distinct words, none with white space (the index splits on it) or a character Lucene's query
    /// syntax gives a meaning to.
    /// </summary>
    public static string Token(string gram) => gram.Replace(':', '_').Replace(' ', '_');

    /// <summary>A name's grams as the full-text index reads them: its <see cref="Token"/>s separated by spaces.</summary>
    public static string Tokens(string key) => string.Join(' ', OfName(key).Select(Token));

    /// <summary>Tokens per full-text query: Lucene refuses a query of more than 1,024 clauses.</summary>
    public const int ClausesPerQuery = 512;

    /// <summary>
    /// The full-text queries that gather a plan's candidates: per length, its first <see cref="FuzzyLength.Gather"/>
    /// grams, OR-ed, in queries of at most <see cref="ClausesPerQuery"/> tokens. Any <c>Gather</c> of a length's grams
    /// will do (the pigeonhole argument at <see cref="FuzzyPlan"/> does not depend on which): the gram path takes the
    /// rarest only to read fewer links, which Lucene's posting lists make cheap anyway.
    /// </summary>
    public static string[] FulltextQueries(IReadOnlyList<FuzzyLength> plan) => plan
        .SelectMany(l => l.Grams.Take(l.Gather)).Select(Token).Distinct(StringComparer.Ordinal)
        .Chunk(ClausesPerQuery).Select(tokens => string.Join(" OR ", tokens)).ToArray();

    private static string Gram(string trigram, int keyLength) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{keyLength}:{trigram}");
}
