using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite.Migrations;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in version order, each in its own transaction
/// together with its <c>schema_version</c> row, so a crash mid-way leaves the schema at a whole version.
/// </summary>
internal static class MigrationRunner
{
    private const string ResourceMarker = ".Migrations.";

    public static IReadOnlyList<Migration> Embedded { get; } = Discover();

    public static void Apply(SqliteConnection connection)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL);");
        var latest = Embedded.Count == 0 ? 0 : Embedded[^1].Version;
        var current = CurrentVersion(connection, null);
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this build knows ({latest}); refusing to run on it.");
        }

        foreach (var migration in Embedded.Where(m => m.Version > current))
        {
            // BEGIN IMMEDIATE takes the write lock first, so a second process starting at the same moment waits and
            // then sees the version already recorded instead of applying the script twice.
            using var transaction = connection.BeginTransaction(deferred: false);
            if (CurrentVersion(connection, transaction) < migration.Version)
            {
                Execute(connection, transaction, migration.Sql);
                using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, name) VALUES ($version, $name);";
                record.Parameters.AddWithValue("$version", migration.Version);
                record.Parameters.AddWithValue("$name", migration.Name);
                record.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static long CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<Migration> Discover()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var marker = resource.LastIndexOf(ResourceMarker, StringComparison.Ordinal);
            if (marker < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[(marker + ResourceMarker.Length)..^".sql".Length];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(underscore < 0 ? name : name[..underscore], NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, name, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));

        // A gap or a duplicate means a script was misnamed; applying around it would leave a schema no build expects.
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migrations must be numbered 1..N without gaps; found '{migrations[i].Name}' at position {i + 1}.");
            }
        }

        return migrations;
    }
}
