using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded.Tests;

/// <summary>A store's SQLite file reached directly, beside the store: to hold its locks or to read what it wrote.</summary>
internal static class RawDatabase
{
    /// <summary>A connection of its own (no pooling) to <paramref name="path"/>.</summary>
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(this SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static void Execute(this SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
