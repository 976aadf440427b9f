using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Canteen.Storage.Sqlite.Writing;

/// <summary>
/// A statement compiled once on the write connection and re-executed for every batch with new values: a hot insert
/// costs a bind and a step, not a parse.
/// </summary>
/// <remarks>
/// Bound and stepped through SQLite's own API rather than a <see cref="SqliteCommand"/>: the command allocated a
/// binder per parameter per execution, converted every parameter's name to UTF-8 to look up its index again, and a
/// data reader even for an insert (≈ 3.3 KB per placed order, a tenth of everything the server allocated for it).
/// Here the indexes are looked up once, text is bound as UTF-16 (SQLite converts it in place, storing the same UTF-8
/// a command stores) and failures are the same <see cref="SqliteException"/>s. Every statement runs inside the
/// writer's transaction; one run outside it would commit on its own, so that is refused.
/// </remarks>
internal sealed class PreparedStatement : IDisposable
{
    // sqlite3_prepare_v3 flag: the statement lives as long as the writer, so SQLite need not take it from its lookaside.
    private const uint PreparePersistent = 0x01;

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _indexes;

    public PreparedStatement(SqliteConnection connection, string sql, params ReadOnlySpan<string> parameterNames)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v3(_database, sql, PreparePersistent, out _statement), _database);
        try
        {
            var count = raw.sqlite3_bind_parameter_count(_statement);
            if (count != parameterNames.Length)
            {
                throw new ArgumentException($"The statement has {count} parameters; {parameterNames.Length} names were given.", nameof(parameterNames));
            }

            _indexes = new int[parameterNames.Length];
            for (var i = 0; i < parameterNames.Length; i++)
            {
                _indexes[i] = raw.sqlite3_bind_parameter_index(_statement, parameterNames[i]);
                if (_indexes[i] == 0)
                {
                    throw new ArgumentException($"The statement has no parameter {parameterNames[i]}.", nameof(parameterNames));
                }
            }
        }
        catch
        {
            _statement.Dispose();
            throw;
        }
    }

    /// <summary>Binds <paramref name="values"/> to the parameters in declaration order and runs the statement.</summary>
    /// <returns>The rows it inserted, changed or deleted.</returns>
    public int Execute(params ReadOnlySpan<object?> values)
    {
        Run(values, out _);
        return raw.sqlite3_changes(_database);
    }

    /// <summary>Runs a query whose first row's first column is an integer (a count, an EXISTS).</summary>
    public long QueryInt64(params ReadOnlySpan<object?> values) =>
        Run(values, out var first) ? first : throw new InvalidOperationException("The query returned no row.");

    public void Dispose() => _statement.Dispose();

    private bool Run(ReadOnlySpan<object?> values, out long firstColumn)
    {
        if (raw.sqlite3_get_autocommit(_database) != 0)
        {
            throw new InvalidOperationException("A prepared write ran outside the writer's transaction.");
        }

        Bind(values);
        try
        {
            var rc = raw.sqlite3_step(_statement);
            var hasRow = rc == raw.SQLITE_ROW;
            firstColumn = hasRow ? raw.sqlite3_column_int64(_statement, 0) : 0;
            while (rc == raw.SQLITE_ROW)
            {
                rc = raw.sqlite3_step(_statement);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _database);
            }

            return hasRow;
        }
        finally
        {
            // Releases the statement's read of the database and lets the next run bind again.
            raw.sqlite3_reset(_statement);
        }
    }

    private void Bind(ReadOnlySpan<object?> values)
    {
        if (values.Length != _indexes.Length)
        {
            throw new ArgumentException($"Expected {_indexes.Length} values, got {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            var index = _indexes[i];
            var rc = values[i] switch
            {
                null or DBNull => raw.sqlite3_bind_null(_statement, index),
                long number => raw.sqlite3_bind_int64(_statement, index, number),
                int number => raw.sqlite3_bind_int64(_statement, index, number),
                bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
                string text => raw.sqlite3_bind_text16(_statement, index, text.AsSpan()),
                double number => raw.sqlite3_bind_double(_statement, index, number),
                byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
                var other => throw new NotSupportedException($"Cannot bind a {other.GetType().Name} to parameter {index}."),
            };
            SqliteException.ThrowExceptionForRC(rc, _database);
        }
    }
}
