using System.Globalization;
using Npgsql;

namespace Canteen.Storage.Postgres.Migrations;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in version order, each in its own transaction
/// together with its <c>schema_version</c> row (PostgreSQL DDL is transactional, so a crash leaves a whole version),
/// under the schema's advisory lock so instances starting at once never apply a script twice.
/// </summary>
internal static class MigrationRunner
{
    private const string ResourceMarker = ".Migrations.";

    public static IReadOnlyList<Migration> Embedded { get; } = Discover();

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        var latest = Embedded.Count == 0 ? 0 : Embedded[^1].Version;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        while (true)
        {
            // The version is read after the lock is held: whoever waited sees what the previous holder applied.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await SchemaLock.AcquireAsync(connection, schema, cancellationToken);
            var current = await PrepareAsync(connection, schema, cancellationToken);
            if (current > latest)
            {
                throw new InvalidOperationException(
                    $"Schema '{schema}' is at version {current}, newer than this build knows ({latest}); refusing to run on it.");
            }

            var next = Embedded.FirstOrDefault(m => m.Version > current);
            if (next is not null)
            {
                await ExecuteAsync(connection, next.Sql, cancellationToken);
                await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES ($1, $2);", connection);
                record.Parameters.Add(Parameters.Of(next.Version));
                record.Parameters.Add(Parameters.Of(next.Name));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            if (next is null)
            {
                return;
            }
        }
    }

    /// <summary>Creates the schema and the version table when missing; returns the highest applied version.</summary>
    private static async Task<int> PrepareAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        // CREATE SCHEMA IF NOT EXISTS would still demand CREATE on the database; look first, so a role that was
        // given an existing schema (e.g. public) needs no such right.
        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1);", connection))
        {
            exists.Parameters.Add(Parameters.Of(schema));
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                await ExecuteAsync(connection, $"CREATE SCHEMA \"{schema}\";", cancellationToken);
            }
        }

        await ExecuteAsync(
            connection,
            "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, " +
            "applied_at timestamptz NOT NULL DEFAULT now());",
            cancellationToken);
        await using var current = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;", connection);
        return (int)(await current.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
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
                throw new InvalidOperationException(
                    $"Migrations must be numbered 1..N without gaps; found '{migrations[i].Name}' at position {i + 1}.");
            }
        }

        return migrations;
    }
}
