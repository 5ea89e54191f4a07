using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Exchange;

/// <summary>
/// How the flat formats (GraphML, CSV, FollowTheMoney) write what is not one plain value: a list (aliases) and the
/// citations of a record, each as a JSON array in one text cell, so a reader that knows no more than "string" keeps
/// them whole and a reader that parses JSON gets them exactly. A citation is <c>{"source","title","quote"}</c>, plus
/// <c>"supports"</c> on an entity's citations (which attribute the passage backs).
/// </summary>
internal static class ExchangeValues
{
    private static readonly JavaScriptEncoder Readable = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Source titles by id, for citations.</summary>
    public static Dictionary<string, Source> SourcesById(GraphSnapshot snapshot) =>
        snapshot.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);

    public static string JsonList(IEnumerable<string> values)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Readable }))
        {
            w.WriteStartArray();
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string Citations(IReadOnlyList<Citation> citations, IReadOnlyDictionary<string, Source> sources)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Readable }))
        {
            w.WriteStartArray();
            foreach (var c in citations)
            {
                w.WriteStartObject();
                w.WriteString("source", c.SourceId);
                w.WriteString("title", sources.TryGetValue(c.SourceId, out var s) ? s.Title : null);
                w.WriteString("quote", c.Quote);
                if (c.Supports is not null) w.WriteString("supports", c.Supports);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The distinct source ids of the citations, in order of first citation, as a JSON array.</summary>
    public static string SourceIds(IReadOnlyList<Citation> citations) => JsonList(citations.Select(c => c.SourceId).Distinct(StringComparer.Ordinal));

    /// <summary>The first day an end may fall on, ISO (<c>2015-01-01</c>), or empty when unbounded below.</summary>
    public static string EarliestDay(DateBound bound) => bound.EarliestDay?.ToString("yyyy-MM-dd") ?? "";

    /// <summary>The last day an end may fall on, ISO (<c>2015-12-31</c>), or empty when unbounded above.</summary>
    public static string LatestDay(DateBound bound) => bound.LatestDay?.ToString("yyyy-MM-dd") ?? "";

    /// <summary>How precisely an end is known: YEAR, MONTH or DAY for one date, RANGE for bounds, UNKNOWN.</summary>
    public static string Precision(DateBound bound) =>
        bound.IsUnknown ? "UNKNOWN" : bound.Exact is { } exact ? exact.Precision.ToString().ToUpperInvariant() : "RANGE";

    /// <summary>The one date an end is known as (<c>2015-06</c>), or empty for a range or an unknown end.</summary>
    public static string Exact(DateBound bound) => bound.Exact?.ToString() ?? "";
}
