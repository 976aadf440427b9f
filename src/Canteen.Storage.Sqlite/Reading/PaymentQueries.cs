using Canteen.Core.Payments;
using Canteen.Engine.Storage;

namespace Canteen.Storage.Sqlite.Reading;

/// <summary>Payment reads, each on its own pooled connection so they never wait for the writer (WAL).</summary>
internal sealed class PaymentQueries(SqliteConnections connections)
{
    public async Task<Payment?> FindAsync(long paymentId, CancellationToken cancellationToken)
    {
        var found = await ReadAsync($"SELECT {PaymentRows.Columns} FROM payments WHERE id = $id;", "$id", paymentId, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>An order has a handful of payments at most: sorting them costs nothing beside the index lookup.</summary>
    public Task<IReadOnlyList<Payment>> FindOfOrderAsync(long orderId, CancellationToken cancellationToken) => ReadAsync(
        $"SELECT {PaymentRows.Columns} FROM payments WHERE order_id = $order_id ORDER BY created_at, id;",
        "$order_id",
        orderId,
        cancellationToken);

    public async Task<IReadOnlyList<long>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // "IS NOT NULL" repeats the partial index's predicate so SQLite may use it; the range then walks it in order.
        command.CommandText =
            "SELECT id FROM payments WHERE next_check_at IS NOT NULL AND next_check_at <= $now ORDER BY next_check_at, id LIMIT $limit;";
        command.Parameters.AddWithValue("$now", StoredValues.ToTicks(now));
        command.Parameters.AddWithValue("$limit", limit);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private async Task<IReadOnlyList<Payment>> ReadAsync(string sql, string name, long value, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue(name, value);
        var payments = new List<Payment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            payments.Add(PaymentRows.Read(reader));
        }

        return payments;
    }
}
