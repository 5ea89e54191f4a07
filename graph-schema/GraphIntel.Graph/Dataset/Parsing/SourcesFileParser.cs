using GraphIntel.Graph.Dataset.Yaml;

namespace GraphIntel.Graph.Dataset.Parsing;

/// <summary>Reads <c>seed/sources/sources.yaml</c>: a list of document metadata records.</summary>
internal static class SourcesFileParser
{
    private static readonly string[] Keys = ["id", "file", "title", "publisher", "author", "published", "url"];

    public static void Parse(YNode root, DatasetDrafts into, ICollection<DatasetProblem> problems)
    {
        if (root is not YSequence)
        {
            problems.Add(new DatasetProblem(root.At, $"sources.yaml must be a list of sources (- id: source/…), not {root.Describe()}"));
            return;
        }
        foreach (var node in MappingReader.ReadMappingList(root, "sources", "source",
                     (at, message) => problems.Add(new DatasetProblem(at, message))))
        {
            var r = new MappingReader(node, problems);
            r.Label = $"source {r.Peek("id") ?? "(no id)"}";
            r.CheckKeys(Keys);
            var id = r.Text("id", required: true);
            if (id is { } i && IdRules.Check(i.Value, "source") is { } idProblem) r.Report(i.At, idProblem);
            into.Sources.Add(new SourceDraft(
                id, r.Text("file", required: true), r.Text("title", required: true)?.Value,
                r.Text("publisher")?.Value, r.Text("author")?.Value, r.Date("published"), r.Text("url")?.Value, node.At));
        }
    }
}
