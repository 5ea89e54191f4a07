namespace GraphIntel.Graph.Model;

/// <summary>
/// What makes a quote evidence: a passage long enough to state something. A quote needs at least
/// <see cref="MinWords"/> words and <see cref="MinCharacters"/> characters (white-space runs counted as one space,
/// the ends trimmed), and must occur verbatim in its source (<see cref="QuoteMatcher"/>). Four words is the shortest
/// statement of a relation — a subject, a verb or preposition, an object and a particle or modifier ("KIB split from
/// the IMU", "Hasib's successor, Abu Sayed"); twenty characters keeps out strings of tiny tokens ("a b c d") that
/// occur in almost any document by chance. Both the API's change-set validation and <c>seed validate</c> apply it.
/// </summary>
public static class QuoteRules
{
    /// <summary>The fewest words a quote may have: tokens between white space that hold a letter or a digit.</summary>
    public const int MinWords = 4;

    /// <summary>The fewest characters a quote may have, after white-space runs are collapsed and the ends trimmed.</summary>
    public const int MinCharacters = 20;

    /// <summary>Which length rule <paramref name="quote"/> fails, as a sentence; null when it is long enough.</summary>
    public static string? CheckLength(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var normalized = QuoteMatcher.NormalizeWhitespace(quote);
        var words = CountWords(normalized);
        var characters = new System.Globalization.StringInfo(normalized).LengthInTextElements;
        var failed = (words < MinWords, characters < MinCharacters) switch
        {
            (true, true) => $"it has {Plural(words, "word")} and {Plural(characters, "character")}",
            (true, false) => $"it has {Plural(words, "word")}",
            (false, true) => $"it has {Plural(characters, "character")}",
            _ => null,
        };
        return failed is null ? null
            : $"the quote is too short to prove anything: {failed}; a quote needs at least {MinWords} words and {MinCharacters} characters";
    }

    /// <summary>Tokens between white space that contain at least one letter or digit.</summary>
    public static int CountWords(string text)
    {
        var words = 0;
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            if (token.Any(char.IsLetterOrDigit)) words++;
        return words;
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
