using System.Text.Json;
using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded;

/// <summary>
/// Parameter helpers. Collections travel as one JSON-array parameter read with <c>json_each</c>, so a batch of keys is
/// one parameterized statement whatever its size; no SQL is ever built from input values.
/// </summary>
internal static class SqlParameters
{
    /// <summary>Batches larger than this are split, to bound the size of one statement's working set.</summary>
    public const int BatchSize = 20_000;

    public static SqliteParameter AddJsonArray<T>(this SqliteCommand command, string name, IEnumerable<T>? values) =>
        command.Parameters.AddWithValue(name, values is null ? DBNull.Value : JsonSerializer.Serialize(values));

    public static SqliteParameter AddNullable(this SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    public static IEnumerable<string[]> Batches(IEnumerable<string> ids) => ids.Distinct(StringComparer.Ordinal).Chunk(BatchSize);

    public static string Name<T>(T value) where T : struct, Enum => EnumNames.ToContractName(value);

    public static object DateText(PartialDate? date) => date?.ToString() ?? (object)DBNull.Value;

    /// <summary>One end of an interval as EDTF text; an unknown end is stored as null.</summary>
    public static object BoundText(DateBound bound) => bound.IsUnknown ? DBNull.Value : bound.ToString();

    /// <summary>A day as its day number; null (unbounded) stays null.</summary>
    public static object Day(DateOnly? day) => day is { } d ? d.DayNumber : DBNull.Value;

    /// <summary>The first day a date covers, as a day number; null stays null (an open start).</summary>
    public static object StartDay(PartialDate? date) => Day(date?.Start);

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? GetNullableInt(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static PartialDate? GetPartialDate(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : PartialDate.Parse(reader.GetString(ordinal));

    public static DateBound GetDateBound(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? DateBound.Unknown : DateBound.Parse(reader.GetString(ordinal));

    public static T GetEnum<T>(this SqliteDataReader reader, int ordinal) where T : struct, Enum =>
        EnumNames.Parse<T>(reader.GetString(ordinal));
}
