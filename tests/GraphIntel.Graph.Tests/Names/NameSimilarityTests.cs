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
