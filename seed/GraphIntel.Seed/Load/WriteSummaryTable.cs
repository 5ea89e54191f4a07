using GraphIntel.Graph.Store;
using Spectre.Console;

namespace GraphIntel.Seed.Load;

/// <summary>The counts a load created, updated and left unchanged, by record kind, as a table.</summary>
internal static class WriteSummaryTable
{
    private static readonly string[] KindOrder =
        [RecordKinds.Source, RecordKinds.Entity, RecordKinds.Relationship, RecordKinds.StrengthEstimate, RecordKinds.Retraction, RecordKinds.Merge];

    public static Table Create(WriteSummary summary)
    {
        var table = new Table().AddColumn("Records").AddColumn(new TableColumn("Created").RightAligned())
            .AddColumn(new TableColumn("Updated").RightAligned()).AddColumn(new TableColumn("Unchanged").RightAligned());
        var kinds = summary.ByKind.Keys
            .OrderBy(k => Array.IndexOf(KindOrder, k) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(k => k, StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var c = summary[kind];
            table.AddRow(Markup.Escape(kind), c.Created.ToString(), c.Updated.ToString(), c.Unchanged.ToString());
        }
        return table;
    }
}
