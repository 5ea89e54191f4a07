using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Store.Patches;

/// <summary>
/// A source's text cannot change under its citations: a change set that gives a stored source a new text is refused,
/// listing every stored citation of it whose quote the new text no longer contains — unless that citation's record is
/// itself rewritten in the same change set (and so checked against the new text by <see cref="ChangeSetValidator"/>;
/// <see cref="ChangeSet.CitationRetractions"/> rewrites it without the lost citations) or its fact is retracted in it. Applies to whole records and patches alike: a seed load that changes a text
/// rewrites the records citing it in the same change set.
/// </summary>
public static class SourceTextGuard
{
    public static async Task<IReadOnlyList<ValidationProblem>> CheckAsync(ChangeSet set, IStoredRecords store, CancellationToken ct = default)
    {
        if (set.Sources.Count == 0) return [];
        var stored = await store.GetSourceRecordsAsync(set.Sources.Select(s => s.Id).Where(id => id is not null).Distinct().ToList(), ct).ConfigureAwait(false);
        var changed = set.Sources
            .Where(s => s.Text is not null && stored.TryGetValue(s.Id, out var before) && !string.Equals(before.Text, s.Text, StringComparison.Ordinal))
            .GroupBy(s => s.Id).ToDictionary(g => g.Key, g => new QuoteMatcher(g.First().Text), StringComparer.Ordinal);
        if (changed.Count == 0) return [];

        var rewritten = set.Entities.Select(e => e.Id).Concat(set.Relationships.Select(r => r.Id))
            .Concat(set.StrengthEstimates.Select(s => s.Id)).Concat(set.Retractions).ToHashSet(StringComparer.Ordinal);
        var problems = new List<ValidationProblem>();
        var checkedQuotes = new Dictionary<(string, string), bool>();
        foreach (var c in await store.GetCitationsOfSourcesAsync(changed.Keys.ToList(), ct).ConfigureAwait(false))
        {
            if (rewritten.Contains(c.SupportsId)) continue;
            var key = (c.Citation.SourceId, c.Citation.Quote);
            if (!checkedQuotes.TryGetValue(key, out var found))
                checkedQuotes[key] = found = changed[c.Citation.SourceId].Occurs(c.Citation.Quote);
            if (!found)
                problems.Add(new(c.SupportsId, $"its citation of {c.Citation.SourceId} \"{Abbreviate(c.Citation.Quote)}\" would no longer be found in the source's new text " +
                                               "(retract the fact, or retract the citation, in the same write; or keep the quoted passage)"));
        }
        return problems;
    }

    private static string Abbreviate(string quote) => quote.Length <= 80 ? quote : quote[..77] + "...";
}
