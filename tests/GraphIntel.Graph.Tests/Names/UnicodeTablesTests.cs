using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphIntel.Graph.Names;

namespace GraphIntel.Graph.Tests.Names;

/// <summary>Runs only where the Unicode data files are installed (<see cref="UnicodeTablesGenerator.MissingInputs"/>); skipped, saying what is missing, elsewhere.</summary>
public sealed class UnicodeDataFactAttribute : FactAttribute
{
    public UnicodeDataFactAttribute()
    {
        if (UnicodeTablesGenerator.MissingInputs(RepoPaths.Root) is { } missing)
            Skip = $"Unicode data not installed ({missing}): apt-get install unicode-data; (cd tests/unicode && npm ci)";
    }
}

/// <summary>
/// The generated tables against their sources: the checked-in file is exactly what the generator makes from the
/// installed Unicode data (set GRAPHINTEL_REGENERATE_UNICODE=1 to rewrite it); NFC and NFD agree with Unicode's
/// own NormalizationTest.txt; every confusables.txt source has its prototype as skeleton; every
/// default-ignorable code point is refused in a name.
/// </summary>
public sealed class UnicodeTablesTests
{
    [UnicodeDataFact]
    public void The_checked_in_tables_are_what_the_generator_makes_from_the_unicode_data()
    {
        var generated = UnicodeTablesGenerator.Generate(RepoPaths.Root);
        var path = UnicodeTablesGenerator.GeneratedFile(RepoPaths.Root);
        if (Environment.GetEnvironmentVariable("GRAPHINTEL_REGENERATE_UNICODE") == "1") File.WriteAllText(path, generated);
        Assert.True(generated == File.ReadAllText(path),
            $"{path} is out of date with the Unicode data: run GRAPHINTEL_REGENERATE_UNICODE=1 dotnet test tests/GraphIntel.Graph.Tests --filter UnicodeTablesTests");
    }

