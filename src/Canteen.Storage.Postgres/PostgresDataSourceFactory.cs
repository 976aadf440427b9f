using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace Canteen.Storage.Postgres;

/// <summary>Validates the options and builds the one pooled <see cref="NpgsqlDataSource"/> a storage instance owns.</summary>
internal static partial class PostgresDataSourceFactory
{
    // Hot statements (the writer's, the order reads) have fixed texts; preparing them server-side turns each
    // execution into a bind and an execute, no parse or plan. Used only when the connection string says nothing.
    private const int DefaultMaxAutoPrepare = 64;

    public static NpgsqlDataSource Create(PostgresStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException(
                "PostgreSQL storage needs a connection string: set PostgresStorageOptions.ConnectionString " +
                "(configuration key Canteen:Postgres:ConnectionString), e.g. " +
                "'Host=127.0.0.1;Port=5432;Username=canteen;Password=...;Database=canteen'.",
                nameof(options));
        }

        ValidateSchema(options.Schema);
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        var settings = builder.ConnectionStringBuilder;

        // search_path travels in the start-up packet, so every pooled connection resolves unqualified table names to
        // this schema at no extra round trip; the migration scripts rely on it.
        settings.SearchPath = options.Schema;
        settings.ApplicationName ??= "canteen";
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        // By default Npgsql resets every connection handed back to the pool (DISCARD ALL's seven statements, sent
        // with the next command): about one reset per order placed, and a fifth of PostgreSQL's CPU per order at
        // peak. The adapter leaves no session state to reset: search_path comes with the start-up packet, the schema
        // lock is transaction-scoped, and nothing listens, prepares by hand or creates temporary tables. An explicit
        // "No Reset On Close" in the connection string still wins.
        if (!Mentions(options.ConnectionString, "NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        return builder.Build();
    }

    // Npgsql's own builder reports every keyword it knows as present; the plain parser sees only what was written
    // (in either spelling, "No Reset On Close" or "NoResetOnClose").
    private static bool Mentions(string connectionString, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The schema name is spliced into <c>CREATE SCHEMA</c> (identifiers take no parameters) and into search_path,
    /// which folds unquoted names to lower case: lower-case identifiers only, so both mean the same schema.
    /// </summary>
    private static void ValidateSchema(string? schema)
    {
        if (schema is null || !SchemaName().IsMatch(schema))
        {
            throw new ArgumentException(
                $"Schema must be a lower-case identifier (a-z, 0-9, _; not starting with a digit; at most 63 characters); got '{schema}'.",
                nameof(schema));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
