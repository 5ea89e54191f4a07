using GraphIntel.Graph.Names;

namespace GraphIntel.Graph.Tests.Names;

public sealed class NameSimilarityTests
{
    [Theory]
    [InlineData("mahdi arsalan", "mehdi arsalan", 1)]
    [InlineData("muhammad sharifov", "mohammad sharipov", 2)]
    [InlineData("ansarullah", "ansarulah", 1)]
    [InlineData("bukhari", "bukhrai", 1)] // transposition
    [InlineData("abc", "abc", 0)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSimilarity.Distance(a, b, 5));
        Assert.Equal(expected, NameSimilarity.Distance(b, a, 5));
    }

    [Theory]
    [InlineData("mahdi arsalan", "mehdi arsalan", 0)]
    [InlineData("taliban", "haqqani", 3)]
    [InlineData("abcdef", "abcdefghij", 3)]
    public void Distance_is_null_beyond_the_bound(string a, string b, int max) =>
        Assert.Null(NameSimilarity.Distance(a, b, max));

    [Fact]
    public void Short_names_tolerate_no_edits_and_long_ones_a_few()
    {
        Assert.Equal(0, NameSimilarity.MaxEdits("isk".Length));
        Assert.Equal(1, NameSimilarity.MaxEdits("ttp k".Length));
        Assert.Equal(2, NameSimilarity.MaxEdits("ansarullah".Length));
        Assert.Equal(3, NameSimilarity.MaxEdits("muhammad sharifov".Length));
        Assert.Equal(0, NameSimilarity.FuzzyScore("isk", "isi"));
    }

    [Fact]
    public void Closer_spellings_score_higher_and_every_fuzzy_score_ranks_below_a_key_match()
    {
        var one = NameSimilarity.FuzzyScore("muhammad sharifov", "mohammad sharifov");
        var two = NameSimilarity.FuzzyScore("muhammad sharifov", "mohammad sharipov");
        Assert.True(one > two, $"{one} vs {two}");
        Assert.True(one < NameSimilarity.KeyScore);
        Assert.True(NameSimilarity.KeyScore < NameSimilarity.ExactScore);
        Assert.Equal(0, NameSimilarity.FuzzyScore("taliban", "haqqani"));
    }
}

public sealed class OsaDistanceTests
{
    [Fact]
    public void Bit_parallel_distance_agrees_with_the_dynamic_programme()
    {
        var random = new Random(17);
        const string alphabet = "abcdeé k";
        string Draw(int max) => new(Enumerable.Range(0, random.Next(max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        for (var i = 0; i < 5000; i++)
        {
            var pattern = Draw(12);
            var text = Draw(12);
            var max = random.Next(0, 6);
            Assert.Equal(NameSimilarity.Distance(pattern, text, max), new OsaDistance(pattern).Distance(text, max));
        }
    }

    [Theory]
    [InlineData("mahdi arsalan", "mehdi arsalan", 1)]
    [InlineData("bukhari", "bukhrai", 1)]
    [InlineData("ca", "abc", 3)]
    public void Known_distances(string pattern, string text, int expected) =>
        Assert.Equal(expected, new OsaDistance(pattern).Distance(text, 10));

    [Fact]
    public void Patterns_longer_than_a_word_fall_back_to_the_dynamic_programme()
    {
        var pattern = new string('a', 70) + "b";
        Assert.Equal(1, new OsaDistance(pattern).Distance(new string('a', 70) + "c", 3));
    }
}
