using GraphIntel.Graph.Store;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded;

/// <summary>
/// The embedded store's <see cref="WriteGeneration"/>: the one row of <c>write_generation</c> (migration 5), read by its
/// primary key and advanced inside the transaction of every write that changed a row (<see cref="AdvanceIfChanged"/>)
/// and of every later migration step (<see cref="Migrations.Migrator"/>).
/// </summary>
internal static class WriteGenerationSql
{
    public const string Table = "write_generation";

    public static WriteGeneration Read(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT store_id, value FROM {Table} WHERE id = 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? new WriteGeneration(reader.GetString(0), reader.GetInt64(1)) : new WriteGeneration(string.Empty, 0);
    }

    /// <summary>Rows inserted, updated or deleted on this connection since it was opened (SQLite's <c>total_changes()</c>).</summary>
    public static long TotalChanges(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT total_changes()";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Advances the generation in <paramref name="transaction"/> when rows changed since <paramref name="changesBefore"/> (<see cref="TotalChanges"/>).</summary>
    public static void AdvanceIfChanged(SqliteConnection connection, SqliteTransaction? transaction, long changesBefore)
    {
        if (TotalChanges(connection, transaction) != changesBefore) Advance(connection, transaction);
    }

    /// <summary>Advances the generation in <paramref name="transaction"/>, if the store keeps one yet (before migration 5 it does not).</summary>
    public static void Advance(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '{Table}'";
        if ((long)command.ExecuteScalar()! == 0) return;
        command.CommandText = $"UPDATE {Table} SET value = value + 1 WHERE id = 1";
        command.ExecuteNonQuery();
    }
}
