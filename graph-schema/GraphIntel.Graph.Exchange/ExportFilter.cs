using System.Diagnostics.CodeAnalysis;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Exchange;

/// <summary>
/// What an export keeps: the CLI's <c>--as-of</c>/<c>--certainty</c>/<c>--types</c>/<c>--status</c> and the HTTP
/// endpoint's <c>asOf</c>/<c>certainty</c>/<c>types</c>/<c>status</c>, parsed by <see cref="TryParse"/> for both.
/// Relationships are kept by <see cref="RelationshipFilter.Matches"/>, the rule every <c>relationships(…)</c> read of the
/// API follows (with <c>asOf</c>, the facts KNOWN on some day of its span, or POSSIBLE too; RETRACTED hidden unless
/// <c>status</c> names it). Strength estimates are kept by <c>status</c> the same way. Entities, sources and merges are
/// all kept, so an entity none of the kept facts touches is still in the export. With no filter at all, the export is
/// the whole graph, retracted facts included (a backup, as the JSON export always was).
/// </summary>
public sealed record ExportFilter(RelationshipFilter? Relationships)
{
    public static readonly ExportFilter None = new((RelationshipFilter?)null);

    /// <summary>
    /// Parses the filter's texts (null or empty: not given): <paramref name="asOf"/> a date (<c>2019</c>,
    /// <c>2019-06</c>, <c>2019-06-30</c>), <paramref name="certainty"/> KNOWN or POSSIBLE (only with asOf),
    /// <paramref name="types"/> and <paramref name="status"/> comma-separated contract names (UNDER_UMBRELLA_OF,
    /// DISPUTED). On failure <paramref name="problem"/> names the parameter (by its HTTP name) and says why.
    /// </summary>
    public static bool TryParse(string? asOf, string? certainty, string? types, string? status,
        out ExportFilter filter, [NotNullWhen(false)] out ExportFilterProblem? problem)
    {
        filter = None;
        problem = null;
        PartialDate? date = null;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!PartialDate.TryParse(asOf.Trim(), out var d, out var error))
            {
                problem = new("asOf", error);
                return false;
            }
            date = d;
        }
        var sure = TemporalCertainty.Known;
        if (!string.IsNullOrWhiteSpace(certainty))
        {
            if (!EnumNames.TryParse(certainty.Trim().ToUpperInvariant(), out sure))
            {
                problem = new("certainty", $"'{certainty}' is not one of {string.Join(", ", EnumNames.ContractNames<TemporalCertainty>())}");
                return false;
            }
            if (date is null)
            {
                problem = new("certainty", $"'{certainty}' needs asOf: certainty says how sure an asOf answer must be");
                return false;
            }
        }
        if (!TryParseList<RelationshipType>("types", types, out var typeList, out problem)) return false;
        if (!TryParseList<ClaimStatus>("status", status, out var statusList, out problem)) return false;
        if (date is null && typeList is null && statusList is null) return true;
        filter = new ExportFilter(new RelationshipFilter { AsOf = date, Certainty = sure, Types = typeList, Statuses = statusList });
        return true;
    }

    private static bool TryParseList<T>(string parameter, string? text, out IReadOnlyCollection<T>? values,
        [NotNullWhen(false)] out ExportFilterProblem? problem) where T : struct, Enum
    {
        values = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var list = new HashSet<T>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!EnumNames.TryParse<T>(part.ToUpperInvariant(), out var value))
            {
                problem = new(parameter, $"'{part}' is not one of {string.Join(", ", EnumNames.ContractNames<T>())}");
                return false;
            }
            list.Add(value);
        }
        values = list;
        return true;
    }

    /// <summary>The snapshot with only what this filter keeps (the same snapshot when there is no filter).</summary>
    public GraphSnapshot Apply(GraphSnapshot snapshot)
    {
        if (Relationships is not { } filter) return snapshot;
        return snapshot with
        {
            Relationships = snapshot.Relationships.Where(filter.Matches).ToList(),
            StrengthEstimates = snapshot.StrengthEstimates
                .Where(e => filter.Statuses is null ? e.Status != ClaimStatus.Retracted : filter.Statuses.Contains(e.Status)).ToList(),
        };
    }
}

/// <summary>A filter parameter that could not be read: which (its HTTP name; the CLI option is its kebab-case form) and why.</summary>
public sealed record ExportFilterProblem(string Parameter, string Message);
