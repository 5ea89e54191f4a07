using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GraphIntel.Graph.Dataset;

namespace GraphIntel.Seed.Commands;

/// <summary>
/// <c>add-source &lt;text-file&gt; --id source/… --title … [--publisher …] [--author …] [--published …] [--url …]</c>:
/// registers a document under <c>seed/sources</c> as <c>NNN_&lt;hash&gt;.txt</c> (the next number; the first 16 hex digits of
/// the SHA-256 of its bytes) with a record appended to <c>sources.yaml</c>. The text must be UTF-8, not blank and not
/// the same text as a registered document; the record must pass the checks <c>validate</c> runs (made on a staged copy
/// of the data set). Writes are temp file + rename: a refusal or failure leaves <c>sources.yaml</c> as it was. Prints the
/// source id and a fact citing it, ready to paste.
/// </summary>
internal static partial class AddSourceCommand
{
    public static Command Create(SeedConsole console)
    {
        var seedDir = CommonOptions.SeedDir();
        var textFile = new Argument<string>("text-file") { Description = "The document's text, UTF-8, verbatim." };
        var id = new Option<string>("--id") { Description = "The source id: source/<lowercase-slug>.", Required = true };
        var title = new Option<string>("--title") { Description = "The title the document states (or its opening claim, verbatim).", Required = true };
        var publisher = new Option<string?>("--publisher") { Description = "The publisher the document states (omit when it states none)." };
        var author = new Option<string?>("--author") { Description = "The author the document states." };
        var published = new Option<string?>("--published") { Description = "The publication date the document states: 2024, 2024-03 or 2024-03-05." };
        var url = new Option<string?>("--url") { Description = "The document's absolute http(s) URL." };
        var command = new Command("add-source", "Register a source document (text file plus metadata) under seed/sources and print how to cite it.")
        {
            textFile, id, title, publisher, author, published, url, seedDir,
        };
        command.SetAction(async (parse, ct) =>
        {
            var root = CommonOptions.LocateDataset(parse.GetValue(seedDir), console);
            var record = new SourceRecord(parse.GetValue(id)!, parse.GetValue(title)!, parse.GetValue(publisher), parse.GetValue(author),
                parse.GetValue(published), parse.GetValue(url));
            return await AddAsync(root, parse.GetValue(textFile)!, record, console, ct).ConfigureAwait(false);
        });
        return command;
    }

    internal sealed record SourceRecord(string Id, string Title, string? Publisher, string? Author, string? Published, string? Url);