    [UnicodeDataFact]
    public void NFC_and_NFD_agree_with_every_line_of_NormalizationTest_txt()
    {
        var lines = NormalizationTestLines();
        Assert.True(lines.Count > 15_000, $"NormalizationTest.txt has only {lines.Count} test lines");
        var failures = new List<string>();
        foreach (var (source, nfc, nfd) in lines)
        {
            foreach (var input in new[] { source, nfc, nfd })
            {
                if (UnicodeNormalization.ToNfc(input) != nfc) failures.Add($"NFC({Hex(input)}) = {Hex(UnicodeNormalization.ToNfc(input))}, expected {Hex(nfc)}");
                if (UnicodeNormalization.ToNfd(input) != nfd) failures.Add($"NFD({Hex(input)}) = {Hex(UnicodeNormalization.ToNfd(input))}, expected {Hex(nfd)}");
            }
            if (failures.Count > 20) break;
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// UTS #39: skeleton(X) = NFD(map(NFD(X))). For a confusables.txt source that NFD leaves alone that is
    /// NFD(its prototype) — checked for every such entry of the package's file. (A precomposed source such as U+0227
    /// is decomposed before mapping, as the standard says, so its own line does not apply to it.)
    /// </summary>
    [UnicodeDataFact]
    public void Every_confusables_source_has_the_decomposed_prototype_as_its_skeleton()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(UnicodeTablesGenerator.ConfusablesJson(RepoPaths.Root)));
        var entries = json.RootElement.EnumerateObject()
            .Where(p => UnicodeNormalization.ToNfd(p.Name) == p.Name && NameCharacters.Check("x", p.Name) is null)
            .ToList();
        Assert.True(entries.Count > 5000, $"confusables has only {entries.Count} such entries");
        var failures = entries
            .Where(p => ConfusableSkeleton.Of(p.Name) != UnicodeNormalization.ToNfd(p.Value.GetString()!))
            .Select(p => $"{Hex(p.Name)} -> {Hex(p.Value.GetString()!)}: skeleton {Hex(ConfusableSkeleton.Of(p.Name))}")
            .Take(20).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [UnicodeDataFact]
    public void Every_default_ignorable_code_point_is_refused_in_a_name()
    {
        var ignorables = File.ReadAllLines(Path.Combine(UnicodeTablesGenerator.UnicodeDirectory, "DerivedCoreProperties.txt"))
            .Select(l => l.Split('#')[0].Split(';'))
            .Where(f => f.Length == 2 && f[1].Trim() == "Default_Ignorable_Code_Point")
            .SelectMany(f => Expand(f[0].Trim()))
            .Where(cp => cp is < 0xD800 or > 0xDFFF)
            .ToList();
        Assert.Contains(0x200B, ignorables);
        Assert.Contains(0x202E, ignorables);
        var accepted = ignorables.Where(cp => NameCharacters.Check("the name", "K" + char.ConvertFromUtf32(cp) + "IB") is null).ToList();
        Assert.True(accepted.Count == 0, "accepted: " + string.Join(" ", accepted.Select(cp => $"U+{cp:X4}")));
    }

    [Fact]
    public void Look_alikes_of_KIB_in_three_scripts_and_with_zero_width_spaces_share_its_clash_key()
    {
        // confusables.txt: 041A → 004B, 0406 → 006C, 0412 → 0042 (Cyrillic); 039A → 004B, 0399 → 006C, 0392 → 0042 (Greek);
        // 0049 → 006C (LATIN CAPITAL I is drawn like small l, so both map to l).
        var kib = ConfusableSkeleton.ClashKey("KIB");
        Assert.Equal("KlB", kib);
        Assert.Equal(kib, ConfusableSkeleton.ClashKey("\u041A\u0406\u0412"));
        Assert.Equal(kib, ConfusableSkeleton.ClashKey("\u039A\u0399\u0392"));
        Assert.Equal(kib, ConfusableSkeleton.ClashKey("K\u200BI\u200BB"));
        Assert.Equal(kib, ConfusableSkeleton.ClashKey("kib"));
        Assert.NotEqual(kib, ConfusableSkeleton.ClashKey("KLB"));
        Assert.NotEqual(ConfusableSkeleton.ClashKey("Kil"), ConfusableSkeleton.ClashKey("Kll"));
    }

    /// <summary>(source, NFC, NFD) of each line of NormalizationTest.txt (columns 1, 2 and 3).</summary>
    private static List<(string Source, string Nfc, string Nfd)> NormalizationTestLines()
    {
        var path = Path.Combine(UnicodeTablesGenerator.UnicodeDirectory, "NormalizationTest.txt");
        string text;
        if (File.Exists(path)) text = File.ReadAllText(path);
        else
        {
            var bzcat = ChildProcess.RunAsync(new ProcessStartInfo("bzcat", [path + ".bz2"]), TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
            Assert.True(bzcat.ExitCode == 0, $"bzcat {path}.bz2 failed: {bzcat.Stderr}");
            text = bzcat.Stdout;
        }
        var lines = new List<(string, string, string)>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] is '#' or '@') continue;
            var f = line.Split(';');
            lines.Add((Decode(f[0]), Decode(f[1]), Decode(f[2])));
        }
        return lines;
    }

    private static string Decode(string field) =>
        string.Concat(field.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));

    private static IEnumerable<int> Expand(string span)
    {
        var dots = span.IndexOf("..", StringComparison.Ordinal);
        var start = int.Parse(dots < 0 ? span : span[..dots], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var end = dots < 0 ? start : int.Parse(span[(dots + 2)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return Enumerable.Range(start, end - start + 1);
    }

    private static string Hex(string s)
    {
        var sb = new StringBuilder();
        foreach (var r in s.EnumerateRunes()) sb.Append(sb.Length == 0 ? "" : " ").Append(r.Value.ToString("X4", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
