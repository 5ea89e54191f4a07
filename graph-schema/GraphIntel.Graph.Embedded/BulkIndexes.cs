using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded;

/// <summary>
/// For a write that is large next to what the store holds (a first load, an import), the secondary indexes are
/// dropped inside the write transaction and rebuilt from their own definitions (read back from sqlite_master, so they
/// always match the migrated schema) once the rows are in: one sorted build instead of millions of random inserts.
/// The transaction covers both steps, so a failed write restores the indexes with everything else.
/// </summary>
internal static class BulkIndexes
{
    /// <summary>Records below which a write never defers indexes.</summary>
    public const int Threshold = 50_000;

    /// <summary>Drops every secondary index when <paramref name="incomingRecords"/> outnumber the stored rows; returns how to rebuild them.</summary>
    public static IReadOnlyList<string> DropIfWorthwhile(RecordReader reader, int incomingRecords)
    {
        if (incomingRecords < Threshold) return [];
        using (var count = reader.Command("SELECT (SELECT count(*) FROM relationships) + (SELECT count(*) FROM entities)"))
        {
            if (Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > incomingRecords) return [];
        }
        var indexes = new List<(string Name, string Sql)>();
        using (var list = reader.Command("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"))
        using (var rows = list.ExecuteReader())
        {
            while (rows.Read()) indexes.Add((rows.GetString(0), rows.GetString(1)));
        }
        foreach (var (name, _) in indexes)
        {
            using var drop = reader.Command($"DROP INDEX \"{name.Replace("\"", "\"\"")}\"");
            drop.ExecuteNonQuery();
        }
        return indexes.Select(i => i.Sql).ToList();
    }

    public static void Rebuild(RecordReader reader, IReadOnlyList<string> definitions)
    {
        foreach (var sql in definitions)
        {
            using var create = reader.Command(sql);
            create.ExecuteNonQuery();
        }
    }
}
