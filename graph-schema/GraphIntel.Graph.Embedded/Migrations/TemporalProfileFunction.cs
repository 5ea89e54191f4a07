using GraphIntel.Graph.Model;
using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded.Migrations;

/// <summary>
/// <see cref="TemporalProfile.Of(Validity, IReadOnlyCollection{PartialDate})"/> as an SQL function, for the migration
/// that gives stored rows their profile columns: <c>graphintel_temporal_profile(start, end)</c> takes the two ends as
/// stored (EDTF bounds or plain dates, null for unknown) and returns the profile as JSON (<see cref="RecordJson"/>).
/// </summary>
internal static class TemporalProfileFunction
{
    public const string Name = "graphintel_temporal_profile";

    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string?, string?, string>(Name, Profile, isDeterministic: true);

    private static string Profile(string? start, string? end) =>
        RecordJson.Serialize(TemporalProfile.Of(new Validity(DateBound.Parse(start), DateBound.Parse(end)), []));
}
