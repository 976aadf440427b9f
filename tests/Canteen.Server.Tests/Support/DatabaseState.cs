using Microsoft.Data.Sqlite;

namespace Canteen.Server.Tests.Support;

/// <summary>
/// A fingerprint of everything an order request can write (row counts and stock totals), read straight from the
/// SQLite file, to prove a rejected request changed nothing.
/// </summary>
public static class DatabaseState
{
    private static readonly string[] Queries =
    [
        "SELECT COUNT(*) FROM orders",
        "SELECT COUNT(*) FROM stock_holds",
        "SELECT COUNT(*) FROM idempotency_keys",
        "SELECT COUNT(*) FROM outbox",
        "SELECT COALESCE(SUM(total), 0) FROM stock_levels",
        "SELECT COALESCE(SUM(quantity), 0) FROM stock_holds WHERE state = 'held'",
    ];

    public static async Task<string> CaptureAsync(CanteenApp app)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var values = new List<string>();
        foreach (var sql in Queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            values.Add($"{sql} = {await command.ExecuteScalarAsync()}");
        }

        return string.Join("\n", values);
    }
}
