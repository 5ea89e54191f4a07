using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded.Migrations;

/// <summary>
/// Brings a database up to the latest <see cref="SchemaMigrations"/> step, recording each in <c>schema_version</c> and
/// advancing the write generation (<see cref="WriteGenerationSql"/>) in the step's transaction once the store keeps one.
/// </summary>
internal static class Migrator
{
    /// <summary>Applies the steps the database lacks, each in its own transaction; returns the versions applied.</summary>
    public static IReadOnlyList<int> Migrate(SqliteConnection connection, IReadOnlyList<Migration> migrations, DateTimeOffset now)
    {
        Execute(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_at  TEXT NOT NULL
            )
            """);
        var current = CurrentVersion(connection);
        var applied = new List<int>();
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            if (migration.Version <= current) continue;
            using var tx = connection.BeginTransaction();
            try
            {
                Execute(connection, tx, migration.Sql);
                // A step may rewrite data (backfills): caches elsewhere must see it, as they see any write.
                WriteGenerationSql.Advance(connection, tx);
                using var record = connection.CreateCommand();
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($v, $d, $at)";
                record.Parameters.AddWithValue("$v", migration.Version);
                record.Parameters.AddWithValue("$d", migration.Description);
                record.Parameters.AddWithValue("$at", now.ToString("O", CultureInfo.InvariantCulture));
                record.ExecuteNonQuery();
                tx.Commit();
            }
            catch (SqliteException e)
            {
                throw new InvalidOperationException($"embedded store migration {migration.Version} ({migration.Description}) failed: {e.Message}", e);
            }
            applied.Add(migration.Version);
        }
        return applied;
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
