using GraphIntel.Graph.Dataset.Yaml;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Dataset.Parsing;

/// <summary>Reads a <c>seed/data/facts/*.yaml</c> file: <c>relationships</c>, <c>strengthEstimates</c> and <c>aliases</c>.</summary>
internal static class FactsFileParser
{
    public static readonly string[] SectionNames = ["relationships", "strengthEstimates", "aliases"];

    private static readonly string[] RelationshipKeys =
        ["id", "type", "from", "to", "validFrom", "validTo", "attested", "status", "note", "role", "endReason", "citations"];
    private static readonly string[] AttestationKeys = ["date", "source"];
    private static readonly string[] LeadsOnlyKeys = ["role", "endReason"];
    private static readonly string[] EstimateKeys =
        ["id", "organization", "min", "max", "asOf", "estimatedBy", "status", "note", "citations"];
    private static readonly string[] AliasKeys = ["entity", "names", "citations"];

    public static void Parse(YNode root, DatasetDrafts into, ICollection<DatasetProblem> problems)
    {
        if (root is not YMapping mapping)
        {
            problems.Add(new DatasetProblem(root.At, $"a facts file is a mapping of relationships, strengthEstimates and aliases, not {root.Describe()}"));
            return;
        }
        void Report(DatasetLocation at, string message) => problems.Add(new DatasetProblem(at, message));
        foreach (var (key, value) in mapping.Entries)
        {
            switch (key.Value)
            {
                case "relationships":
                    foreach (var node in MappingReader.ReadMappingList(value, key.Value, "relationship", Report))
                        into.Relationships.Add(ParseRelationship(node, problems));
                    break;
                case "strengthEstimates":
                    foreach (var node in MappingReader.ReadMappingList(value, key.Value, "strength estimate", Report))
                        into.Estimates.Add(ParseEstimate(node, problems));
                    break;
                case "aliases":
                    foreach (var node in MappingReader.ReadMappingList(value, key.Value, "aliases entry", Report))
                        into.Aliases.Add(ParseAliases(node, problems));
                    break;
                default:
                    Report(key.At, EntitiesFileParser.SectionNames.Contains(key.Value)
                        ? $"'{key.Value}' are entities: they belong in seed/data/entities/"
                        : $"unknown section '{key.Value}'{DidYouMean.Suffix(key.Value, SectionNames)} (allowed: {string.Join(", ", SectionNames)})");
                    break;
            }
        }
    }

    private static RelationshipDraft ParseRelationship(YMapping node, ICollection<DatasetProblem> problems)
    {
        var r = new MappingReader(node, problems);
        r.Label = $"relationship {r.Peek("type") ?? "(no type)"} from {r.Peek("from") ?? "(no from)"}";
        r.CheckKeys(RelationshipKeys);
        var type = r.Enum<RelationshipType>("type", required: true);
        var from = r.Text("from", required: true);
        var to = r.Text("to", required: true);
        var validity = new Validity(r.Bound("validFrom"), r.Bound("validTo"));
        if (validity.Problem() is { } intervalProblem)
            r.Report((r.Find("validTo") ?? r.Find("validFrom"))!.At, $"validFrom..validTo: {intervalProblem}");
        var status = r.Enum<ClaimStatus>("status") ?? ClaimStatus.Asserted;
        if (type is { } t && t != RelationshipType.Leads)
        {
            foreach (var key in LeadsOnlyKeys)
            {
                if (r.Find(key) is { } misplaced)
                    r.Report(misplaced.At, $"'{key}' applies to LEADS relationships only, not {EnumNames.ToContractName(t)}");
            }
        }
        var attestations = ParseAttestations(r, validity, problems);
        return new RelationshipDraft(
            FactId(r), type, from, to, validity, status,
            r.Text("note")?.Value, SourcesFileParser.NameField(r, "role")?.Value, SourcesFileParser.NameField(r, "endReason")?.Value,
            CitationParser.Read(r, ofEntity: false, problems), r.Label, node.At) { Attestations = attestations };
    }

    /// <summary>
    /// <c>attested: [{date: "2023", source: source/…}]</c>: dates at which a source says the fact held. A date the fact's
    /// own bounds exclude is refused here; that the source is among the fact's citations is checked with the citations.
    /// </summary>
    private static List<AttestationDraft> ParseAttestations(MappingReader r, Validity validity, ICollection<DatasetProblem> problems)
    {
        var result = new List<AttestationDraft>();
        if (!r.Has("attested")) return result;
        foreach (var node in r.MappingList("attested", "attestation"))
        {
            var a = new MappingReader(node, problems) { Label = $"{r.Label}: attestation" };
            a.CheckKeys(AttestationKeys);
            var date = a.Date("date");
            if (!a.Has("date")) a.Report(node.At, "missing required field 'date'");
            var source = a.Text("source", required: true);
            if (date is { } d && TemporalProfile.Of(validity, []).StatusOn(d) == TemporalStatus.Excluded)
                a.Report(a.Find("date")!.At, $"attested {d}, but the fact's interval {validity} excludes that date");
            result.Add(new AttestationDraft(date, source, node.At));
        }
        return result;
    }

    private static EstimateDraft ParseEstimate(YMapping node, ICollection<DatasetProblem> problems)
    {
        var r = new MappingReader(node, problems);
        r.Label = $"strength estimate of {r.Peek("organization") ?? "(no organization)"}";
        r.CheckKeys(EstimateKeys);
        var organization = r.Text("organization", required: true);
        var min = r.Int("min");
        var max = r.Int("max");
        if (min > max) r.Report(r.Find("min")!.At, $"min ({min}) is greater than max ({max})");
        if (!r.Has("min") && !r.Has("max")) r.Report(node.At, "gives neither min nor max");
        return new EstimateDraft(
            FactId(r), organization, min, max, r.Date("asOf"), SourcesFileParser.NameField(r, "estimatedBy")?.Value,
            r.Enum<ClaimStatus>("status") ?? ClaimStatus.Asserted, r.Text("note")?.Value,
            CitationParser.Read(r, ofEntity: false, problems), r.Label, node.At);
    }

    private static AliasesDraft ParseAliases(YMapping node, ICollection<DatasetProblem> problems)
    {
        var r = new MappingReader(node, problems);
        r.Label = $"aliases of {r.Peek("entity") ?? "(no entity)"}";
        r.CheckKeys(AliasKeys);
        var entity = r.Text("entity", required: true);
        if (!r.Has("names")) r.Report(node.At, "missing required field 'names'");
        var names = r.TextList("names");
        return new AliasesDraft(entity, names, CitationParser.Read(r, ofEntity: false, problems), r.Label, node.At);
    }

    /// <summary>An explicit fact id, if given; it may be any text without white space.</summary>
    private static Located<string>? FactId(MappingReader r)
    {
        if (r.Text("id") is not { } id) return null;
        if (EntityIds.CheckFactId(id.Value) is not { } problem) return id;
        r.Report(id.At, problem);
        return null;
    }
}