    private static async Task<int> AddAsync(string root, string textPath, SourceRecord record, SeedConsole console, CancellationToken ct)
    {
        var layout = new DatasetLayout(root);
        var sourcesDir = layout.FullPath(DatasetLayout.SourcesFolder);
        var sourcesYaml = layout.FullPath(DatasetLayout.SourcesFile);

        // The text: UTF-8, not blank, not a document already registered.
        if (!File.Exists(textPath)) throw new SeedException($"{textPath}: file not found");
        var bytes = await File.ReadAllBytesAsync(textPath, ct).ConfigureAwait(false);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(0, e.Index);
            var line = 1 + bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n');
            return await RefuseAsync(console, $"{textPath}:{line}: the text is not valid UTF-8 (bad byte at offset {offset}); save it as UTF-8").ConfigureAwait(false);
        }
        if (string.IsNullOrWhiteSpace(text)) return await RefuseAsync(console, $"{textPath}:1: the text is empty (or only white space)").ConfigureAwait(false);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        foreach (var existing in Directory.EnumerateFiles(sourcesDir, "*.txt").Order(StringComparer.Ordinal))
        {
            if (Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(existing, ct).ConfigureAwait(false))) == hash)
                return await RefuseAsync(console, $"{textPath}: the same text is already registered as {layout.Relative(existing)} (SHA-256 {hash[..16]}…)").ConfigureAwait(false);
        }

        // The record: appended to sources.yaml, checked on a staged copy of the data set by the checks validate runs.
        var number = Directory.EnumerateFiles(sourcesDir, "*.txt").Select(f => NumberPrefix().Match(Path.GetFileName(f)))
            .Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
        var fileName = $"{number:000}_{hash[..16]}.txt";
        var yaml = await File.ReadAllTextAsync(sourcesYaml, ct).ConfigureAwait(false);
        var newYaml = yaml.TrimEnd('\n', '\r') + "\n\n" + Render(record, fileName);
        var problems = StagedProblems(root, fileName, bytes, newYaml);
        if (problems.Count > 0)
        {
            await CommonOptions.WriteProblemsAsync(problems, console.Error).ConfigureAwait(false);
            await console.Error.WriteLineAsync("error: the source was not added; nothing was written").ConfigureAwait(false);
            return ExitCodes.InvalidData;
        }

        // Write: the text first (a new name), then sources.yaml replaced by rename; undo the text if that fails.
        var textTarget = Path.Combine(sourcesDir, fileName);
        var textTemp = textTarget + ".tmp-" + Guid.NewGuid().ToString("N");
        var yamlTemp = sourcesYaml + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await File.WriteAllBytesAsync(textTemp, bytes, ct).ConfigureAwait(false);
            File.Move(textTemp, textTarget, overwrite: false);
            await File.WriteAllTextAsync(yamlTemp, newYaml, new UTF8Encoding(false), ct).ConfigureAwait(false);
            File.Move(yamlTemp, sourcesYaml, overwrite: true);
        }
        catch
        {
            File.Delete(textTemp);
            File.Delete(yamlTemp);
            if (File.ReadAllText(sourcesYaml) == yaml) File.Delete(textTarget);
            throw;
        }

        var quote = FirstQuote(text);
        await console.Out.WriteLineAsync($"Added {record.Id}: {DatasetLayout.SourcesFolder}/{fileName}, recorded in {DatasetLayout.SourcesFile}.").ConfigureAwait(false);
        await console.Out.WriteLineAsync($"Cite it from seed/data/facts/*.yaml (or an entity's citations) with a verbatim quote of at least 4 words and 20 characters, e.g.:").ConfigureAwait(false);
        await console.Out.WriteLineAsync($"""

            relationships:
              - type: MEMBER_OF            # see seed/data/README.md for the types and which kinds they connect
                from: person/…
                to: org/…
                citations:
                  - source: {record.Id}
                    quote: {Quoted(quote)}

            Then: seed validate, seed load.
            """).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>The problems a staged copy of the data set with the new document has that the data set itself has not.</summary>
    private static List<DatasetProblem> StagedProblems(string root, string fileName, byte[] text, string newYaml)
    {
        var before = DatasetReader.Read(root).Problems.Select(p => p.ToString()).ToHashSet(StringComparer.Ordinal);
        var stage = Path.Combine(Path.GetTempPath(), "graphintel-add-source-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var folder in new[] { DatasetLayout.SourcesFolder, "seed/data" })
                CopyDirectory(new DatasetLayout(root).FullPath(folder), new DatasetLayout(stage).FullPath(folder));
            var staged = new DatasetLayout(stage);
            File.WriteAllBytes(staged.FullPath($"{DatasetLayout.SourcesFolder}/{fileName}"), text);
            File.WriteAllText(staged.FullPath(DatasetLayout.SourcesFile), newYaml);
            return DatasetReader.Read(stage).Problems.Where(p => !before.Contains(p.ToString())).ToList();
        }
        finally
        {
            try { Directory.Delete(stage, recursive: true); } catch (IOException) { }
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(from)) CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
    }

    /// <summary>The record as sources.yaml writes it: every key, absent values as null, strings double-quoted.</summary>
    internal static string Render(SourceRecord record, string fileName) =>
        $"""
        - id: {record.Id}
          file: {fileName}
          title: {Quoted(record.Title)}
          publisher: {Quoted(record.Publisher)}
          author: {Quoted(record.Author)}
          published: {Quoted(record.Published)}
          url: {Quoted(record.Url)}

        """;

    private static string Quoted(string? value) =>
        value is null ? "null" : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";

    /// <summary>A passage to show in the example: the text's first sentence (or first 12 words), white space runs as one space.</summary>
    private static string FirstQuote(string text)
    {
        var words = Whitespace().Replace(text.Trim(), " ");
        var end = words.IndexOfAny(['.', '!', '?']);
        var sentence = end >= 20 ? words[..(end + 1)] : words;
        var firstWords = sentence.Split(' ');
        return firstWords.Length > 12 ? string.Join(' ', firstWords[..12]) : sentence;
    }

    private static async Task<int> RefuseAsync(SeedConsole console, string message)
    {
        await console.Error.WriteLineAsync($"error: {message}; nothing was written").ConfigureAwait(false);
        return ExitCodes.InvalidData;
    }

    [GeneratedRegex(@"^(\d{3})_")]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
