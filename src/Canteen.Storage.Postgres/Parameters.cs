using Npgsql;
using NpgsqlTypes;

namespace Canteen.Storage.Postgres;

/// <summary>
/// Positional (<c>$1</c>, <c>$2</c>...) parameters, sent to PostgreSQL as they are: no SQL rewriting on the client.
/// The generic form writes values without boxing.
/// </summary>
internal static class Parameters
{
    public static NpgsqlParameter<T> Of<T>(T value) => new() { TypedValue = value };

    /// <summary>For a value whose type PostgreSQL cannot infer from the CLR type alone (null text, jsonb).</summary>
    public static NpgsqlParameter<T> Of<T>(T value, NpgsqlDbType type) => new() { TypedValue = value, NpgsqlDbType = type };

    public static NpgsqlBatchCommand Command(string sql, params ReadOnlySpan<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
