using GraphIntel.Graph.Names;

namespace GraphIntel.Graph.Tests.Names;

/// <summary>
/// One script per word: a word mixing Latin, Greek and Cyrillic letters is refused, while a name may hold words in
/// several scripts, and characters of no script (digits, dashes, apostrophes, combining accents) join any word.
/// Scripts from Unicode's Scripts.txt (0406 and 0430 Cyrillic, 03BF Greek, 004B/0042/006F Latin).
/// </summary>
public sealed class NameCharactersTests
{
    [Theory]
    [InlineData("K\u0406B", "Latin", "Cyrillic", "K\u0406B", 2)]
    [InlineData("Islamic State Kh\u043Erasan", "Latin", "Cyrillic", "Kh\u043Erasan", 17)]
    [InlineData("\u0414\u0436\u0430\u043C\u0430\u0430\u0442 Ansarullah Ans\u0430rullah", "Latin", "Cyrillic", "Ans\u0430rullah", 23)]
    [InlineData("Ans\u03BFrullah", "Latin", "Greek", "Ans\u03BFrullah", 4)]
    public void A_word_mixing_look_alike_scripts_is_refused_naming_the_word_and_the_character(string name, string first, string second, string word, int position)
    {
        var problem = NameCharacters.Check("the alias", name);

        Assert.NotNull(problem);
        Assert.StartsWith($"the alias mixes {first} and {second} letters in the word \"{word}\": U+", problem);
        Assert.Contains($" at character {position} of ", problem);
    }

    [Theory]
    [InlineData("Jamaat Ansarullah (\u0414\u0436\u0430\u043C\u0430\u0430\u0442 \u0410\u043D\u0441\u0430\u0440\u0443\u043B\u043B\u0430\u0445)")]
    [InlineData("Daesh\u2013Khorasan")]
    [InlineData("Abdul Rauf Aliza")]
    [InlineData("Shari\u0304f")]
    [InlineData("Tehrik-e Taliban Tajikistan 2")]
    [InlineData("\u041A\u0406\u0412")]
    public void Words_each_in_one_script_pass(string name) => Assert.Null(NameCharacters.Check("the name", name));
}
