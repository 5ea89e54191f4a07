using GraphIntel.Graph.Dataset.Checking;
using GraphIntel.Graph.Dataset.Parsing;
using GraphIntel.Graph.Dataset.Yaml;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Dataset;

/// <summary>The outcome of reading the data set: the change set a load applies and every problem found.</summary>
public sealed record DatasetReadResult(ChangeSet ChangeSet, IReadOnlyList<DatasetProblem> Problems, DatasetSummary Summary)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads and validates the curated data set (format: <c>seed/data/README.md</c>): <c>seed/sources/sources.yaml</c>
/// and the documents it names, then <c>seed/data/entities/*.yaml</c>, <c>seed/data/facts/*.yaml</c> and
/// <c>seed/data/events/*.yaml</c> (none is fine) in name order. It never stops at the first problem: each file is
/// parsed as far as YAML allows, then ids, references, endpoint kinds, quotes, aliases and lifecycles (a fact after a
/// death or a dissolution) are checked across files, and every problem is returned with its position.
/// </summary>
public static class DatasetReader
{
    /// <param name="root">The folder holding <c>seed/</c> (see <see cref="DatasetLocator"/>).</param>
    public static DatasetReadResult Read(string root)
    {
        var layout = new DatasetLayout(root);
        var problems = new List<DatasetProblem>();
        var drafts = new DatasetDrafts();

        if (ReadYaml(layout, layout.FullPath(DatasetLayout.SourcesFile), drafts, problems, required: true) is { } sourcesRoot)
            SourcesFileParser.Parse(sourcesRoot, drafts, problems);
        ReadSourceTexts(layout, drafts, problems);
        foreach (var file in layout.YamlFiles(DatasetLayout.EntitiesFolder))
            if (ReadYaml(layout, file, drafts, problems) is { } node) EntitiesFileParser.Parse(node, drafts, problems);
        foreach (var file in layout.YamlFiles(DatasetLayout.FactsFolder))
            if (ReadYaml(layout, file, drafts, problems) is { } node) FactsFileParser.Parse(node, drafts, problems);
        foreach (var file in layout.YamlFiles(DatasetLayout.EventsFolder))
            if (ReadYaml(layout, file, drafts, problems) is { } node) EventsFileParser.Parse(node, drafts, problems);

        var index = new DatasetIndex(drafts);
        IdChecks.Check(drafts, problems);
        ReferenceChecks.Check(drafts, index, problems);
        CitationChecks.Check(drafts, index, problems);
        AliasChecks.Check(drafts, index, problems);

        var changes = ChangeSetBuilder.Build(drafts);
        LifecycleChecks.Check(drafts, changes, problems);
        var ordered = problems
            .Distinct()
            .OrderBy(p => FileOrder(p.File), StringComparer.Ordinal)
            .ThenBy(p => p.Line).ThenBy(p => p.Column)
            .ToList();
        return new DatasetReadResult(changes, ordered, DatasetSummary.Of(changes, drafts.FilesRead));
    }

    /// <summary>Sources first, then entities, then facts, then events, as the files are read.</summary>
    private static string FileOrder(string file) =>
        file.StartsWith(DatasetLayout.SourcesFolder, StringComparison.Ordinal) ? "0" + file
        : file.StartsWith(DatasetLayout.EntitiesFolder, StringComparison.Ordinal) ? "1" + file
        : file.StartsWith(DatasetLayout.EventsFolder, StringComparison.Ordinal) ? "3" + file
        : "2" + file;

    private static YNode? ReadYaml(DatasetLayout layout, string path, DatasetDrafts drafts, List<DatasetProblem> problems, bool required = false)
    {
        var relative = layout.Relative(path);
        if (!File.Exists(path))
        {
            if (required) problems.Add(new DatasetProblem(DatasetLocation.StartOf(relative), "file not found"));
            return null;
        }
        drafts.FilesRead++;
        return YamlTreeLoader.Load(File.ReadAllText(path), relative, problems);
    }

    private static void ReadSourceTexts(DatasetLayout layout, DatasetDrafts drafts, List<DatasetProblem> problems)
    {
        foreach (var source in drafts.Sources)
        {
            if (source.Id is not { } id || source.File is not { } file) continue;
            if (file.Value != Path.GetFileName(file.Value))
            {
                problems.Add(new DatasetProblem(file.At, $"{source.Label}: file '{file.Value}' must be a file name in {DatasetLayout.SourcesFolder}/, not a path"));
                continue;
            }
            var path = layout.FullPath($"{DatasetLayout.SourcesFolder}/{file.Value}");
            if (!File.Exists(path))
            {
                problems.Add(new DatasetProblem(file.At, $"{source.Label}: source file '{file.Value}' not found in {DatasetLayout.SourcesFolder}/"));
                continue;
            }
            drafts.SourceTexts.TryAdd(id.Value, File.ReadAllText(path));
        }
    }
}
