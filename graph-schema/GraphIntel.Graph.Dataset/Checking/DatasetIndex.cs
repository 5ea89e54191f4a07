using GraphIntel.Graph.Dataset.Yaml;
using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Dataset.Checking;

/// <summary>Lookups the cross-file checks share: entities and sources by id (first definition wins), source texts.</summary>
internal sealed class DatasetIndex
{
    public DatasetIndex(DatasetDrafts drafts)
    {
        foreach (var entity in drafts.Entities)
            if (entity.Id is { } id) Entities.TryAdd(id.Value, entity);
        foreach (var source in drafts.Sources)
            if (source.Id is { } id) Sources.TryAdd(id.Value, source);
        AllSourceTextsRead = drafts.Sources.Count > 0 &&
                             drafts.Sources.All(s => s.Id is { } id && drafts.SourceTexts.ContainsKey(id.Value));
        foreach (var (id, text) in drafts.SourceTexts)
        {
            Quotes[id] = new QuoteMatcher(text);
            NormalizedTexts.Add(QuoteMatcher.NormalizeWhitespace(text));
        }
    }

    public Dictionary<string, EntityDraft> Entities { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SourceDraft> Sources { get; } = new(StringComparer.Ordinal);
    /// <summary>Source id → matcher over its text, for sources whose text was read.</summary>
    public Dictionary<string, QuoteMatcher> Quotes { get; } = new(StringComparer.Ordinal);
    /// <summary>
    /// True when every declared source's text was read. Only then can "this alias occurs in no source" be judged;
    /// a missing or unreadable source is reported on its own.
    /// </summary>
    public bool AllSourceTextsRead { get; }

    /// <summary>Every source text with white space collapsed, for alias look-ups.</summary>
    public List<string> NormalizedTexts { get; } = [];

    /// <summary>
    /// The entity a reference names, or null after reporting an unknown id (with the closest known id).
    /// </summary>
    public EntityDraft? ResolveEntity(Located<string>? reference, string field, string label, ICollection<DatasetProblem> problems)
    {
        if (reference is not { } r) return null;
        if (Entities.TryGetValue(r.Value, out var entity)) return entity;
        var what = Sources.ContainsKey(r.Value) ? $"'{r.Value}' is a source, not an entity" : $"unknown id '{r.Value}'";
        problems.Add(new DatasetProblem(r.At, $"{label}: {field}: {what}{DidYouMean.Suffix(r.Value, Entities.Keys)}"));
        return null;
    }
}
