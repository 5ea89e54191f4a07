using GraphIntel.Graph.Names;

namespace GraphIntel.Graph.Neo4j.Tests;

/// <summary>
/// The rarest-grams-first misspelling search (<see cref="NameGrams.FuzzyPlan"/>) against a brute-force full scan, with
/// no server: on generated names and misspellings of them, the names the search keeps — gathered from the
/// <c>Gather</c> first grams of each length in a given order, counted against all its grams, cut at <c>Needed</c>,
/// then checked for edit distance — are exactly the names within the edit bound that share a trigram with the query
/// (what the embedded store's <see cref="NameIndex"/> can find), whatever order of the grams the degrees give.
/// </summary>
public sealed class NameGramsTests
{
    private const string Letters = "aaeeiioonnrrsstkbl";

    [Fact]
    public void Gathering_from_the_rarest_grams_only_finds_every_name_a_full_scan_finds()
    {
        var random = new Random(13);
        var keys = GenerateKeys(random, 2_500);
        var grams = keys.ToDictionary(k => k, k => NameGrams.OfName(k).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var degree = grams.Values.SelectMany(g => g).GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var queries = Enumerable.Range(0, 400).Select(_ => Misspell(keys[random.Next(keys.Length)], random, random.Next(0, 4)))
            .Select(NameNormalizer.Key).Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

        var found = 0;
        var gatheredFewer = 0;
        foreach (var query in queries)
        {
            var expected = FullScan(query, keys, grams);
            found += expected.Count;
            // The degrees' own order (what the statement sorts by), then any order at all: completeness must not depend on it.
            var byDegree = Search(query, grams, (l, g) => g.OrderBy(x => degree.GetValueOrDefault(x)).ThenBy(x => x, StringComparer.Ordinal).ToArray(), out var gathered);
            var shuffled = Search(query, grams, (l, g) => g.OrderBy(_ => random.Next()).ToArray(), out _);
            Assert.True(expected.SetEquals(byDegree), $"'{query}': full scan [{string.Join(", ", expected.Order())}], rarest first [{string.Join(", ", byDegree.Order())}]");
            Assert.True(expected.SetEquals(shuffled), $"'{query}': full scan [{string.Join(", ", expected.Order())}], shuffled [{string.Join(", ", shuffled.Order())}]");
            var allGrams = NameGrams.FuzzyPlan(query).SelectMany(l => l.Grams).ToHashSet(StringComparer.Ordinal);
            if (gathered < keys.Count(k => grams[k].Overlaps(allGrams))) gatheredFewer++;
        }
        // The oracle must have had something to find, and the search must have saved work on some queries.
        Assert.True(found > queries.Length, $"only {found} matches over {queries.Length} queries");
        Assert.True(gatheredFewer > queries.Length / 4, $"rarest-first gathered fewer names than all grams would on only {gatheredFewer} of {queries.Length} queries");
    }

    [Fact]
    public void The_full_text_queries_gather_every_name_a_full_scan_finds()
    {
        // What the full-text path of 4.4+ does, in memory: a name is gathered when one of its indexed words (Tokens,
        // split on white space as the whitespace analyzer does) is a word of one of the OR queries; then the same count,
        // cut and edit check as the gram path. The answer must be the brute force's, as on the gram path.
        var random = new Random(21);
        var keys = GenerateKeys(random, 2_500);
        var grams = keys.ToDictionary(k => k, k => NameGrams.OfName(k).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var words = keys.ToDictionary(k => k, k => NameGrams.Tokens(k).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var queries = Enumerable.Range(0, 300).Select(_ => Misspell(keys[random.Next(keys.Length)], random, random.Next(0, 4)))
            .Select(NameNormalizer.Key).Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var found = 0;
        foreach (var query in queries)
        {
            var expected = FullScan(query, keys, grams);
            found += expected.Count;
            var asked = NameGrams.FulltextQueries(NameGrams.FuzzyPlan(query))
                .SelectMany(q => q.Split(" OR ")).ToHashSet(StringComparer.Ordinal);
            var kept = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in keys.Where(k => words[k].Overlaps(asked)))
            {
                if (NameGrams.FuzzyPlan(query).SingleOrDefault(l => l.Length == key.Length) is not { } length) continue;
                if (length.Grams.Count(grams[key].Contains) < length.Needed) continue;
                if (NameSimilarity.Distance(query, key, NameSimilarity.MaxEdits(Math.Min(query.Length, key.Length))) is not null) kept.Add(key);
            }
            Assert.True(expected.SetEquals(kept), $"'{query}': full scan [{string.Join(", ", expected.Order())}], full-text [{string.Join(", ", kept.Order())}]");
        }
        Assert.True(found > queries.Length, $"only {found} matches over {queries.Length} queries");
    }

    [Fact]
    public void Full_text_words_are_distinct_per_gram_one_term_each_and_queries_stay_under_Lucenes_clause_limit()
    {
        // Grams of keys with digits and spaces where the length separator could be confused: all words distinct.
        var keys = new[] { "1 23", "12 3", "a1 2b", "a12b", "ab", "a b", "ab c d", "ə ж 9" };
        var grams = keys.SelectMany(NameGrams.OfName).Distinct(StringComparer.Ordinal).ToArray();
        var tokens = grams.Select(NameGrams.Token).ToArray();
        Assert.Equal(grams.Length, tokens.Distinct(StringComparer.Ordinal).Count());
        // Lucene's query syntax gives meaning to these; white space would split a word in two.
        const string special = "+-&|!(){}[]^\"~*?:/ \t";
        Assert.All(tokens, t => Assert.True(t.IndexOfAny(special.ToCharArray()) < 0, t));
        Assert.Equal(string.Join(' ', NameGrams.OfName("a b").Select(NameGrams.Token)), NameGrams.Tokens("a b"));

        // Queries hold each length's first Gather words, once, none more than ClausesPerQuery (Lucene's limit is 1,024).
        foreach (var key in new[] { "mehdi arsalan", string.Join(' ', Enumerable.Range(0, 300).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) })
        {
            var plan = NameGrams.FuzzyPlan(key);
            var queries = NameGrams.FulltextQueries(plan);
            Assert.All(queries, q => Assert.InRange(q.Split(" OR ").Length, 1, NameGrams.ClausesPerQuery));
            var words = queries.SelectMany(q => q.Split(" OR ")).ToList();
            Assert.Equal(words.Count, words.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(plan.SelectMany(l => l.Grams.Take(l.Gather)).Select(NameGrams.Token).ToHashSet(StringComparer.Ordinal), words.ToHashSet(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Lengths_a_match_cannot_have_are_left_out_and_the_bound_tightens_with_the_length_difference()
    {
        // "abcdefghijkl": 12 characters, 3 edits; a name of 9 characters is 3 away in length but allows only 2 edits.
        var plan = NameGrams.FuzzyPlan("abcdefghijkl");
        Assert.Equal([10, 11, 12, 13, 14, 15], plan.Select(l => l.Length));
        var at12 = plan.Single(l => l.Length == 12);
        Assert.Equal(NameSimilarity.MinSharedTrigrams(12, 3), at12.Needed);
        Assert.Equal(12, at12.Grams.Length);
        Assert.All(at12.Grams, g => Assert.StartsWith("12:", g, StringComparison.Ordinal));
        Assert.Equal(3, plan.Single(l => l.Length == 15).Needed); // 12 − 4·3 + 3
        Assert.Empty(NameGrams.FuzzyPlan("abc"));
    }

    /// <summary>The embedded store's answer set, by brute force: every key within its edit bound sharing a trigram.</summary>
    private static HashSet<string> FullScan(string query, string[] keys, Dictionary<string, HashSet<string>> grams)
    {
        var queryTrigrams = NameGrams.Trigrams(query);
        return keys.Where(k =>
                NameSimilarity.MaxEdits(query.Length) > 0
                && NameSimilarity.Distance(query, k, NameSimilarity.MaxEdits(Math.Min(query.Length, k.Length))) is not null
                && NameGrams.Trigrams(k).Intersect(queryTrigrams, StringComparer.Ordinal).Any())
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What the statement and the edit check after it do, in memory: gather, count, cut, check.</summary>
    private static HashSet<string> Search(string query, Dictionary<string, HashSet<string>> grams, Func<int, string[], string[]> order, out int gathered)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        gathered = 0;
        foreach (var length in NameGrams.FuzzyPlan(query))
        {
            var picked = order(length.Length, length.Grams).Take(length.Gather).ToArray();
            foreach (var (key, own) in grams)
            {
                if (!picked.Any(own.Contains)) continue;
                gathered++;
                if (length.Grams.Count(own.Contains) < length.Needed) continue;
                if (NameSimilarity.Distance(query, key, NameSimilarity.MaxEdits(Math.Min(query.Length, key.Length))) is not null) kept.Add(key);
            }
        }
        return kept;
    }

    /// <summary>Keys over a small alphabet (so many share trigrams), half of them near-copies of others.</summary>
    private static string[] GenerateKeys(Random random, int count)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (keys.Count < count)
        {
            var key = keys.Count > 0 && random.Next(2) == 0
                ? Misspell(keys.ElementAt(random.Next(keys.Count)), random, random.Next(1, 4))
                : RandomName(random);
            key = NameNormalizer.Key(key);
            if (key.Length > 0) keys.Add(key);
        }
        return [.. keys];
    }

    private static string RandomName(Random random)
    {
        var words = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => new string(Enumerable.Range(0, random.Next(2, 8)).Select(_ => Letters[random.Next(Letters.Length)]).ToArray()));
        return string.Join(' ', words);
    }

    /// <summary>The key with this many random edits: substitution, insertion, deletion or adjacent transposition.</summary>
    private static string Misspell(string key, Random random, int edits)
    {
        var chars = key.ToList();
        for (var e = 0; e < edits && chars.Count > 1; e++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0: chars[at] = Letters[random.Next(Letters.Length)]; break;
                case 1: chars.Insert(at, Letters[random.Next(Letters.Length)]); break;
                case 2: chars.RemoveAt(at); break;
                default:
                    if (at + 1 < chars.Count) (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
            }
        }
        return new string([.. chars]);
    }
}
