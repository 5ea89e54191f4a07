using GraphIntel.Graph.Dataset.Yaml;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Names;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Dataset.Checking;

/// <summary>
/// Aliases are spellings the documents use: each occurs (ignoring case) in at least one source text. Within one
/// kind a name or alias denotes one entity (compared as the store does, by <see cref="ConfusableSkeleton.ClashKey"/>:
/// case, diacritics and look-alike letters of other scripts aside); across kinds it may be shared. Names hold no
/// invisible or bidi-control characters (<see cref="NameCharacters"/>).
/// </summary>
internal static class AliasChecks
{
    private sealed record Claim(string EntityId, string Name, string Label, DatasetLocation At);

    public static void Check(DatasetDrafts drafts, DatasetIndex index, ICollection<DatasetProblem> problems)
    {
        var claims = new Dictionary<(EntityKind, string), Claim>();

        void Claim(EntityDraft entity, Located<string> name, bool isAlias, string label)
        {
            if (NameCharacters.Check(isAlias ? "the alias" : "the name", name.Value) is { } invisible)
                problems.Add(new DatasetProblem(name.At, $"{label}: {invisible}"));
            if (isAlias && !OccursInSomeSource(name.Value, index))
                problems.Add(new DatasetProblem(name.At, $"{label}: alias '{name.Value}' does not occur in any source text"));
            if (entity.Id is not { } id) return;
            var key = (entity.Kind, ConfusableSkeleton.ClashKey(name.Value));
            var claim = new Claim(id.Value, name.Value, label, name.At);
            if (!claims.TryGetValue(key, out var first))
            {
                claims.Add(key, claim);
                return;
            }
            if (first.EntityId == id.Value) return;
            var kind = DatasetText.KindName(entity.Kind);
            problems.Add(new DatasetProblem(name.At,
                $"{label}: '{name.Value}' is the same name as '{first.Name}' of {kind} {first.EntityId} ({first.At}){SameNameBecause(name.Value, first.Name)}; within one kind a name or alias denotes one entity"));
            problems.Add(new DatasetProblem(first.At,
                $"{first.Label}: '{first.Name}' is the same name as '{name.Value}' of {kind} {id.Value} ({name.At}){SameNameBecause(first.Name, name.Value)}; within one kind a name or alias denotes one entity"));
        }

        foreach (var entity in drafts.Entities)
        {
            if (entity.Name is { } name) Claim(entity, name, isAlias: false, entity.Label);
            foreach (var alias in entity.Aliases) Claim(entity, alias, isAlias: true, entity.Label);
        }
        foreach (var aliases in drafts.Aliases)
        {
            var entity = aliases.Entity is { } e ? index.Entities.GetValueOrDefault(e.Value) : null;
            foreach (var name in aliases.Names)
            {
                if (entity is not null) Claim(entity, name, isAlias: true, aliases.Label);
                else if (!OccursInSomeSource(name.Value, index))
                    problems.Add(new DatasetProblem(name.At, $"{aliases.Label}: alias '{name.Value}' does not occur in any source text"));
            }
        }
    }

    /// <summary>Says how two different spellings count as one name; nothing when they are written alike.</summary>
    private static string SameNameBecause(string a, string b) =>
        a == b ? "" : NameNormalizer.Fold(a) == NameNormalizer.Fold(b)
            ? " (compared ignoring case, diacritics and dash or quote variants)"
            : " (they look alike: their Unicode TS #39 confusable skeletons are equal)";

    private static bool OccursInSomeSource(string alias, DatasetIndex index)
    {
        if (!index.AllSourceTextsRead) return true;
        var normalized = QuoteMatcher.NormalizeWhitespace(alias);
        return index.NormalizedTexts.Any(text => text.Contains(normalized, StringComparison.OrdinalIgnoreCase));
    }
}
