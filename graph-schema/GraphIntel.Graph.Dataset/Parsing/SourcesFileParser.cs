using GraphIntel.Graph.Dataset.Yaml;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Names;

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
            var file = r.Text("file", required: true);
            var title = NameField(r, "title", required: true);
            var publisher = NameField(r, "publisher");
            var author = NameField(r, "author");
            var published = r.Date("published");
            var url = r.Text("url");
            if (url is { } u && SourceUrls.Check(u.Value) is { } urlProblem) r.Report(u.At, urlProblem);
            into.Sources.Add(new SourceDraft(id, file, title?.Value, publisher?.Value, author?.Value, published, url?.Value, node.At));
        }
    }

    /// <summary>A name-like field: refused where it holds invisible or bidi-control characters (<see cref="NameCharacters"/>).</summary>
    internal static Located<string>? NameField(MappingReader r, string key, bool required = false)
    {
        var text = r.Text(key, required);
        if (text is { } t && NameCharacters.Check(key, t.Value) is { } problem) r.Report(t.At, problem);
        return text;
    }
}
