using GraphIntel.Graph.Model;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded;

/// <summary>
/// <see cref="TemporalProfile.StatusOn"/> as SQL, over the profile columns every dated record stores
/// (<c>possible_start</c>, <c>possible_end</c>, <c>core_start</c>, <c>core_end</c>; unbounded sides as
/// <see cref="int.MinValue"/>/<see cref="int.MaxValue"/>, no core as an empty span) and its rows in <c>evidence</c>.
/// The same three tests, in the same order: not EXCLUDED, then KNOWN by the core or by an evidence span inside the
/// asOf span, else POSSIBLE (admitted only when the read asks for it).
/// </summary>
internal static class TemporalSql
{
    /// <summary>
    /// The condition that the record <paramref name="alias"/> (whose evidence rows have owner kind
    /// <paramref name="ownerKind"/>) is admitted on <c>$asOfStart..$asOfEnd</c> with <c>$possible</c>; true when
    /// <c>$asOfStart</c> is null (no asOf asked).
    /// </summary>
    public static string Admits(string alias, string ownerKind) => $"""
        ($asOfStart IS NULL OR ({alias}.possible_start <= $asOfEnd AND {alias}.possible_end >= $asOfStart
            AND ($possible OR ({alias}.core_start <= $asOfEnd AND {alias}.core_end >= $asOfStart)
                 OR EXISTS (SELECT 1 FROM evidence v WHERE v.owner_kind = '{ownerKind}' AND v.owner_id = {alias}.id
                            AND v.start_day >= $asOfStart AND v.end_day <= $asOfEnd))))
        """;

    /// <summary>The parameters of <see cref="Admits"/>: the asOf span as day numbers (null for none) and the certainty asked.</summary>
    public static void AddAsOf(SqliteCommand command, PartialDate? asOf, TemporalCertainty certainty)
    {
        command.AddNullable("$asOfStart", asOf?.Start.DayNumber);
        command.AddNullable("$asOfEnd", asOf?.End.DayNumber);
        command.Parameters.AddWithValue("$possible", certainty == TemporalCertainty.Possible);
    }
}
