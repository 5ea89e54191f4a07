namespace GraphIntel.Graph.Names;

/// <summary>
/// Base letters of accented Latin letters, as a table: the runtime runs in invariant-globalization mode, where
/// string.Normalize does not decompose, so <see cref="NameNormalizer"/> cannot rely on NFD alone. Covers Latin-1,
/// Latin Extended-A/B and Latin Extended Additional (the dotted and macroned letters of Arabic and Persian
/// transliteration: ḥ, ṣ, ṭ, ẓ, ā, ī, ū). Generated from the Unicode decompositions; letters without one are kept.
/// </summary>
internal static class LatinFolding
{
    private const char Latin1Start = '\u00C0';
    private const char ExtendedAdditionalStart = '\u1E00';

    private static readonly string Latin1AndExtended =
        "aaaaaaaceeeeiiiidnooooo×ouuuuyþßaaaaaaaceeeeiiiidnooooo÷ouuuuyþy" +
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll" +
        "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs" +
        "bbƃƃƅƅɔccɖdƌƌƍǝəɛffgɣƕɩikklƛɯnnoooƣƣppʀƨƨʃƪttttuuʊvyyzzʒƹƹƺƻƽƽƾƿ" +
        "ǀǁǂǃǆǆǆǉǉǉǌǌǌaaiioouuuuuuuuuuǝaaaaǣǣǥǥggkkooooǯǯjǳǳǳggƕƿnnaaǽǽǿǿ" +
        "aaaaeeeeiiiioooorrrruuuussttȝȝhhƞdȣȣzzaaeeooooooooyylntjȸȹacclts" +
        "zɂɂbuʌeejjɋɋrryy";

    private static readonly string ExtendedAdditional =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm" +
        "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv" +
        "wwwwwwwwwwxxxxyyzzzzzzhtwyẚẛẜẝsẟaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" +
        "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyyỻỻỽỽỿỿ";

    /// <summary>The lowercase base letter of <paramref name="c"/>, or <paramref name="c"/> when it has none.</summary>
    public static char Fold(char c)
    {
        var latin = c - Latin1Start;
        if ((uint)latin < (uint)Latin1AndExtended.Length) return Latin1AndExtended[latin];
        var additional = c - ExtendedAdditionalStart;
        if ((uint)additional < (uint)ExtendedAdditional.Length) return ExtendedAdditional[additional];
        return c;
    }
}
