using GraphIntel.Graph.Dataset.Yaml;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Dataset.Parsing;

/// <summary>Reads a <c>seed/data/entities/*.yaml</c> file: <c>organizations</c>, <c>people</c> and <c>places</c>.</summary>
internal static class EntitiesFileParser
{
    public static readonly string[] SectionNames = ["organizations", "people", "places"];

    private static readonly (EntityKind Kind, string Prefix)[] SectionKinds =
        [(EntityKind.Organization, "org"), (EntityKind.Person, "person"), (EntityKind.Place, "place")];

    private static readonly string[] OrganizationKeys = ["id", "name", "organizationKind", "aliases", "description", "founded", "dissolved", "citations"];
    private static readonly string[] OtherKeys = ["id", "name", "aliases", "description", "citations"];
    private static readonly string[] OrganizationOnlyKeys = ["organizationKind", "founded", "dissolved"];

    public static void Parse(YNode root, DatasetDrafts into, ICollection<DatasetProblem> problems)
    {
        if (root is not YMapping mapping)
        {
            problems.Add(new DatasetProblem(root.At, $"an entities file is a mapping of organizations, people and places, not {root.Describe()}"));
            return;
        }
        void Report(DatasetLocation at, string message) => problems.Add(new DatasetProblem(at, message));
        foreach (var (key, value) in mapping.Entries)
        {
            var index = Array.IndexOf(SectionNames, key.Value);
            if (index < 0)
            {
                Report(key.At, FactsFileParser.SectionNames.Contains(key.Value)
                    ? $"'{key.Value}' are facts: they belong in seed/data/facts/"
                    : $"unknown section '{key.Value}'{DidYouMean.Suffix(key.Value, SectionNames)} (allowed: {string.Join(", ", SectionNames)})");
                continue;
            }
            var (kind, prefix) = SectionKinds[index];
            foreach (var node in MappingReader.ReadMappingList(value, key.Value, DatasetText.KindName(kind), Report))
                into.Entities.Add(ParseEntity(node, kind, prefix, problems));
        }
    }

    private static EntityDraft ParseEntity(YMapping node, EntityKind kind, string prefix, ICollection<DatasetProblem> problems)
    {
        var r = new MappingReader(node, problems);
        r.Label = DatasetText.EntityLabel(kind, r.Peek("id"));
        var isOrganization = kind == EntityKind.Organization;
        r.CheckKeys(isOrganization ? OrganizationKeys : OtherKeys,
            key => !isOrganization && OrganizationOnlyKeys.Contains(key) ? $"'{key}' applies to organizations only" : null);

        var id = r.Text("id", required: true);
        if (id is { } i && IdRules.Check(i.Value, prefix) is { } idProblem) r.Report(i.At, idProblem);
        var name = r.Text("name", required: true);
        var aliases = r.TextList("aliases");
        OrganizationKind? organizationKind = null;
        PartialDate? founded = null, dissolved = null;
        if (isOrganization)
        {
            organizationKind = r.Enum<OrganizationKind>("organizationKind", required: true);
            founded = r.Date("founded");
            dissolved = r.Date("dissolved");
            if (Validity.Between(founded, dissolved).Problem() is { } intervalProblem)
                r.Report(r.Find("dissolved")!.At, $"founded..dissolved: {intervalProblem}");
        }
        var description = r.Text("description")?.Value;
        var citations = CitationParser.Read(r, ofEntity: true, problems);
        return new EntityDraft(id, kind, name, aliases, organizationKind, description, founded, dissolved, citations, node.At);
    }
}
