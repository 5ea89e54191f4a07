namespace GraphIntel.Graph.Names;

/// <summary>
/// Confusable skeletons (Unicode Technical Standard #39, section 4): two strings are confusable when their skeletons
/// are equal. skeleton(X) = NFD(X), every character replaced by its prototype from confusables.txt, NFD again —
/// so Latin "KIB", Cyrillic "КІВ" and Greek "ΚΙΒ" share the skeleton "KlB". Default-ignorable characters
/// (zero-width spaces, bidi controls) are dropped first, as they render as nothing.
/// </summary>
public static class ConfusableSkeleton
{
    /// <summary>The UTS #39 skeleton of <paramref name="text"/> (case-sensitive, as the standard defines it).</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mapped = new List<int>(text.Length);
        foreach (var cp in UnicodeNormalization.Decompose(text))
        {
            if (UnicodeTables.IsDefaultIgnorable(cp)) continue;
            if (UnicodeTables.Prototype(cp) is { } prototype) mapped.AddRange(prototype);
            else mapped.Add(cp);
        }
        return UnicodeNormalization.ToNfd(UnicodeNormalization.Encode(mapped));
    }

    /// <summary>
    /// The key two names of one kind may not share: the skeleton of the name's <see cref="NameNormalizer.Fold"/>
    /// in capitals, so names that differ only in case, diacritics, dash or quote variants, or look-alike letters of
    /// another script ("KIB", "kib", "КІВ", "K&#x200B;I&#x200B;B") all clash. Capitals first because the
    /// standard's skeleton is case-sensitive and the upper-case forms of most scripts' look-alikes are the ones
    /// confusables.txt equates (Cyrillic "К" is Latin "K"; lower-case "к" is not "k").
    /// </summary>
    public static string ClashKey(string name) => Of(NameNormalizer.Fold(name).ToUpperInvariant());
}
