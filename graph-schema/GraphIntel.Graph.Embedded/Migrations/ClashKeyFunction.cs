using GraphIntel.Graph.Names;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded.Migrations;

/// <summary>
/// <see cref="ConfusableSkeleton.ClashKey"/> as an SQL function, for the migration that gives stored names their
/// clash keys (SQLite cannot compute UTS #39 skeletons itself).
/// </summary>
internal static class ClashKeyFunction
{
    public const string Name = "graphintel_clash_key";

    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string, string>(Name, ConfusableSkeleton.ClashKey, isDeterministic: true);
}
