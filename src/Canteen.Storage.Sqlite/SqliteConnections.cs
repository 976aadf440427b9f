using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite;

/// <summary>
/// Opens the two kinds of connection the adapter uses: one long-lived, unpooled write connection, and pooled
/// read connections that WAL lets run beside the writer without blocking it or each other.
/// </summary>
internal sealed class SqliteConnections
{
    private static readonly string[] SynchronousModes = ["OFF", "NORMAL", "FULL", "EXTRA"];

    private readonly string _synchronous;
    private readonly string _readConnectionString;
    private readonly string _writeConnectionString;

    public SqliteConnections(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.FileName);
        if (SynchronousError(options.Synchronous) is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _synchronous = options.Synchronous.Trim().ToUpperInvariant();
        DataDirectory = Path.GetFullPath(options.DataDirectory);
        FilePath = Path.Combine(DataDirectory, options.FileName);
        _readConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,

            // Microsoft.Data.Sqlite retries a busy database until the command timeout, so readers need no
            // busy_timeout pragma (a round trip on every pooled open, i.e. on every order's idempotency lookup).
            DefaultTimeout = 5,
        }.ToString();
        _writeConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
    }

    public string DataDirectory { get; }

    /// <summary>Why <paramref name="synchronous"/> is not a <c>PRAGMA synchronous</c> mode, or null when it is one.</summary>
    /// <remarks>A fixed list, because the value is spliced into a PRAGMA, which takes no parameters.</remarks>
    public static string? SynchronousError(string? synchronous) =>
        synchronous is not null && Array.IndexOf(SynchronousModes, synchronous.Trim().ToUpperInvariant()) >= 0
            ? null
            : $"Sqlite Synchronous must be one of {string.Join(", ", SynchronousModes)}; got '{synchronous}'.";

    public string FilePath { get; }

    public SqliteConnection OpenWriter()
    {
        Directory.CreateDirectory(DataDirectory);
        var connection = new SqliteConnection(_writeConnectionString);
        try
        {
            connection.Open();

            // WAL is what lets readers run during a commit; refuse to start without it rather than serialise silently.
            var mode = Scalar(connection, "PRAGMA journal_mode=WAL;") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL journal mode for '{FilePath}' (got '{mode}').");
            }

            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = $"PRAGMA synchronous={_synchronous}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether <paramref name="from"/> (a FROM and WHERE clause with one parameter, <c>$p</c>) matches any row.</summary>
    public async Task<bool> AnyAsync(string from, object value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT EXISTS (SELECT 1 {from});";
        command.Parameters.AddWithValue("$p", value);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    /// <summary>Closes idle pooled readers so the file is released (at dispose; in-use ones close when returned).</summary>
    public void ClearReadPool()
    {
        using var connection = new SqliteConnection(_readConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
