using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Dataset.Checking;

/// <summary>Every citation names a known source and quotes it verbatim (white-space runs aside), a passage long enough to prove something (<see cref="QuoteRules"/>).</summary>
internal static class CitationChecks
{
    public static void Check(DatasetDrafts drafts, DatasetIndex index, ICollection<DatasetProblem> problems)
    {
        var citations = drafts.Entities.SelectMany(e => e.Citations)
            .Concat(drafts.Relationships.SelectMany(r => r.Citations))
            .Concat(drafts.Estimates.SelectMany(e => e.Citations))
            .Concat(drafts.Aliases.SelectMany(a => a.Citations))
            .Concat(drafts.Entities.SelectMany(e => e.Event?.Casualties ?? []).SelectMany(c => c.Citations))
            .Distinct();
        foreach (var c in citations)
        {
            if (c.Source is not { } source) continue;
            if (!index.Sources.ContainsKey(source.Value))
            {
                problems.Add(new DatasetProblem(source.At,
                    $"{c.Label}: citation of unknown source '{source.Value}'{DidYouMean.Suffix(source.Value, index.Sources.Keys)}"));
                continue;
            }
            if (c.Quote is { } shortQuote && QuoteRules.CheckLength(shortQuote.Value) is { } tooShort)
            {
                problems.Add(new DatasetProblem(shortQuote.At, $"{c.Label}: \"{DatasetText.Excerpt(shortQuote.Value)}\": {tooShort}"));
                continue;
            }
            if (c.Quote is { } quote && index.Quotes.TryGetValue(source.Value, out var matcher) && !matcher.Occurs(quote.Value))
            {
                problems.Add(new DatasetProblem(quote.At,
                    $"{c.Label}: quote not found verbatim in {source.Value}: \"{DatasetText.Excerpt(quote.Value)}\""));
            }
        }

        // An attestation is a cited source's word on when the fact held: its source must be one the fact cites.
        foreach (var r in drafts.Relationships)
        {
            foreach (var a in r.Attestations)
            {
                if (a.Source is not { } source || r.Citations.Any(c => c.Source?.Value == source.Value)) continue;
                problems.Add(new DatasetProblem(source.At,
                    $"{r.Label}: attested by {source.Value}, which none of the fact's citations quote (cite the passage that dates it)"));
            }
        }
    }
}
