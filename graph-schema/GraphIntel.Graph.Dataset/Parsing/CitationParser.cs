using GraphIntel.Graph.Dataset.Yaml;

namespace GraphIntel.Graph.Dataset.Parsing;

/// <summary>Reads the <c>citations</c> of an entity or fact; a record without any is a problem.</summary>
internal static class CitationParser
{
    /// <summary>What an entity citation may say it supports.</summary>
    public static readonly IReadOnlyList<string> SupportsValues = ["name", "alias", "founded", "dissolved", "description"];

    private static readonly string[] EntityCitationKeys = ["source", "quote", "supports"];
    private static readonly string[] FactCitationKeys = ["source", "quote"];

    public static List<CitationDraft> Read(MappingReader owner, bool ofEntity, ICollection<DatasetProblem> problems)
    {
        var result = new List<CitationDraft>();
        foreach (var node in owner.MappingList("citations", "citation"))
        {
            var reader = new MappingReader(node, problems) { Label = owner.Label };
            reader.CheckKeys(ofEntity ? EntityCitationKeys : FactCitationKeys,
                key => key == "supports" && !ofEntity
                    ? "'supports' belongs on citations of entities only; a fact's citations support the fact"
                    : null);
            var source = reader.Text("source", required: true);
            var quote = reader.Text("quote", required: true);
            string? supports = null;
            if (ofEntity && reader.Text("supports") is { } s)
            {
                if (SupportsValues.Contains(s.Value)) supports = s.Value;
                else reader.Report(s.At, $"supports: '{s.Value}' is not one of {string.Join(", ", SupportsValues)}{DidYouMean.Suffix(s.Value, SupportsValues)}");
            }
            result.Add(new CitationDraft(owner.Label, source, quote, supports, node.At));
        }
        if (result.Count == 0)
        {
            var what = ofEntity ? "every entity" : "every fact";
            owner.Report(owner.Find("citations")?.At ?? owner.At, $"no citations; {what} needs at least one (source and verbatim quote)");
        }
        return result;
    }
}
