using GraphIntel.Graph.Names;

namespace GraphIntel.Graph.Tests.Names;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("ISIS-K", "ISIS–K")]
    [InlineData("ISIS-K", "ISIS—K")]
    [InlineData("ISIS-K", "ISIS‐K")]
    [InlineData("ISIS-K", "ISIS − K")]
    [InlineData("ISIS-K", "isis k")]
    [InlineData("Katibat Imam al-Bukhari", "Katibat Imam Bukhari")]
    [InlineData("Katibat Imam al-Bukhari", "KATIBAT IMAM AL BUKHARI")]
    [InlineData("Khatiba Imam al-Buhari", "Khatiba Imam Al-Buhari")]
    [InlineData("Jama'at Ansarullah", "Jamaat Ansarullah")]
    [InlineData("Jama’at Ansarullah", "Jamaʼat Ansarullah")]
    [InlineData("\"Tawhid and Jihad\"", "Tawhid and Jihad")]
    [InlineData("Bukhārī", "Bukhari")]
    [InlineData("Tehrik-e  Taliban\tTajikistan", "tehrik e taliban tajikistan")]
    [InlineData("Jabhat el-Nusra", "Jabhat Nusra")]
    [InlineData("Tahrir ul-Sham", "Tahrir Sham")]
    public void Spelling_variants_share_a_key(string a, string b) =>
        Assert.Equal(NameNormalizer.Key(a), NameNormalizer.Key(b));

    [Theory]
    [InlineData("ISIS-K", "isis k")]
    [InlineData("  Katibat Imam al-Bukhari ", "katibat imam bukhari")]
    [InlineData("Al", "al")]
    [InlineData("Al-Qaeda", "qaeda")]
    [InlineData("al-Nusrah Front", "nusrah front")]
    [InlineData("Daesh–Khorasan", "daesh khorasan")]
    [InlineData("Falcon (al-Saqr)", "falcon saqr")]
    [InlineData("Halal", "halal")]
    [InlineData("", "")]
    public void Key_is_lowercase_plain_words_without_articles(string name, string key) =>
        Assert.Equal(key, NameNormalizer.Key(name));

    [Theory]
    [InlineData("ISIS–K", "isis-k")]
    [InlineData("Jama’at", "jama'at")]
    [InlineData("Bukhārī  al-Bukhari", "bukhari al-bukhari")]
    [InlineData("İstanbul", "istanbul")]
    public void Fold_keeps_the_name_but_drops_case_accents_and_variant_punctuation(string name, string folded) =>
        Assert.Equal(folded, NameNormalizer.Fold(name));

    [Theory]
    [InlineData("ISIS-K", "IS-K")]
    [InlineData("Alpha", "Beta")]
    [InlineData("Mahdi Arsalan", "Mehdi Arsalan")]
    public void Different_names_have_different_keys(string a, string b) =>
        Assert.NotEqual(NameNormalizer.Key(a), NameNormalizer.Key(b));
}
