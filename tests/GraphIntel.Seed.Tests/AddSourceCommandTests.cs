using System.Security.Cryptography;
using System.Text;

namespace GraphIntel.Seed.Tests;

/// <summary>
/// <c>seed add-source</c> on a temporary copy of the repository's <c>seed/</c>: a new document is registered so that
/// <c>validate</c> accepts a fact citing it; duplicates, blank or non-UTF-8 files and bad metadata are refused with
/// what and where, and nothing is written.
/// </summary>
public sealed class AddSourceCommandTests : IDisposable
{
    private const string Sample = """
        Officials in Dushanbe said on Monday that the Taliban remain bitter rivals of the Islamic Movement of Uzbekistan in northern Afghanistan.
        The statement followed a meeting of border commanders.
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "graphintel-add-source-test-" + Guid.NewGuid().ToString("N"));

    public AddSourceCommandTests()
    {
        Copy(RepoPaths.In("seed/sources"), Path.Combine(_root, "seed", "sources"));
        Copy(RepoPaths.In("seed/data"), Path.Combine(_root, "seed", "data"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string SourcesYaml => Path.Combine(_root, "seed", "sources", "sources.yaml");
    private string SourcesDir => Path.Combine(_root, "seed", "sources");

    private string WriteText(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private Task<SeedRun> AddAsync(string textFile, params string[] more) =>
        SeedCliRunner.RunAsync(["add-source", textFile, "--seed-dir", _root, .. more]);

    [Fact]
    public async Task A_new_document_is_registered_and_a_fact_citing_it_validates()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample);
        var text = WriteText("dushanbe.txt", bytes);
        var before = await SeedCliRunner.RunAsync("validate", "--seed-dir", _root);
        Assert.Equal(0, before.ExitCode);

        var run = await AddAsync(text, "--id", "source/dushanbe-border-statement", "--title", "Border commanders meet in Dushanbe",
            "--published", "2024-05", "--url", "https://example.org/dushanbe");
        Assert.True(run.ExitCode == 0, run.Error + run.Output);

        // The name: the next number after 004, and the first 16 hex digits of the SHA-256 of the bytes (computed here by sha256sum's algorithm).
        var expected = $"005_{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}.txt";
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(SourcesDir, expected)));
        Assert.Contains($"seed/sources/{expected}", run.Output, StringComparison.Ordinal);
        Assert.Contains("- source: source/dushanbe-border-statement", run.Output, StringComparison.Ordinal);
        // The example quote: the first sentence, cut at 12 words — verbatim, so it may be pasted as it is.
        Assert.Contains("quote: \"Officials in Dushanbe said on Monday that the Taliban remain bitter rivals\"\n", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("""
            - id: source/dushanbe-border-statement
              file: {expected}
              title: "Border commanders meet in Dushanbe"
              publisher: null
              author: null
              published: "2024-05"
              url: "https://example.org/dushanbe"

            """.Replace("{expected}", expected), File.ReadAllText(SourcesYaml));

        // A fact citing a quote from it: validate accepts the data set, with one source more.
        File.WriteAllText(Path.Combine(_root, "seed", "data", "facts", "zz-dushanbe.yaml"), """
            relationships:
              - type: RIVAL_OF
                from: org/taliban
                to: org/imu
                citations:
                  - source: source/dushanbe-border-statement
                    quote: "the Taliban remain bitter rivals of the Islamic Movement of Uzbekistan"
            """);
        var after = await SeedCliRunner.RunAsync("validate", "--seed-dir", _root);
        Assert.True(after.ExitCode == 0, after.Output);
        Assert.Contains("6 sources", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_text_again_is_refused_and_nothing_is_written()
    {
        var existing = Directory.GetFiles(SourcesDir, "003_*.txt").Single();
        var text = WriteText("copy.txt", File.ReadAllBytes(existing));
        var run = await AssertNothingWrittenAsync(() => AddAsync(text, "--id", "source/copy-of-003", "--title", "A copy"));
        Assert.Contains($"the same text is already registered as seed/sources/{Path.GetFileName(existing)}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_and_a_file_that_is_not_UTF8_are_refused()
    {
        var empty = WriteText("empty.txt", Encoding.UTF8.GetBytes("  \n\n"));
        var run = await AssertNothingWrittenAsync(() => AddAsync(empty, "--id", "source/empty", "--title", "Empty"));
        Assert.Contains($"{empty}:1: the text is empty", run.Error, StringComparison.Ordinal);

        var latin1 = WriteText("latin1.txt", [.. Encoding.UTF8.GetBytes("First line is fine.\nSecond line: caf"), 0xE9, (byte)'\n']);
        run = await AssertNothingWrittenAsync(() => AddAsync(latin1, "--id", "source/latin1", "--title", "Latin-1"));
        Assert.Contains($"{latin1}:2: the text is not valid UTF-8", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_metadata_is_refused_with_its_place_in_sources_yaml()
    {
        var text = WriteText("doc.txt", Encoding.UTF8.GetBytes(Sample));
        var lines = File.ReadAllLines(SourcesYaml).Length;

        var run = await AssertNothingWrittenAsync(() => AddAsync(text, "--id", "source/ok-id", "--title", "T", "--url", "ftp://example.org/x", "--published", "2024-13"));
        // The record is appended after a blank line: its url is the 7th line of it, published the 6th.
        Assert.Contains($"seed/sources/sources.yaml:{lines + 2 + 5}:", run.Error, StringComparison.Ordinal);
        Assert.Contains("only http and https URLs are allowed", run.Error, StringComparison.Ordinal);
        Assert.Contains($"seed/sources/sources.yaml:{lines + 2 + 6}:", run.Error, StringComparison.Ordinal);

        run = await AssertNothingWrittenAsync(() => AddAsync(text, "--id", "source/azizi-isis-k-central-asia", "--title", "Taken id"));
        Assert.Contains("source/azizi-isis-k-central-asia", run.Error, StringComparison.Ordinal);

        run = await AssertNothingWrittenAsync(() => AddAsync(text, "--id", "Not An Id", "--title", "Bad id"));
        Assert.Contains("sources.yaml", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Runs a refused add-source: exit 1, sources.yaml byte for byte as it was, no file added under seed/sources.</summary>
    private async Task<SeedRun> AssertNothingWrittenAsync(Func<Task<SeedRun>> add)
    {
        var yaml = File.ReadAllBytes(SourcesYaml);
        var files = Directory.GetFiles(SourcesDir).Order().ToList();
        var run = await add();
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Output}{run.Error}");
        Assert.Contains("nothing was written", run.Error, StringComparison.Ordinal);
        Assert.Equal(yaml, File.ReadAllBytes(SourcesYaml));
        Assert.Equal(files, Directory.GetFiles(SourcesDir).Order().ToList());
        return run;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(from))
            if (Path.GetFileName(directory) is not ("bin" or "obj")) Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
    }
}
