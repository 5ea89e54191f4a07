using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Dataset;

/// <summary>What a data set holds: counts of sources, entities by kind, facts by type and citations.</summary>
public sealed record DatasetSummary(
    int Files,
    int Sources,
    IReadOnlyDictionary<EntityKind, int> EntitiesByKind,
    IReadOnlyDictionary<RelationshipType, int> RelationshipsByType,
    int StrengthEstimates,
    int Citations)
{
    public int Entities => EntitiesByKind.Values.Sum();
    public int Relationships => RelationshipsByType.Values.Sum();
    public int Facts => Relationships + StrengthEstimates;

    public static DatasetSummary Of(ChangeSet changes, int files) => new(
        files,
        changes.Sources.Count,
        changes.Entities.GroupBy(e => e.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
        changes.Relationships.GroupBy(r => r.Type).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
        changes.StrengthEstimates.Count,
        changes.Entities.Sum(e => e.Citations.Count) + changes.Relationships.Sum(r => r.Citations.Count) +
        changes.StrengthEstimates.Sum(e => e.Citations.Count) +
        changes.Entities.Sum(e => e.Event?.Casualties.Sum(c => c.Citations.Count) ?? 0));

    /// <summary>"16 files; 5 sources; 168 entities (58 organizations, 41 people, 69 places); 275 facts (…); 707 citations".</summary>
    public override string ToString()
    {
        var kinds = string.Join(", ", EntitiesByKind.Select(kv => Count(kv.Value, KindName(kv.Key, singular: true), KindName(kv.Key, singular: false))));
        var facts = RelationshipsByType.Select(kv => $"{kv.Value} {EnumNames.ToContractName(kv.Key)}")
            .Append(Count(StrengthEstimates, "strength estimate", "strength estimates"));
        return $"{Count(Files, "file", "files")}; {Count(Sources, "source", "sources")}; {Count(Entities, "entity", "entities")} ({kinds}); " +
               $"{Count(Facts, "fact", "facts")} ({string.Join(", ", facts)}); {Count(Citations, "citation", "citations")}";
    }

    private static string Count(int n, string singular, string plural) => $"{n} {(n == 1 ? singular : plural)}";

    private static string KindName(EntityKind kind, bool singular) => kind switch
    {
        EntityKind.Organization => singular ? "organization" : "organizations",
        EntityKind.Person => singular ? "person" : "people",
        EntityKind.Event => singular ? "event" : "events",
        _ => singular ? "place" : "places",
    };
}
