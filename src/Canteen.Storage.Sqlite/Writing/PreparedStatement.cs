using Microsoft.Data.Sqlite;

namespace Canteen.Storage.Sqlite.Writing;

/// <summary>
/// A command compiled once on the write connection and re-executed for every batch with new values: SQLite keeps
/// the prepared statement as long as the command text and connection stay the same, so a hot insert costs a bind
/// and a step, not a parse.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedStatement(SqliteConnection connection, string sql, params ReadOnlySpan<string> parameterNames)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter(parameterNames[i], DBNull.Value));
        }

        _command.Prepare();
    }

    /// <summary>Every statement of a batch must run in the batch's transaction (Microsoft.Data.Sqlite checks it).</summary>
    public void Enlist(SqliteTransaction transaction) => _command.Transaction = transaction;

    /// <summary>Binds <paramref name="values"/> to the parameters in declaration order and runs the statement.</summary>
    public int Execute(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return _command.ExecuteNonQuery();
    }

    public object? Scalar(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return _command.ExecuteScalar();
    }

    public void Dispose() => _command.Dispose();

    private void Bind(ReadOnlySpan<object?> values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"Expected {_parameters.Length} values, got {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
