namespace GraphIntel.Graph.Dataset.Checking;

/// <summary>
/// Ids are unique across sources, entities and facts. A duplicate is reported at both places; two facts whose
/// derived ids collide are told to take explicit ids.
/// </summary>
internal static class IdChecks
{
    private const string SameIdAdvice =
        "; if both state the same fact, make them one fact with both citations, else give one of them an explicit id";

    private sealed record Definition(string Label, DatasetLocation At, bool Derived);

    public static void Check(DatasetDrafts drafts, ICollection<DatasetProblem> problems)
    {
        var seen = new Dictionary<string, Definition>(StringComparer.Ordinal);

        void Register(string id, Definition definition)
        {
            if (!seen.TryGetValue(id, out var first))
            {
                seen.Add(id, definition);
                return;
            }
            if (first.Derived && definition.Derived)
            {
                Report(definition, first, $"derives the id '{id}', as does {first.Label} at {first.At}{SameIdAdvice}");
                Report(first, definition, $"derives the id '{id}', as does {definition.Label} at {definition.At}{SameIdAdvice}");
            }
            else
            {
                Report(definition, first, $"duplicate id '{id}': also used by {first.Label} at {first.At}");
                Report(first, definition, $"duplicate id '{id}': also used by {definition.Label} at {definition.At}");
            }
        }

        void Report(Definition at, Definition other, string message) =>
            problems.Add(new DatasetProblem(at.At, $"{at.Label}: {message}"));

        foreach (var s in drafts.Sources)
            if (s.Id is { } id) Register(id.Value, new Definition(s.Label, id.At, false));
        foreach (var e in drafts.Entities)
            if (e.Id is { } id) Register(id.Value, new Definition(e.Label, id.At, false));
        foreach (var r in drafts.Relationships)
            if (FactIds.Of(r) is { } fact) Register(fact.Id, new Definition(r.Label, r.ExplicitId?.At ?? r.At, fact.Derived));
        foreach (var e in drafts.Estimates)
            if (FactIds.Of(e) is { } fact) Register(fact.Id, new Definition(e.Label, e.ExplicitId?.At ?? e.At, fact.Derived));
    }
}
