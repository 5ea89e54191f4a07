namespace GraphIntel.Graph.Dataset;

/// <summary>
/// Where the data set's files live under a root (the repository root, or any folder holding <c>seed/</c>), and how
/// their paths are written in messages: relative to that root, with '/'.
/// </summary>
public sealed class DatasetLayout(string root)
{
    public const string SourcesFolder = "seed/sources";
    public const string SourcesFile = "seed/sources/sources.yaml";
    public const string EntitiesFolder = "seed/data/entities";
    public const string FactsFolder = "seed/data/facts";
    public const string EventsFolder = "seed/data/events";

    public string Root { get; } = Path.GetFullPath(root);

    public string FullPath(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The <c>*.yaml</c> files of a folder in ordinal name order; none when the folder does not exist.</summary>
    public IReadOnlyList<string> YamlFiles(string relativeFolder)
    {
        var folder = FullPath(relativeFolder);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
