using GraphIntel.Graph.Embedded.Migrations;
using Microsoft.Data.Sqlite;

namespace GraphIntel.Graph.Embedded.Tests;

/// <summary>
/// An embedded store file as an older release left it: the schema migrations up to <c>version</c> only, for the tests
/// that write rows in an old shape and then let the store migrate them. The SQL functions the migrations call are
/// registered as the store registers them.
/// </summary>
internal static class LegacyStore
{
    /// <summary>Opens <paramref name="path"/> (foreign keys on, as the store opens it) migrated up to <paramref name="version"/>.</summary>
    public static SqliteConnection OpenAt(string path, int version)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False;Foreign Keys=True");
        connection.Open();
        ClashKeyFunction.Register(connection);
        TemporalProfileFunction.Register(connection);
        Migrator.Migrate(connection, SchemaMigrations.All.Where(m => m.Version <= version).ToList(), DateTimeOffset.UnixEpoch);
        return connection;
    }
}
